using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using LakeCircle.Core.Model;

namespace LakeCircle.Core.Fingerprinting;

/// <summary>
/// Writes the canonical form of rules and configurations (compact JSON with a fixed key order) and hashes it.
/// Every decision about which shapes mean the same thing lives here and is documented in docs/fingerprint.md.
/// The canonical form is defined for every configuration; for configurations that validation rejects it is still
/// deterministic but not promised to separate every invalid shape.
/// </summary>
internal static class CanonicalForm
{
    private static readonly JsonWriterOptions WriterOptions = new() { Indented = false, SkipValidation = false };

    // Each rule and configuration instance computes its fingerprints once (RuleCanonical, ConfigurationCanonical);
    // the model is immutable and a `with` copy starts without the cached values.

    public static string RuleFingerprint(LifecycleRule rule)
    {
        var canonical = rule.Canonical;
        if (canonical.Fingerprint is { } fingerprint)
        {
            return fingerprint;
        }

        return canonical.Fingerprint = Hash(w => WriteRule(w, rule, includeId: true));
    }

    public static string RuleContentFingerprint(LifecycleRule rule)
    {
        var canonical = rule.Canonical;
        return canonical.ContentFingerprint ??= Hash(w => WriteRule(w, rule, includeId: false));
    }

    public static string ConfigurationFingerprint(LifecycleConfiguration configuration)
    {
        var canonical = configuration.Canonical;
        if (canonical.Fingerprint is { } fingerprint)
        {
            return fingerprint;
        }

        var rules = OrderedRules(configuration);
        return canonical.Fingerprint = Hash(w => WriteConfiguration(w, configuration, rules));
    }

    /// <summary>The canonical JSON of a rule (for diagnostics and tests).</summary>
    /// <remarks>Not kept: a rule's JSON is several times the size of its fingerprint, and only changed rules and
    /// configuration fingerprints (each computed once) need it.</remarks>
    public static string RuleJson(LifecycleRule rule) => Json(w => WriteRule(w, rule, includeId: true));

    /// <summary>The canonical JSON of a configuration (for diagnostics and tests).</summary>
    public static string ConfigurationJson(LifecycleConfiguration configuration)
    {
        var rules = OrderedRules(configuration);
        return Json(w => WriteConfiguration(w, configuration, rules));
    }

    /// <summary>The ID LakeCircle gives a rule without one: <c>lc-</c> and the first 16 hex digits of its content fingerprint.</summary>
    public static string DerivedId(LifecycleRule rule)
    {
        var canonical = rule.Canonical;
        return canonical.DerivedId ??= "lc-" + RuleContentFingerprint(rule)[..16];
    }

    /// <summary>The ID a rule is known by: its own, or the derived one when it has none.</summary>
    public static string EffectiveId(LifecycleRule rule) => string.IsNullOrEmpty(rule.Id) ? DerivedId(rule) : rule.Id;

    private static void WriteConfiguration(Utf8JsonWriter w, LifecycleConfiguration configuration, (string Id, string Json)[] rules)
    {
        w.WriteStartObject();
        w.WriteStartArray("rules");
        foreach (var (_, json) in rules)
        {
            w.WriteRawValue(json, skipInputValidation: true);
        }

        w.WriteEndArray();
        if (configuration.TransitionDefaultMinimumObjectSize is { } minimum)
        {
            w.WriteString("transitionDefaultMinimumObjectSize", minimum);
        }

        w.WriteEndObject();
    }

    /// <summary>The rules' IDs and canonical JSON, ordered by ID then JSON (computed before any writing starts).</summary>
    private static (string Id, string Json)[] OrderedRules(LifecycleConfiguration configuration)
    {
        var rules = new (string Id, string Json)[configuration.Rules.Count];
        for (var i = 0; i < rules.Length; i++)
        {
            var rule = configuration.Rules[i];
            rules[i] = (EffectiveId(rule), RuleJson(rule));
        }

        // Equal keys are equal items, so the order of ties does not matter.
        Array.Sort(rules, static (a, b) =>
        {
            var byId = string.CompareOrdinal(a.Id, b.Id);
            return byId != 0 ? byId : string.CompareOrdinal(a.Json, b.Json);
        });
        return rules;
    }

    private static readonly Comparison<LifecycleTransition> TransitionOrder = static (a, b) =>
    {
        var byDays = (a.Days ?? -1).CompareTo(b.Days ?? -1);
        if (byDays != 0)
        {
            return byDays;
        }

        var byDate = (a.Date?.UtcTicks ?? -1).CompareTo(b.Date?.UtcTicks ?? -1);
        return byDate != 0 ? byDate : string.CompareOrdinal(a.StorageClass, b.StorageClass);
    };

    private static readonly Comparison<NoncurrentVersionTransition> NoncurrentTransitionOrder = static (a, b) =>
    {
        var byDays = (a.NoncurrentDays ?? -1).CompareTo(b.NoncurrentDays ?? -1);
        if (byDays != 0)
        {
            return byDays;
        }

        var byNewer = (a.NewerNoncurrentVersions ?? -1).CompareTo(b.NewerNoncurrentVersions ?? -1);
        return byNewer != 0 ? byNewer : string.CompareOrdinal(a.StorageClass, b.StorageClass);
    };

    private static readonly Comparison<LifecycleTag> TagOrder = static (a, b) =>
    {
        var byKey = string.CompareOrdinal(a.Key, b.Key);
        return byKey != 0 ? byKey : string.CompareOrdinal(a.Value, b.Value);
    };

    /// <summary>The items in order, ties kept in their original order (as a stable sort keeps them); the list itself when already ordered.</summary>
    private static IReadOnlyList<T> Sorted<T>(IReadOnlyList<T> items, Comparison<T> order)
    {
        var ordered = true;
        for (var i = 1; i < items.Count && ordered; i++)
        {
            ordered = order(items[i - 1], items[i]) <= 0;
        }

        if (ordered)
        {
            return items;
        }

        // Insertion sort: stable, and the lists are short.
        var sorted = items.ToArray();
        for (var i = 1; i < sorted.Length; i++)
        {
            var item = sorted[i];
            var j = i - 1;
            while (j >= 0 && order(sorted[j], item) > 0)
            {
                sorted[j + 1] = sorted[j];
                j--;
            }

            sorted[j + 1] = item;
        }

        return sorted;
    }

    private static void WriteRule(Utf8JsonWriter w, LifecycleRule rule, bool includeId)
    {
        w.WriteStartObject();
        if (includeId)
        {
            w.WriteString("id", EffectiveId(rule));
        }

        w.WriteString("status", rule.Status);
        WriteFilter(w, rule);

        var expiration = rule.Expiration;
        if (expiration is not null && (expiration.Days is not null || expiration.Date is not null || expiration.ExpiredObjectDeleteMarker == true))
        {
            w.WriteStartObject("expiration");
            WriteNumber(w, "days", expiration.Days);
            WriteDate(w, "date", expiration.Date);
            if (expiration.ExpiredObjectDeleteMarker == true)
            {
                w.WriteBoolean("expiredObjectDeleteMarker", true);
            }

            w.WriteEndObject();
        }

        if (rule.Transitions.Count > 0)
        {
            w.WriteStartArray("transitions");
            foreach (var t in Sorted(rule.Transitions, TransitionOrder))
            {
                w.WriteStartObject();
                WriteNumber(w, "days", t.Days);
                WriteDate(w, "date", t.Date);
                w.WriteString("storageClass", t.StorageClass);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        var noncurrent = rule.NoncurrentVersionExpiration;
        if (noncurrent is not null && (noncurrent.NoncurrentDays is not null || noncurrent.NewerNoncurrentVersions is not null))
        {
            w.WriteStartObject("noncurrentVersionExpiration");
            WriteNumber(w, "noncurrentDays", noncurrent.NoncurrentDays);
            WriteNumber(w, "newerNoncurrentVersions", noncurrent.NewerNoncurrentVersions);
            w.WriteEndObject();
        }

        if (rule.NoncurrentVersionTransitions.Count > 0)
        {
            w.WriteStartArray("noncurrentVersionTransitions");
            foreach (var t in Sorted(rule.NoncurrentVersionTransitions, NoncurrentTransitionOrder))
            {
                w.WriteStartObject();
                WriteNumber(w, "noncurrentDays", t.NoncurrentDays);
                WriteNumber(w, "newerNoncurrentVersions", t.NewerNoncurrentVersions);
                w.WriteString("storageClass", t.StorageClass);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        if (rule.AbortIncompleteMultipartUpload?.DaysAfterInitiation is { } abortDays)
        {
            w.WriteStartObject("abortIncompleteMultipartUpload");
            w.WriteNumber("daysAfterInitiation", abortDays);
            w.WriteEndObject();
        }

        w.WriteEndObject();
    }

    /// <summary>
    /// Writes the conditions an object must meet, flattened: a missing filter, an empty filter, an empty prefix and
    /// the legacy rule-level prefix all reduce to the same form; a one-condition And equals the bare predicate.
    /// </summary>
    private static void WriteFilter(Utf8JsonWriter w, LifecycleRule rule)
    {
        var filter = rule.Filter;
        var and = filter?.And;
        var prefixes = Prefixes(filter?.Prefix, and?.Prefix, rule.Prefix);
        IReadOnlyList<LifecycleTag> tags = filter?.Tag is { } tag
            ? [tag, .. and?.Tags ?? ValueList<LifecycleTag>.Empty]
            : and?.Tags ?? ValueList<LifecycleTag>.Empty;

        var greater = filter?.ObjectSizeGreaterThan ?? and?.ObjectSizeGreaterThan;
        var less = filter?.ObjectSizeLessThan ?? and?.ObjectSizeLessThan;

        w.WriteStartObject("filter");
        if (prefixes.Count == 1)
        {
            w.WriteString("prefix", prefixes[0]);
        }
        else if (prefixes.Count > 1)
        {
            w.WriteStartArray("prefix");
            foreach (var p in prefixes)
            {
                w.WriteStringValue(p);
            }

            w.WriteEndArray();
        }

        if (tags.Count > 0)
        {
            w.WriteStartArray("tags");
            foreach (var t in Sorted(tags, TagOrder))
            {
                w.WriteStartArray();
                w.WriteStringValue(t.Key);
                w.WriteStringValue(t.Value);
                w.WriteEndArray();
            }

            w.WriteEndArray();
        }

        WriteNumber(w, "objectSizeGreaterThan", greater);
        WriteNumber(w, "objectSizeLessThan", less);
        w.WriteEndObject();
    }

    /// <summary>The distinct non-empty prefixes, in ordinal order.</summary>
    private static List<string> Prefixes(string? a, string? b, string? c)
    {
        var prefixes = new List<string>(3);
        foreach (var p in (ReadOnlySpan<string?>)[a, b, c])
        {
            if (!string.IsNullOrEmpty(p) && !prefixes.Contains(p, StringComparer.Ordinal))
            {
                prefixes.Add(p);
            }
        }

        prefixes.Sort(StringComparer.Ordinal);
        return prefixes;
    }

    private static void WriteNumber(Utf8JsonWriter w, string name, long? value)
    {
        if (value is { } v)
        {
            w.WriteNumber(name, v);
        }
    }

    private static void WriteDate(Utf8JsonWriter w, string name, DateTimeOffset? value)
    {
        if (value is { } v)
        {
            w.WriteString(name, FormatDate(v));
        }
    }

    /// <summary>Formats a date as UTC ISO 8601 with seconds and, only when present, fractions.</summary>
    public static string FormatDate(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    private static string Json(Action<Utf8JsonWriter> write)
    {
        var scratch = Scratch.Rent();
        try
        {
            return Encoding.UTF8.GetString(scratch.Write(write));
        }
        finally
        {
            Scratch.Return(scratch);
        }
    }

    private static string Hash(Action<Utf8JsonWriter> write)
    {
        var scratch = Scratch.Rent();
        try
        {
            return HexHash(scratch.Write(write));
        }
        finally
        {
            Scratch.Return(scratch);
        }
    }

    private static string HexHash(ReadOnlySpan<byte> bytes)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(bytes, hash);
        return Convert.ToHexStringLower(hash);
    }

    /// <summary>A buffer and writer reused by one thread at a time (one per thread is kept), so a form costs no writer of its own.</summary>
    private sealed class Scratch
    {
        [ThreadStatic]
        private static Scratch? t_free;

        private readonly ArrayBufferWriter<byte> _buffer = new(1024);
        private readonly Utf8JsonWriter _writer;

        private Scratch() => _writer = new Utf8JsonWriter(_buffer, WriterOptions);

        public static Scratch Rent()
        {
            var scratch = t_free;
            t_free = null;
            return scratch ?? new Scratch();
        }

        public static void Return(Scratch scratch) => t_free = scratch;

        public ReadOnlySpan<byte> Write(Action<Utf8JsonWriter> write)
        {
            _buffer.ResetWrittenCount();
            _writer.Reset(_buffer);
            write(_writer);
            _writer.Flush();
            return _buffer.WrittenSpan;
        }
    }
}

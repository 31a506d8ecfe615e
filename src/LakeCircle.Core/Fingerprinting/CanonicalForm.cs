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

    // Each rule and configuration instance computes its canonical form once (RuleCanonical, ConfigurationCanonical);
    // the model is immutable and a `with` copy starts without the cached values.

    public static string RuleFingerprint(LifecycleRule rule)
    {
        var canonical = rule.Canonical;
        if (canonical.Fingerprint is { } fingerprint)
        {
            return fingerprint;
        }

        var (json, hash) = JsonAndHash(w => WriteRule(w, rule, includeId: true));
        canonical.Json ??= json;
        return canonical.Fingerprint = hash;
    }

    public static string RuleContentFingerprint(LifecycleRule rule)
    {
        var canonical = rule.Canonical;
        return canonical.ContentFingerprint ??= Hash(w => WriteRule(w, rule, includeId: false));
    }

    public static string ConfigurationFingerprint(LifecycleConfiguration configuration)
    {
        var canonical = configuration.Canonical;
        return canonical.Fingerprint ??= Hash(w => WriteConfiguration(w, configuration));
    }

    /// <summary>The canonical JSON of a rule (for diagnostics and tests).</summary>
    public static string RuleJson(LifecycleRule rule)
    {
        var canonical = rule.Canonical;
        return canonical.Json ??= Json(w => WriteRule(w, rule, includeId: true));
    }

    /// <summary>The canonical JSON of a configuration (for diagnostics and tests).</summary>
    public static string ConfigurationJson(LifecycleConfiguration configuration) => Json(w => WriteConfiguration(w, configuration));

    /// <summary>The ID LakeCircle gives a rule without one: <c>lc-</c> and the first 16 hex digits of its content fingerprint.</summary>
    public static string DerivedId(LifecycleRule rule)
    {
        var canonical = rule.Canonical;
        return canonical.DerivedId ??= "lc-" + RuleContentFingerprint(rule)[..16];
    }

    /// <summary>The ID a rule is known by: its own, or the derived one when it has none.</summary>
    public static string EffectiveId(LifecycleRule rule) => string.IsNullOrEmpty(rule.Id) ? DerivedId(rule) : rule.Id;

    private static void WriteConfiguration(Utf8JsonWriter w, LifecycleConfiguration configuration)
    {
        w.WriteStartObject();
        w.WriteStartArray("rules");
        var ordered = configuration.Rules
            .Select(r => (Id: EffectiveId(r), Json: RuleJson(r)))
            .OrderBy(r => r.Id, StringComparer.Ordinal)
            .ThenBy(r => r.Json, StringComparer.Ordinal);
        foreach (var (_, json) in ordered)
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
            foreach (var t in rule.Transitions.OrderBy(t => t.Days ?? -1).ThenBy(t => t.Date?.UtcTicks ?? -1).ThenBy(t => t.StorageClass, StringComparer.Ordinal))
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
            foreach (var t in rule.NoncurrentVersionTransitions.OrderBy(t => t.NoncurrentDays ?? -1).ThenBy(t => t.NewerNoncurrentVersions ?? -1).ThenBy(t => t.StorageClass, StringComparer.Ordinal))
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
        var prefixes = new[] { filter?.Prefix, and?.Prefix, rule.Prefix }
            .Where(p => !string.IsNullOrEmpty(p))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        var tags = new List<LifecycleTag>();
        if (filter?.Tag is { } tag)
        {
            tags.Add(tag);
        }

        if (and is not null)
        {
            tags.AddRange(and.Tags);
        }

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
            foreach (var t in tags.OrderBy(t => t.Key, StringComparer.Ordinal).ThenBy(t => t.Value, StringComparer.Ordinal))
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
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static (string Json, string Hash) JsonAndHash(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            write(writer);
        }

        return (Encoding.UTF8.GetString(buffer.WrittenSpan), Convert.ToHexStringLower(SHA256.HashData(buffer.WrittenSpan)));
    }

    private static string Hash(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            write(writer);
        }

        return Convert.ToHexStringLower(SHA256.HashData(buffer.WrittenSpan));
    }
}

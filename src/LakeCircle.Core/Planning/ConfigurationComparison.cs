using System.Text.Json;
using LakeCircle.Core.Fingerprinting;
using LakeCircle.Core.Model;

namespace LakeCircle.Core.Planning;

/// <summary>
/// The comparison by meaning, used by planning, the re-check before a write and verification: whether two
/// configurations are the same or mean the same (fingerprints of the canonical form, so equivalent shapes are equal),
/// and, over the plan's own rule pairing (<see cref="RuleMatch"/>), the fields a server did not keep, such as
/// <c>Filter.ObjectSizeGreaterThan</c>.
/// </summary>
internal static class ConfigurationComparison
{
    private static readonly (string Key, string Field)[] FilterParts =
    [
        ("prefix", "Filter.Prefix"), ("tags", "Filter.Tags"),
        ("objectSizeGreaterThan", "Filter.ObjectSizeGreaterThan"), ("objectSizeLessThan", "Filter.ObjectSizeLessThan"),
    ];

    /// <summary>Whether a configuration is "no lifecycle": none at all, or one without rules (the one place that decides it).</summary>
    public static bool IsNone([System.Diagnostics.CodeAnalysis.NotNullWhen(false)] LifecycleConfiguration? configuration) =>
        configuration is null || configuration.Rules.Count == 0;

    /// <summary>Whether two configurations are the same one, configuration-level settings included (both none counts).</summary>
    public static bool SameConfiguration(LifecycleConfiguration? a, LifecycleConfiguration? b) =>
        IsNone(a) ? IsNone(b) : !IsNone(b) && string.Equals(a.Fingerprint, b.Fingerprint, StringComparison.Ordinal);

    /// <summary>The fingerprint shown in messages: the first 12 digits, or <c>none</c> for no lifecycle configuration.</summary>
    public static string ShortFingerprint(LifecycleConfiguration? configuration) =>
        IsNone(configuration) ? "none" : configuration.Fingerprint[..12];

    /// <summary>
    /// Whether <paramref name="stored"/> means what <paramref name="sent"/> says (null: no configuration). A
    /// <c>TransitionDefaultMinimumObjectSize</c> not sent may come back with the server's default.
    /// </summary>
    public static bool SameMeaning(LifecycleConfiguration? sent, LifecycleConfiguration? stored) =>
        IsNone(sent)
            ? IsNone(stored)
            : stored is not null
                && sent.Fingerprint == (sent.TransitionDefaultMinimumObjectSize is null ? stored with { TransitionDefaultMinimumObjectSize = null } : stored).Fingerprint;

    /// <summary>
    /// What differs, one entry per rule field: <c>rule 'x': Filter.ObjectSizeGreaterThan: 1024 -> (none)</c>. The rules
    /// are paired as the plan pairs them (<see cref="RuleMatch"/>): a rule sent but not stored is <c>missing</c>, a rule
    /// stored but not sent is <c>not sent</c>.
    /// </summary>
    public static IReadOnlyList<string> Differences(LifecycleConfiguration? sent, LifecycleConfiguration? stored)
    {
        var match = RuleMatch.Of(sent?.Rules ?? ValueList<LifecycleRule>.Empty, stored?.Rules ?? ValueList<LifecycleRule>.Empty);
        var entries = match.Added.Select(r => (Id: CanonicalForm.EffectiveId(r), Fields: (IEnumerable<string>)["missing"]))
            .Concat(match.Changed.Select(c => (c.Id, Fields: RuleFields(c.After, c.Before))))
            .OrderBy(e => e.Id, StringComparer.Ordinal)
            .SelectMany(e => e.Fields.Select(f => $"rule '{e.Id}': {f}"))
            .ToList();
        entries.AddRange(match.Removed.Select(CanonicalForm.EffectiveId).Order(StringComparer.Ordinal).Select(id => $"rule '{id}': not sent"));
        var sentMinimum = sent?.TransitionDefaultMinimumObjectSize;
        if (sentMinimum is not null && sentMinimum != stored?.TransitionDefaultMinimumObjectSize)
        {
            entries.Add(new FieldChange(Planner.TransitionDefaultMinimumObjectSizeField, sentMinimum, stored?.TransitionDefaultMinimumObjectSize).ToString());
        }

        return entries;
    }

    private static IEnumerable<string> RuleFields(LifecycleRule sent, LifecycleRule stored)
    {
        foreach (var change in RuleFieldDiff.Of(sent, stored))
        {
            if (change.Field != "Filter")
            {
                yield return change.ToString();
                continue;
            }

            var before = FilterJson(sent);
            var after = FilterJson(stored);
            foreach (var (key, field) in FilterParts)
            {
                var b = before.GetValueOrDefault(key);
                var a = after.GetValueOrDefault(key);
                if (b != a)
                {
                    yield return new FieldChange(field, b, a).ToString();
                }
            }
        }
    }

    private static Dictionary<string, string> FilterJson(LifecycleRule rule)
    {
        using var document = JsonDocument.Parse(CanonicalForm.RuleJson(rule));
        return document.RootElement.TryGetProperty("filter", out var filter)
            ? filter.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetRawText(), StringComparer.Ordinal)
            : [];
    }
}

using System.Text.Json;
using LakeCircle.Core.Fingerprinting;
using LakeCircle.Core.Model;
using LakeCircle.Core.Planning;

namespace LakeCircle.Core.Workflows;

/// <summary>
/// Compares what was written with what a server stored, by meaning (fingerprints of the canonical form, so equivalent
/// shapes are equal), and names the fields the server did not keep, such as <c>Filter.ObjectSizeGreaterThan</c>.
/// </summary>
internal static class ConfigurationComparison
{
    private static readonly (string Key, string Field)[] FilterParts =
    [
        ("prefix", "Filter.Prefix"), ("tags", "Filter.Tags"),
        ("objectSizeGreaterThan", "Filter.ObjectSizeGreaterThan"), ("objectSizeLessThan", "Filter.ObjectSizeLessThan"),
    ];

    /// <summary>
    /// Whether <paramref name="stored"/> means what <paramref name="sent"/> says (null: no configuration). A
    /// <c>TransitionDefaultMinimumObjectSize</c> not sent may come back with the server's default.
    /// </summary>
    public static bool SameMeaning(LifecycleConfiguration? sent, LifecycleConfiguration? stored) =>
        sent is null || sent.Rules.Count == 0
            ? stored is null || stored.Rules.Count == 0
            : stored is not null
                && sent.Fingerprint == (sent.TransitionDefaultMinimumObjectSize is null ? stored with { TransitionDefaultMinimumObjectSize = null } : stored).Fingerprint;

    /// <summary>What differs, one entry per rule field: <c>rule 'x': Filter.ObjectSizeGreaterThan: 1024 -> (none)</c>.</summary>
    public static IReadOnlyList<string> Differences(LifecycleConfiguration? sent, LifecycleConfiguration? stored)
    {
        var differences = new List<string>();
        var sentRules = ById(sent);
        var storedRules = ById(stored);
        foreach (var (id, rule) in sentRules.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            if (!storedRules.TryGetValue(id, out var kept))
            {
                differences.Add($"rule '{id}': missing");
                continue;
            }

            differences.AddRange(RuleFields(rule, kept).Select(f => $"rule '{id}': {f}"));
        }

        differences.AddRange(storedRules.Keys.Where(id => !sentRules.ContainsKey(id)).Order(StringComparer.Ordinal).Select(id => $"rule '{id}': not sent"));
        var sentMinimum = sent?.TransitionDefaultMinimumObjectSize;
        if (sentMinimum is not null && sentMinimum != stored?.TransitionDefaultMinimumObjectSize)
        {
            differences.Add(new FieldChange(Planner.TransitionDefaultMinimumObjectSizeField, sentMinimum, stored?.TransitionDefaultMinimumObjectSize).ToString());
        }

        return differences;
    }

    private static Dictionary<string, LifecycleRule> ById(LifecycleConfiguration? configuration) =>
        (configuration?.Rules ?? ValueList<LifecycleRule>.Empty)
            .GroupBy(CanonicalForm.EffectiveId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

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

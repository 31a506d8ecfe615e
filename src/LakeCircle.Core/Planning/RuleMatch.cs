using LakeCircle.Core.Fingerprinting;
using LakeCircle.Core.Model;

namespace LakeCircle.Core.Planning;

/// <summary>
/// Pairs the desired rules with the actual ones by ID (<see cref="CanonicalForm.EffectiveId"/>) and sorts them into
/// added, removed, changed and unchanged. Same ID and fingerprint is unchanged; same ID and another fingerprint is
/// changed. Should a side hold one ID twice (validation rejects it), equal fingerprints pair first, then the rest in order.
/// </summary>
internal sealed class RuleMatch
{
    private RuleMatch(
        ValueList<LifecycleRule> added,
        ValueList<LifecycleRule> removed,
        ValueList<RuleChange> changed,
        ValueList<LifecycleRule> unchanged)
    {
        Added = added;
        Removed = removed;
        Changed = changed;
        Unchanged = unchanged;
    }

    public ValueList<LifecycleRule> Added { get; }

    public ValueList<LifecycleRule> Removed { get; }

    public ValueList<RuleChange> Changed { get; }

    public ValueList<LifecycleRule> Unchanged { get; }

    public bool HasDifferences => Added.Count > 0 || Removed.Count > 0 || Changed.Count > 0;

    public static RuleMatch Of(IReadOnlyList<LifecycleRule> desired, IReadOnlyList<LifecycleRule> actual)
    {
        // Positions in the actual list not yet paired, by ID.
        var remaining = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var j = 0; j < actual.Count; j++)
        {
            var id = CanonicalForm.EffectiveId(actual[j]);
            if (!remaining.TryGetValue(id, out var list))
            {
                remaining[id] = list = [];
            }

            list.Add(j);
        }

        // First pass: exact matches by meaning, so a duplicated ID cannot steal the partner of an unchanged rule.
        var partners = new LifecycleRule?[desired.Count];
        var unchanged = new bool[desired.Count];
        for (var i = 0; i < desired.Count; i++)
        {
            if (remaining.TryGetValue(CanonicalForm.EffectiveId(desired[i]), out var candidates))
            {
                var rule = desired[i];
                var index = candidates.FindIndex(j => SameMeaning(rule, actual[j]));
                if (index >= 0)
                {
                    partners[i] = actual[candidates[index]];
                    unchanged[i] = true;
                    candidates.RemoveAt(index);
                }
            }
        }

        // Second pass: the same ID with another meaning.
        for (var i = 0; i < desired.Count; i++)
        {
            if (!unchanged[i] && remaining.TryGetValue(CanonicalForm.EffectiveId(desired[i]), out var candidates) && candidates.Count > 0)
            {
                partners[i] = actual[candidates[0]];
                candidates.RemoveAt(0);
            }
        }

        var added = new List<LifecycleRule>();
        var changed = new List<RuleChange>();
        var same = new List<LifecycleRule>();
        for (var i = 0; i < desired.Count; i++)
        {
            if (unchanged[i])
            {
                same.Add(desired[i]);
            }
            else if (partners[i] is { } before)
            {
                changed.Add(new RuleChange(CanonicalForm.EffectiveId(desired[i]), before, desired[i], RuleFieldDiff.Of(before, desired[i])));
            }
            else
            {
                added.Add(desired[i]);
            }
        }

        var removed = remaining.Values.SelectMany(l => l).Order().Select(j => actual[j]).ToValueList();
        return new RuleMatch(added.ToValueList(), removed, changed.ToValueList(), same.ToValueList());
    }

    /// <summary>
    /// Same fingerprint. Rules equal field by field have the same canonical form, so that cheap comparison comes first
    /// and the canonical forms are only computed for rules written differently.
    /// </summary>
    private static bool SameMeaning(LifecycleRule desired, LifecycleRule actual) =>
        desired == actual || string.Equals(desired.Fingerprint, actual.Fingerprint, StringComparison.Ordinal);
}

using LakeCircle.Core.Model;

namespace LakeCircle.Core.Validation;

/// <summary>
/// S3 refuses two rules with the legacy rule-level Prefix whose prefixes overlap (one starts with the other, the empty
/// prefix overlapping every one) and that share an action type: "Found overlapping prefixes 'dir/' and 'di' for same
/// action type 'AbortIncompleteMultipartUpload'". Rules with a Filter may overlap.
/// </summary>
internal static class LegacyPrefixChecks
{
    /// <summary>Reports the later rule of each overlapping pair, on its Prefix.</summary>
    /// <param name="diagnostics">Where problems go.</param>
    /// <param name="rules">The configuration's rules.</param>
    public static void Check(DiagnosticCollector diagnostics, ValueList<LifecycleRule> rules)
    {
        var legacy = new List<(int Index, string Prefix, IReadOnlyList<string> Actions)>();
        for (var index = 0; index < rules.Count; index++)
        {
            if (rules[index] is not { Prefix: { } prefix, Filter: null } rule)
            {
                continue;
            }

            var actions = ActionTypes(rule);
            var clash = legacy.FirstOrDefault(earlier =>
                (prefix.StartsWith(earlier.Prefix, StringComparison.Ordinal) || earlier.Prefix.StartsWith(prefix, StringComparison.Ordinal))
                && earlier.Actions.Intersect(actions, StringComparer.Ordinal).Any());
            if (clash.Actions is not null)
            {
                var action = clash.Actions.Intersect(actions, StringComparer.Ordinal).First();
                var scope = new RuleScope(diagnostics, rule, index);
                scope.Report("Prefix", $"Rules with the legacy rule-level Prefix may not have overlapping prefixes for the same "
                    + $"action type; '{prefix}' overlaps '{clash.Prefix}' of {RuleScope.RulePath(clash.Index)} for {action} "
                    + "(put the prefixes in Filters to overlap them).");
            }

            legacy.Add((index, prefix, actions));
        }
    }

    private static List<string> ActionTypes(LifecycleRule rule)
    {
        var actions = new List<string>(5);
        if (rule.Expiration is not null) { actions.Add("Expiration"); }
        if (rule.Transitions.Count > 0) { actions.Add("Transition"); }
        if (rule.NoncurrentVersionExpiration is not null) { actions.Add("NoncurrentVersionExpiration"); }
        if (rule.NoncurrentVersionTransitions.Count > 0) { actions.Add("NoncurrentVersionTransition"); }
        if (rule.AbortIncompleteMultipartUpload is not null) { actions.Add("AbortIncompleteMultipartUpload"); }
        return actions;
    }
}

using LakeCircle.Core.Model;

namespace LakeCircle.Core.Validation;

/// <summary>Checks that concern the configuration as a whole: rule count, unique IDs, rule forms, default size.</summary>
internal static class ConfigurationChecks
{
    /// <summary>Runs the configuration-level checks.</summary>
    /// <param name="diagnostics">Where problems go.</param>
    /// <param name="configuration">The configuration.</param>
    public static void Check(DiagnosticCollector diagnostics, LifecycleConfiguration configuration)
    {
        var rules = configuration.Rules;
        if (rules.Count > S3Limits.MaxRules)
        {
            diagnostics.Add(null, "Rules", $"A lifecycle configuration may hold at most {S3Limits.MaxRules} rules, got {rules.Count}.");
        }

        CheckUniqueIds(diagnostics, rules);
        CheckRuleForms(diagnostics, rules);
        LegacyPrefixChecks.Check(diagnostics, rules);

        var size = configuration.TransitionDefaultMinimumObjectSize;
        if (size is not null && size is not (TransitionDefaultMinimumObjectSizes.AllStorageClasses128K or TransitionDefaultMinimumObjectSizes.VariesByStorageClass))
        {
            diagnostics.Add(null, "TransitionDefaultMinimumObjectSize",
                $"TransitionDefaultMinimumObjectSize must be '{TransitionDefaultMinimumObjectSizes.AllStorageClasses128K}' or "
                + $"'{TransitionDefaultMinimumObjectSizes.VariesByStorageClass}', got '{size}'.");
        }
    }

    /// <summary>
    /// IDs must be unique. A rule without an ID is given its derived ID before it is sent, so two ID-less rules with
    /// the same content, or a declared ID equal to another rule's derived one, would clash as well.
    /// </summary>
    private static void CheckUniqueIds(DiagnosticCollector diagnostics, ValueList<LifecycleRule> rules)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var index = 0; index < rules.Count; index++)
        {
            var rule = rules[index];
            if (rule is null)
            {
                continue;
            }

            var declared = !string.IsNullOrEmpty(rule.Id);
            var id = declared ? rule.Id! : rule.DerivedId;
            if (seen.TryGetValue(id, out var first))
            {
                var message = declared
                    ? $"Rule IDs must be unique within a configuration; '{id}' is also the ID of {RuleScope.RulePath(first)}."
                    : $"Rule IDs must be unique within a configuration; this rule has no ID and would get the derived ID '{id}', "
                      + $"which {RuleScope.RulePath(first)} already has, so give one of them an ID.";
                diagnostics.Add(declared ? id : null, RuleScope.RulePath(index) + ".Id", message);
            }
            else
            {
                seen.Add(id, index);
            }
        }
    }

    /// <summary>S3 refuses a configuration that mixes legacy rule-level prefixes with filter rules.</summary>
    private static void CheckRuleForms(DiagnosticCollector diagnostics, ValueList<LifecycleRule> rules)
    {
        var legacy = new List<int>();
        var filtered = new List<int>();
        for (var index = 0; index < rules.Count; index++)
        {
            var rule = rules[index];
            if (rule is null || (rule.Prefix is not null && rule.Filter is not null))
            {
                continue; // a rule with both is reported on its own
            }

            (rule.Prefix is not null ? legacy : filtered).Add(index);
        }

        if (legacy.Count > 0 && filtered.Count > 0)
        {
            diagnostics.Add(null, "Rules",
                $"S3 does not accept rules with the legacy rule-level Prefix ({Describe(rules, legacy)}) in the same configuration as rules "
                + $"with a Filter ({Describe(rules, filtered)}); move every Prefix into a Filter.");
        }
    }

    private static string Describe(ValueList<LifecycleRule> rules, List<int> indexes)
    {
        const int shown = 5;
        var names = indexes.Take(shown).Select(i =>
            string.IsNullOrEmpty(rules[i].Id) ? RuleScope.RulePath(i) : $"{RuleScope.RulePath(i)} '{rules[i].Id}'");
        var text = string.Join(", ", names);
        return indexes.Count > shown ? $"{text} and {indexes.Count - shown} more" : text;
    }
}

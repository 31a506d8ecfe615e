using LakeCircle.Core.Diagnostics;
using LakeCircle.Core.Model;

namespace LakeCircle.Core.Validation;

/// <summary>
/// Checks a lifecycle configuration against the rules S3 itself enforces, collecting every problem.
/// See <c>docs/validation.md</c> for the list of checks.
/// </summary>
internal static class LifecycleValidator
{
    /// <summary>Validates a bucket's configuration.</summary>
    /// <param name="bucket">The bucket name, reported in each diagnostic.</param>
    /// <param name="configuration">The configuration.</param>
    /// <returns>Every problem found (empty when S3 would accept the configuration). Each diagnostic's
    /// <see cref="Diagnostic.Field"/> is a path inside the configuration such as <c>Rules[2].Transitions[0].Days</c>,
    /// where the index is the rule's position in <see cref="LifecycleConfiguration.Rules"/>.</returns>
    public static IReadOnlyList<Diagnostic> Validate(string bucket, LifecycleConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var diagnostics = new DiagnosticCollector(bucket);

        ConfigurationChecks.Check(diagnostics, configuration);
        for (var index = 0; index < configuration.Rules.Count; index++)
        {
            var rule = configuration.Rules[index];
            if (rule is null)
            {
                diagnostics.Add(null, RuleScope.RulePath(index), "Every entry of Rules must be a rule, got nothing.");
                continue;
            }

            var scope = new RuleScope(diagnostics, rule, index);
            RuleChecks.Check(scope);
            FilterChecks.Check(scope);
            ActionChecks.Check(scope);
            TransitionOrder.Check(scope);
        }

        return diagnostics.ToList();
    }
}

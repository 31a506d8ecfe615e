using LakeCircle.Core.Diagnostics;
using LakeCircle.Core.Model;

namespace LakeCircle.Core.Validation;

/// <summary>One rule under validation: where it sits in the configuration and where its problems go.</summary>
/// <param name="Diagnostics">The collector.</param>
/// <param name="Rule">The rule.</param>
/// <param name="Index">The rule's position in <see cref="LifecycleConfiguration.Rules"/>.</param>
internal readonly record struct RuleScope(DiagnosticCollector Diagnostics, LifecycleRule Rule, int Index)
{
    /// <summary>The rule's ID as reported; an empty ID counts as absent.</summary>
    public string? RuleId => string.IsNullOrEmpty(Rule.Id) ? null : Rule.Id;

    /// <summary>The rule's path, such as <c>Rules[2]</c>.</summary>
    public string Path => RulePath(Index);

    /// <summary>Reports a problem on a field of the rule.</summary>
    /// <param name="field">The path below the rule, such as <c>Transitions[0].Days</c>; empty for the rule itself.</param>
    /// <param name="message">The message.</param>
    public void Report(string field, string message) =>
        Diagnostics.Add(RuleId, field.Length == 0 ? Path : Path + "." + field, message);

    /// <summary>Reports, as a warning, a field that breaks a rule S3 is not known to enforce.</summary>
    /// <param name="field">The path below the rule; empty for the rule itself.</param>
    /// <param name="message">The message.</param>
    public void Warn(string field, string message) =>
        Diagnostics.Add(RuleId, field.Length == 0 ? Path : Path + "." + field, message, DiagnosticSeverity.Warning);

    /// <summary>Reports a problem as an error or, when <paramref name="warning"/>, as a warning.</summary>
    /// <param name="warning">Whether the rule lacks AWS evidence.</param>
    /// <param name="field">The path below the rule.</param>
    /// <param name="message">The message.</param>
    public void Report(bool warning, string field, string message)
    {
        if (warning)
        {
            Warn(field, message);
        }
        else
        {
            Report(field, message);
        }
    }

    /// <summary>The path of the rule at <paramref name="index"/>.</summary>
    /// <param name="index">The rule's position.</param>
    /// <returns>The path, such as <c>Rules[2]</c>.</returns>
    public static string RulePath(int index) => $"Rules[{index}]";
}

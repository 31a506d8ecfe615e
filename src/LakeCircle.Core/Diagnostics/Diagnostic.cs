using System.Text;

namespace LakeCircle.Core.Diagnostics;

/// <summary>
/// One problem found in input: where it is (file, line, column), what it concerns (bucket, rule, field path such as
/// <c>Rules[2].Transitions[0].Days</c>), what is wrong, and how much it weighs (an error unless said otherwise).
/// </summary>
public sealed record Diagnostic
{
    /// <summary>What is wrong, in one sentence.</summary>
    public required string Message { get; init; }

    /// <summary>
    /// <see cref="DiagnosticSeverity.Error"/> (the default) for a problem that makes the input invalid;
    /// <see cref="DiagnosticSeverity.Warning"/> for a rule without AWS evidence, which does not.
    /// </summary>
    public DiagnosticSeverity Severity { get; init; } = DiagnosticSeverity.Error;

    /// <summary>Whether this is an error (not a warning).</summary>
    internal bool IsError => Severity == DiagnosticSeverity.Error;

    /// <summary>The place in a file, or <see langword="null"/> when the problem did not come from a file.</summary>
    public SourceLocation? Location { get; init; }

    /// <summary>The bucket concerned, or <see langword="null"/>.</summary>
    public string? Bucket { get; init; }

    /// <summary>The ID of the rule concerned, or <see langword="null"/>.</summary>
    public string? RuleId { get; init; }

    /// <summary>The field path, such as <c>LifecycleConfiguration.Rules[0].Expiration.Days</c>, or <see langword="null"/>.</summary>
    public string? Field { get; init; }

    /// <summary>
    /// Formats the diagnostic as <c>file:line:column: bucket/rule: field: message</c>, leaving out what is unknown;
    /// a warning has <c>warning: </c> after the place.
    /// </summary>
    /// <returns>The one-line form.</returns>
    public override string ToString()
    {
        var text = new StringBuilder();
        if (Location is not null)
        {
            text.Append(Location).Append(": ");
        }

        if (Severity == DiagnosticSeverity.Warning)
        {
            text.Append("warning: ");
        }

        if (Bucket is not null || RuleId is not null)
        {
            text.Append(Bucket ?? "?");
            if (RuleId is not null)
            {
                text.Append('/').Append(RuleId);
            }

            text.Append(": ");
        }

        if (Field is not null)
        {
            text.Append(Field).Append(": ");
        }

        return text.Append(Message).ToString();
    }
}

using System.Text;

namespace LakeCircle.Core.Diagnostics;

/// <summary>
/// One problem found in input: where it is (file, line, column), what it concerns (bucket, rule, field path such as
/// <c>Rules[2].Transitions[0].Days</c>) and what is wrong.
/// </summary>
public sealed record Diagnostic
{
    /// <summary>What is wrong, in one sentence.</summary>
    public required string Message { get; init; }

    /// <summary>The place in a file, or <see langword="null"/> when the problem did not come from a file.</summary>
    public SourceLocation? Location { get; init; }

    /// <summary>The bucket concerned, or <see langword="null"/>.</summary>
    public string? Bucket { get; init; }

    /// <summary>The ID of the rule concerned, or <see langword="null"/>.</summary>
    public string? RuleId { get; init; }

    /// <summary>The field path, such as <c>LifecycleConfiguration.Rules[0].Expiration.Days</c>, or <see langword="null"/>.</summary>
    public string? Field { get; init; }

    /// <summary>Formats the diagnostic as <c>file:line:column: bucket/rule: field: message</c>, leaving out what is unknown.</summary>
    /// <returns>The one-line form.</returns>
    public override string ToString()
    {
        var text = new StringBuilder();
        if (Location is not null)
        {
            text.Append(Location).Append(": ");
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

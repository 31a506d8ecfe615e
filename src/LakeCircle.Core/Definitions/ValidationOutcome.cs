using LakeCircle.Core.Diagnostics;
using LakeCircle.Core.Model;

namespace LakeCircle.Core.Definitions;

/// <summary>
/// What <see cref="LakeCircleClient.ValidateAsync"/> found in definition files: every problem (file, line, column,
/// bucket, rule and field where known) and the configuration each valid bucket declares.
/// </summary>
public sealed record ValidationOutcome
{
    /// <summary>
    /// Every problem, in file and line order: errors, and warnings (<see cref="Diagnostic.Severity"/>) for rules S3 is
    /// not known to enforce.
    /// </summary>
    public ValueList<Diagnostic> Diagnostics { get; init; } = ValueList<Diagnostic>.Empty;

    /// <summary>The configuration each defined bucket declares (merged over its files), in ordinal order of bucket name.</summary>
    public IReadOnlyDictionary<string, LifecycleConfiguration> Buckets { get; init; } = new SortedDictionary<string, LifecycleConfiguration>(StringComparer.Ordinal);

    /// <summary>Whether no error was found; warnings do not make the files invalid.</summary>
    public bool IsValid => !Diagnostics.HasErrors();
}

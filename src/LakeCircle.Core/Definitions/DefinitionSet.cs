using LakeCircle.Core.Diagnostics;
using LakeCircle.Core.Model;

namespace LakeCircle.Core.Definitions;

/// <summary>Every bucket definition read from a set of files, and every problem found in them.</summary>
/// <param name="Buckets">The buckets, ordered by name (ordinal).</param>
/// <param name="Diagnostics">Every problem (errors and warnings), in file order then position.</param>
internal sealed record DefinitionSet(ValueList<BucketDefinition> Buckets, ValueList<Diagnostic> Diagnostics)
{
    /// <summary>How many definition files were read (files of a definition folder that are not definitions do not count).</summary>
    public int FileCount { get; init; }

    /// <summary>Whether no error was found (warnings do not make definitions invalid).</summary>
    public bool IsValid => !Diagnostics.HasErrors();

    /// <summary>The number of buckets whose definition has no error.</summary>
    public int ValidBucketCount => Buckets.Count(b => !Diagnostics.Any(d => d.IsError && d.Bucket == b.Bucket));
}

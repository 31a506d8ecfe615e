using LakeCircle.Core.Diagnostics;
using LakeCircle.Core.Model;

namespace LakeCircle.Core.Definitions;

/// <summary>Every bucket definition read from a set of files, and every problem found in them.</summary>
/// <param name="Buckets">The buckets, ordered by name (ordinal).</param>
/// <param name="Diagnostics">Every problem, in file order then position; empty when all definitions are valid.</param>
internal sealed record DefinitionSet(ValueList<BucketDefinition> Buckets, ValueList<Diagnostic> Diagnostics)
{
    /// <summary>Whether no problem was found.</summary>
    public bool IsValid => Diagnostics.Count == 0;
}

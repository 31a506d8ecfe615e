using LakeCircle.Core.Definitions;
using LakeCircle.Core.Diagnostics;
using LakeCircle.Core.Model;

namespace LakeCircle.Core.Planning;

/// <summary>Narrows the defined buckets to those named in the bucket selection of a run.</summary>
internal static class DefinitionSelection
{
    /// <summary>The field named by the diagnostics of an unknown selected bucket.</summary>
    public const string Field = "buckets";

    public static (IReadOnlyList<BucketDefinition> Selected, ValueList<Diagnostic> Problems) Narrow(
        IReadOnlyList<BucketDefinition> defined, IReadOnlyList<string>? names)
    {
        if (names is null)
        {
            return (defined, ValueList<Diagnostic>.Empty);
        }

        var byName = defined.ToDictionary(d => d.Bucket, StringComparer.Ordinal);
        var problems = names
            .Where(n => !byName.ContainsKey(n))
            .Order(StringComparer.Ordinal)
            .Select(n => new Diagnostic
            {
                Bucket = n,
                Field = Field,
                Message = $"The bucket '{n}' is selected but has no definition.",
            })
            .ToValueList();
        var selected = defined.Where(d => names.Contains(d.Bucket, StringComparer.Ordinal)).ToList();
        return (selected, problems);
    }
}

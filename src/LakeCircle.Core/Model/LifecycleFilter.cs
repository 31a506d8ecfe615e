namespace LakeCircle.Core.Model;

/// <summary>
/// The <c>Filter</c> of a lifecycle rule. S3 allows exactly one predicate here (<see cref="Prefix"/>,
/// <see cref="Tag"/>, a size bound, or <see cref="And"/> to combine several); an empty filter matches every object.
/// The model keeps what was written so validation can report a filter S3 would reject.
/// </summary>
public sealed record LifecycleFilter
{
    /// <summary>A filter that matches every object.</summary>
    public static LifecycleFilter MatchAll { get; } = new();

    /// <summary>The key prefix objects must start with, or <see langword="null"/>.</summary>
    public string? Prefix { get; init; }

    /// <summary>The single tag objects must carry, or <see langword="null"/>.</summary>
    public LifecycleTag? Tag { get; init; }

    /// <summary>Objects must be larger than this many bytes, or <see langword="null"/>.</summary>
    public long? ObjectSizeGreaterThan { get; init; }

    /// <summary>Objects must be smaller than this many bytes, or <see langword="null"/>.</summary>
    public long? ObjectSizeLessThan { get; init; }

    /// <summary>Several conditions that must all hold, or <see langword="null"/>.</summary>
    public LifecycleAndOperator? And { get; init; }

    /// <summary>How many top-level predicates are set (S3 accepts at most one).</summary>
    public int PredicateCount =>
        (Prefix is null ? 0 : 1) + (Tag is null ? 0 : 1) + (ObjectSizeGreaterThan is null ? 0 : 1)
        + (ObjectSizeLessThan is null ? 0 : 1) + (And is null ? 0 : 1);
}

namespace LakeCircle.Core.Model;

/// <summary>
/// The <c>And</c> predicate of a lifecycle filter: an object matches when it matches every condition given.
/// </summary>
public sealed record LifecycleAndOperator
{
    /// <summary>The key prefix objects must start with, or <see langword="null"/>.</summary>
    public string? Prefix { get; init; }

    /// <summary>The tags objects must all carry.</summary>
    public ValueList<LifecycleTag> Tags { get; init; } = ValueList<LifecycleTag>.Empty;

    /// <summary>Objects must be larger than this many bytes, or <see langword="null"/>.</summary>
    public long? ObjectSizeGreaterThan { get; init; }

    /// <summary>Objects must be smaller than this many bytes, or <see langword="null"/>.</summary>
    public long? ObjectSizeLessThan { get; init; }
}

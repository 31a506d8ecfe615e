using LakeCircle.Core.Model;

namespace LakeCircle.Core.Impact;

/// <summary>
/// One object version, as far as lifecycle rules look at it: what <see cref="LifecycleEvaluator"/> schedules.
/// </summary>
public sealed record ObjectVersion
{
    /// <summary>The object key.</summary>
    public required string Key { get; init; }

    /// <summary>The size in bytes (0 for a delete marker).</summary>
    public long Size { get; init; }

    /// <summary>
    /// The object's tags, or <see langword="null"/> when they are not known (an S3 Inventory report carries none):
    /// rules with tag filters then neither match nor fail to match, and are reported in
    /// <see cref="ObjectSchedule.DependsOnTags"/>.
    /// </summary>
    public ValueList<LifecycleTag>? Tags { get; init; } = ValueList<LifecycleTag>.Empty;

    /// <summary>When the version was created (its last-modified time).</summary>
    public required DateTimeOffset Created { get; init; }

    /// <summary>Whether this is the current version of its key (every object of an unversioned bucket is).</summary>
    public bool IsCurrent { get; init; } = true;

    /// <summary>
    /// When the version became noncurrent (the creation time of the next newer version), for a noncurrent version;
    /// <see langword="null"/> for a current one.
    /// </summary>
    public DateTimeOffset? NoncurrentSince { get; init; }

    /// <summary>How many noncurrent versions of the key are newer than this one (0 for the newest noncurrent version).</summary>
    public int NewerNoncurrentVersions { get; init; }

    /// <summary>Whether the version is a delete marker.</summary>
    public bool IsDeleteMarker { get; init; }

    /// <summary>
    /// Whether the delete marker has no noncurrent versions left under it (an expired object delete marker); only
    /// meaningful when <see cref="IsDeleteMarker"/> and <see cref="IsCurrent"/> are set.
    /// </summary>
    public bool IsOnlyVersion { get; init; }

    /// <summary>The storage class the version is in now (<c>STANDARD</c> unless known otherwise).</summary>
    public string StorageClass { get; init; } = "STANDARD";
}

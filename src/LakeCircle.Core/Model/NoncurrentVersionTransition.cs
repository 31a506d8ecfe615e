namespace LakeCircle.Core.Model;

/// <summary>A <c>NoncurrentVersionTransition</c>: move noncurrent versions to <see cref="StorageClass"/>.</summary>
public sealed record NoncurrentVersionTransition
{
    /// <summary>Days after a version becomes noncurrent (0 or more), or <see langword="null"/>.</summary>
    public int? NoncurrentDays { get; init; }

    /// <summary>How many newer noncurrent versions to keep in the current class (1 to 100), or <see langword="null"/>.</summary>
    public int? NewerNoncurrentVersions { get; init; }

    /// <summary>The target storage class, as S3 spells it; see <see cref="StorageClasses"/>.</summary>
    public string StorageClass { get; init; } = "";
}

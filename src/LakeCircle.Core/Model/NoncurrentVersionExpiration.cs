namespace LakeCircle.Core.Model;

/// <summary>The <c>NoncurrentVersionExpiration</c> action: permanently delete noncurrent versions.</summary>
public sealed record NoncurrentVersionExpiration
{
    /// <summary>Days after a version becomes noncurrent (a positive number), or <see langword="null"/>.</summary>
    public int? NoncurrentDays { get; init; }

    /// <summary>How many newer noncurrent versions to keep (1 to 100), or <see langword="null"/>.</summary>
    public int? NewerNoncurrentVersions { get; init; }
}

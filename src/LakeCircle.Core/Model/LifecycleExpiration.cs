namespace LakeCircle.Core.Model;

/// <summary>
/// The <c>Expiration</c> action of a rule: expire current versions after <see cref="Days"/> or on <see cref="Date"/>,
/// or remove expired object delete markers. S3 accepts exactly one of the three.
/// </summary>
public sealed record LifecycleExpiration
{
    /// <summary>Days after creation at which objects expire (a positive number), or <see langword="null"/>.</summary>
    public int? Days { get; init; }

    /// <summary>The date (midnight UTC) on which objects expire, or <see langword="null"/>.</summary>
    public DateTimeOffset? Date { get; init; }

    /// <summary>Whether expired object delete markers are removed, or <see langword="null"/> when not set.</summary>
    public bool? ExpiredObjectDeleteMarker { get; init; }
}

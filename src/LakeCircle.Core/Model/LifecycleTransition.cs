namespace LakeCircle.Core.Model;

/// <summary>A <c>Transition</c>: move current versions to <see cref="StorageClass"/> after <see cref="Days"/> or on <see cref="Date"/>.</summary>
public sealed record LifecycleTransition
{
    /// <summary>Days after creation (0 or more), or <see langword="null"/>.</summary>
    public int? Days { get; init; }

    /// <summary>The date (midnight UTC) of the transition, or <see langword="null"/>.</summary>
    public DateTimeOffset? Date { get; init; }

    /// <summary>The target storage class, as S3 spells it (for example <c>GLACIER</c>); see <see cref="StorageClasses"/>.</summary>
    public string StorageClass { get; init; } = "";
}

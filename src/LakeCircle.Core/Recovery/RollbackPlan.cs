using LakeCircle.Core.Planning;

namespace LakeCircle.Core.Recovery;

/// <summary>What a rollback would do to a bucket: the stored version chosen and the plan that puts it back.</summary>
internal sealed record RollbackPlan
{
    /// <summary>The bucket.</summary>
    public required string Bucket { get; init; }

    /// <summary>The stored version to put back, or <see langword="null"/> when none was found.</summary>
    public ArchivedConfiguration? Version { get; init; }

    /// <summary>The plan from the bucket's configuration now to the version's, or <see langword="null"/> on error.</summary>
    public BucketPlan? Plan { get; init; }

    /// <summary>Why no plan could be made, or <see langword="null"/>.</summary>
    public string? Error { get; init; }

    /// <summary>Whether putting the version back changes the bucket.</summary>
    public bool HasChanges => Plan?.HasChanges == true;
}

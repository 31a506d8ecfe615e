namespace LakeCircle.Core.Workflows;

/// <summary>What happened to a bucket that a sync had to change.</summary>
public enum BucketResult
{
    /// <summary>The write was made.</summary>
    Applied,

    /// <summary>The write, or a step it depends on, failed; see <see cref="BucketOutcome.Error"/>.</summary>
    Failed,

    /// <summary>No write was attempted (a guard stopped the sync before its first write).</summary>
    Skipped,
}

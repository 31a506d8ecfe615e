namespace LakeCircle.Core.Sync;

/// <summary>What happened to a bucket that a sync had to change.</summary>
public enum BucketResult
{
    /// <summary>The write was made.</summary>
    Applied,

    /// <summary>The write, or a step it depends on, failed; see <see cref="BucketOutcome.Error"/>.</summary>
    Failed,

    /// <summary>No write was attempted (a guard stopped the sync before its first write).</summary>
    Skipped,

    /// <summary>
    /// The write was made and the server did not show that it kept something else, but reads still returned the
    /// previous configuration when verification timed out (S3 is eventually consistent after a write). Not a failure:
    /// nothing is restored; <see cref="BucketOutcome.Note"/> says how long was waited.
    /// </summary>
    AppliedNotVisible,
}

namespace LakeCircle.Core.Diagnostics;

/// <summary>
/// Where a run (<see cref="LakeCircleClient.PlanAsync"/>, <see cref="LakeCircleClient.SyncAsync"/>,
/// <see cref="LakeCircleClient.ApplyAsync"/>, <see cref="LakeCircleClient.RollbackAsync"/>) is, as reported to
/// <see cref="LakeCircleClientOptions.Progress"/>: its stage, its buckets, its S3 calls and how long it has run. Every
/// count is of this run alone and only grows from one report to the next.
/// </summary>
public sealed record RunProgress
{
    /// <summary>The stage the run is in; <see cref="RunStage.Finished"/> in its last report.</summary>
    public RunStage Stage { get; init; }

    /// <summary>The managed buckets of the account whose lifecycle configuration the plan reads (known once the account is listed).</summary>
    public int BucketsToRead { get; init; }

    /// <summary>The buckets read so far (failed reads included).</summary>
    public int BucketsRead { get; init; }

    /// <summary>The managed buckets in the plan, once it is made (0 before).</summary>
    public int BucketsPlanned { get; init; }

    /// <summary>The buckets the plan changes (a PUT or a DELETE each), once it is made (0 before).</summary>
    public int BucketsToWrite { get; init; }

    /// <summary>The buckets written (applied, visible or not) so far.</summary>
    public int BucketsWritten { get; init; }

    /// <summary>The buckets whose read or whose write failed so far.</summary>
    public int BucketsFailed { get; init; }

    /// <summary>The S3 calls in flight at the time of the report.</summary>
    public int CallsInFlight { get; init; }

    /// <summary>The most S3 calls that were in flight at once so far.</summary>
    public int MaxCallsInFlight { get; init; }

    /// <summary>The S3 calls made so far (each counted as it starts, whatever its result), by operation.</summary>
    public S3CallCounts Calls { get; init; }

    /// <summary>How long the run has gone on.</summary>
    public TimeSpan Elapsed { get; init; }
}

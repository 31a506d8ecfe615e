using LakeCircle.Core.Diagnostics;
using LakeCircle.Core.Model;
using LakeCircle.Core.Planning;

namespace LakeCircle.Core.Sync;

/// <summary>
/// What a writing run (<see cref="LakeCircleClient.SyncAsync"/>, <see cref="LakeCircleClient.ApplyAsync"/>,
/// <see cref="LakeCircleClient.RollbackAsync"/>) did: refused, stopped before writing, or the plan it applied and,
/// for every bucket it had to change, the result of that bucket's write; and where its run record is.
/// </summary>
public sealed record RunOutcome
{
    /// <summary>The run's id (also in the lock and the run record's name).</summary>
    public required string RunId { get; init; }

    /// <summary>How the run ended as a whole; branch on this rather than on the messages.</summary>
    public RunStatus Status =>
        Refusal is not null ? RunStatus.Refused
        : Diagnostics.HasErrors() || Plan is null || (Error is not null && Buckets.All(b => b.Result == BucketResult.Skipped)) ? RunStatus.Stopped
        : Succeeded ? RunStatus.Succeeded
        : RunStatus.Failed;

    /// <summary>Why the run did not start (the account check, the lock), or <see langword="null"/> when it ran.</summary>
    public string? Refusal { get; init; }

    /// <summary>
    /// The problems in the definitions or the bucket selection: when any is an error, nothing was read or written;
    /// warnings do not stop or fail the run.
    /// </summary>
    public ValueList<Diagnostic> Diagnostics { get; init; } = ValueList<Diagnostic>.Empty;

    /// <summary>When errors stopped the run: how many defined buckets had none (for the stop message).</summary>
    internal int ValidDefinitions { get; init; }

    /// <summary>The plan that was applied, or <see langword="null"/> when the run stopped before planning.</summary>
    public AccountPlan? Plan { get; init; }

    /// <summary>
    /// An account-level failure (the bucket list could not be read) or the guard (change or deletion limit) that
    /// stopped the run before its first write; otherwise <see langword="null"/>.
    /// </summary>
    public string? Error { get; init; }

    /// <summary>One result per bucket the plan changes (PUT or DELETE), in bucket name order.</summary>
    public ValueList<BucketOutcome> Buckets { get; init; } = ValueList<BucketOutcome>.Empty;

    /// <summary>Failures of the run's own steps (the lock lost, the run record or the lock release failed, cancellation), as messages.</summary>
    public ValueList<string> Errors { get; init; } = ValueList<string>.Empty;

    /// <summary>For a rollback: the stored version put back; otherwise <see langword="null"/>.</summary>
    public HistoryEntry? RestoredVersion { get; init; }

    /// <summary>The account the run is for (as given to the client, or the snapshot's), or <see langword="null"/> when unknown.</summary>
    public string? Account { get; init; }

    /// <summary>The region the run is for (as given to the client, or the snapshot's), or <see langword="null"/> when unknown.</summary>
    public string? Region { get; init; }

    /// <summary>The lapsed lock holding this run took over from (who, which run, when it lapsed), or <see langword="null"/>.</summary>
    public string? TakenOverFrom { get; init; }

    /// <summary>Where the run record was written (<c>s3://…/log/….json</c> or a path), or <see langword="null"/> when it was not.</summary>
    public string? RecordLocation { get; init; }

    /// <summary>The key of the run record relative to the endpoint base (<c>log/…</c>), or <see langword="null"/>.</summary>
    internal string? RecordKey { get; init; }

    /// <summary>The counts of applied, failed, skipped, and applied but not yet visible buckets.</summary>
    public RunSummary Summary => new(
        Buckets.Count(b => b.Result == BucketResult.Applied),
        Buckets.Count(b => b.Result == BucketResult.Failed),
        Buckets.Count(b => b.Result == BucketResult.Skipped),
        Buckets.Count(b => b.Result == BucketResult.AppliedNotVisible));

    /// <summary>Whether the plan had at least one bucket to change.</summary>
    public bool HasChanges => Plan?.HasChanges == true;

    /// <summary>
    /// Whether everything went through: the run started, valid definitions, every bucket read, every planned write
    /// applied (a write applied but not yet visible when verification timed out counts as applied), and the run's own
    /// steps (lock, run record) succeeded.
    /// </summary>
    public bool Succeeded =>
        Refusal is null && Errors.Count == 0 && !Diagnostics.HasErrors() && Error is null && Plan is not null
        && Plan.Summary.BucketsFailed == 0
        && Buckets.All(b => b.Result is BucketResult.Applied or BucketResult.AppliedNotVisible);
}

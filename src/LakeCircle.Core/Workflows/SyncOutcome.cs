using LakeCircle.Core.Diagnostics;
using LakeCircle.Core.Model;
using LakeCircle.Core.Planning;

namespace LakeCircle.Core.Workflows;

/// <summary>
/// What <see cref="LifecycleWorkflow.SyncAsync"/> did: the plan it computed (or the problems that stopped it) and,
/// for every bucket it had to change, the result of that bucket's write.
/// </summary>
public sealed record SyncOutcome
{
    /// <summary>The problems in the definitions or the bucket selection; when any, nothing was read or written.</summary>
    public ValueList<Diagnostic> Diagnostics { get; init; } = ValueList<Diagnostic>.Empty;

    /// <summary>The plan that was applied, or <see langword="null"/> when the run stopped before planning.</summary>
    public AccountPlan? Plan { get; init; }

    /// <summary>
    /// An account-level failure, or the guard (<see cref="WorkflowOptions.MaxChanges"/>,
    /// <see cref="WorkflowOptions.MaxDeletions"/>) that stopped the sync before its first write; otherwise <see langword="null"/>.
    /// </summary>
    public string? Error { get; init; }

    /// <summary>One result per bucket the plan changes (PUT or DELETE), in bucket name order.</summary>
    public ValueList<BucketOutcome> Buckets { get; init; } = ValueList<BucketOutcome>.Empty;

    /// <summary>The counts of applied, failed, skipped, and applied but not yet visible buckets.</summary>
    public SyncSummary Summary => new(
        Buckets.Count(b => b.Result == BucketResult.Applied),
        Buckets.Count(b => b.Result == BucketResult.Failed),
        Buckets.Count(b => b.Result == BucketResult.Skipped),
        Buckets.Count(b => b.Result == BucketResult.AppliedNotVisible));

    /// <summary>Whether the plan had at least one bucket to change.</summary>
    public bool HasChanges => Plan?.HasChanges == true;

    /// <summary>
    /// Whether everything went through: valid definitions, every bucket read, every planned write applied (a write
    /// applied but not yet visible when verification timed out counts as applied).
    /// </summary>
    public bool Succeeded =>
        Diagnostics.Count == 0 && Error is null && Plan is not null && Plan.Summary.BucketsFailed == 0
        && Buckets.All(b => b.Result is BucketResult.Applied or BucketResult.AppliedNotVisible);

    internal static SyncOutcome From(PlanOutcome plan) => new() { Diagnostics = plan.Diagnostics, Plan = plan.Plan, Error = plan.Error };
}

using LakeCircle.Core.Model;

namespace LakeCircle.Core.Planning;

/// <summary>The plan for every bucket of an account, made by <see cref="Planner.PlanAccount(IReadOnlyDictionary{string, LifecycleConfiguration}, IReadOnlyDictionary{string, LifecycleConfiguration?})"/>.</summary>
public sealed record AccountPlan
{
    /// <summary>The bucket plans, in ordinal order of bucket name.</summary>
    public ValueList<BucketPlan> Buckets { get; init; } = ValueList<BucketPlan>.Empty;

    /// <summary>
    /// The regions the run was limited to (<see cref="LakeCircleClientOptions.Regions"/>), in ordinal order; empty when it
    /// covered every region of the account.
    /// </summary>
    public ValueList<string> Regions { get; init; } = ValueList<string>.Empty;

    /// <summary>The counts over <see cref="Buckets"/>.</summary>
    public PlanSummary Summary { get; init; } = new();

    /// <summary>Whether applying the plan changes at least one bucket.</summary>
    public bool HasChanges => Summary.BucketsChanged > 0;
}

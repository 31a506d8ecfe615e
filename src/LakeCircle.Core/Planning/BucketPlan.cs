using LakeCircle.Core.Impact;
using LakeCircle.Core.Model;

namespace LakeCircle.Core.Planning;

/// <summary>
/// The difference between one bucket's definition and its actual state, and the one action that removes it.
/// Made by <see cref="Planner.PlanBucket(string, LifecycleConfiguration, LifecycleConfiguration?)"/>; rule lists keep the order of the side they come from.
/// </summary>
public sealed record BucketPlan
{
    /// <summary>The bucket name.</summary>
    public required string Bucket { get; init; }

    /// <summary>The outcome of the comparison.</summary>
    public required BucketStatus Status { get; init; }

    /// <summary>
    /// The bucket's region where known: the region the account's listing tells for every listed bucket (on AWS S3, each
    /// bucket's); for <see cref="BucketStatus.OtherRegion"/>, the region outside the run's regions. <see langword="null"/>
    /// when unknown (a missing bucket, a server that does not tell regions).
    /// </summary>
    public string? Region { get; init; }

    /// <summary>What applying the plan does: <see cref="BucketAction.Put"/> or <see cref="BucketAction.Delete"/> only when <see cref="Status"/> is <see cref="BucketStatus.Change"/>.</summary>
    public BucketAction Action { get; init; }

    /// <summary>Rules only the definition has (in the definition's order).</summary>
    public ValueList<LifecycleRule> Added { get; init; } = ValueList<LifecycleRule>.Empty;

    /// <summary>Rules only the bucket has (in the bucket's order).</summary>
    public ValueList<LifecycleRule> Removed { get; init; } = ValueList<LifecycleRule>.Empty;

    /// <summary>Rules both sides have under one ID with a different meaning (in the definition's order).</summary>
    public ValueList<RuleChange> Changed { get; init; } = ValueList<RuleChange>.Empty;

    /// <summary>Rules both sides have with the same ID and meaning (in the definition's order, as the definition has them).</summary>
    public ValueList<LifecycleRule> Unchanged { get; init; } = ValueList<LifecycleRule>.Empty;

    /// <summary>
    /// Configuration-level differences, such as <c>TransitionDefaultMinimumObjectSize</c> when the definition sets
    /// a value the bucket does not have. Reported only when the bucket is to be PUT.
    /// </summary>
    public ValueList<FieldChange> ConfigurationChanges { get; init; } = ValueList<FieldChange>.Empty;

    /// <summary>The bucket's configuration, or <see langword="null"/> when it has none, is missing, or could not be read.</summary>
    public LifecycleConfiguration? Actual { get; init; }

    /// <summary>The configuration the definition declares, or <see langword="null"/> for an unmanaged bucket.</summary>
    public LifecycleConfiguration? Desired { get; init; }

    /// <summary>
    /// The whole configuration to PUT when <see cref="Action"/> is <see cref="BucketAction.Put"/>, otherwise
    /// <see langword="null"/>: the desired rules (each with an ID) and the desired
    /// <c>TransitionDefaultMinimumObjectSize</c>, or the bucket's current one when the definition leaves it unset.
    /// </summary>
    public LifecycleConfiguration? ConfigurationToPut { get; init; }

    /// <summary>Why the bucket could not be read when <see cref="Status"/> is <see cref="BucketStatus.Error"/>, otherwise <see langword="null"/>.</summary>
    public string? Error { get; init; }

    /// <summary>
    /// What applying the plan does to the bucket's data (<see cref="BucketImpact.None"/> unless <see cref="Status"/> is
    /// <see cref="BucketStatus.Change"/>): whether some object version is deleted or archived sooner, and which.
    /// </summary>
    public BucketImpact Impact { get; init; } = BucketImpact.None;

    /// <summary>
    /// Whether the bucket's definition marks it protected (<c>[LakeCircle] Protected = true</c>): a sync refuses a
    /// destructive change to it unless the run allows that bucket by name.
    /// </summary>
    public bool Protected { get; init; }

    /// <summary>Whether applying the plan changes the bucket.</summary>
    public bool HasChanges => Action != BucketAction.None;
}

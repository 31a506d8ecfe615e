using LakeCircle.Core.Impact;
using LakeCircle.Core.Model;

namespace LakeCircle.Core.Planning;

/// <summary>
/// Computes plans: the pure difference between the configurations the definitions declare and the buckets' actual
/// states. No I/O; the same inputs always give the same plan.
/// </summary>
public static class Planner
{
    /// <summary>The configuration-level field reported when the definition sets another value than the bucket's.</summary>
    public const string TransitionDefaultMinimumObjectSizeField = "TransitionDefaultMinimumObjectSize";

    /// <summary>Plans one defined bucket that exists: the library's difference of two configurations.</summary>
    /// <param name="bucket">The bucket name.</param>
    /// <param name="desired">The configuration its definition declares (no rules: the bucket should have no lifecycle).</param>
    /// <param name="actual">The bucket's configuration now, or <see langword="null"/> when it has none.</param>
    /// <returns>The plan: <see cref="BucketStatus.InSync"/>, or <see cref="BucketStatus.Change"/> with one PUT of the
    /// whole desired configuration, or a DELETE when the definition leaves no rule and the bucket has some.</returns>
    public static BucketPlan PlanBucket(string bucket, LifecycleConfiguration desired, LifecycleConfiguration? actual) =>
        PlanBucket(bucket, desired, BucketState.Of(actual));

    /// <summary>Plans an account from both sides given as values; no I/O.</summary>
    /// <param name="desired">The declared configuration of each defined bucket, by bucket name.</param>
    /// <param name="actual">Every bucket of the account, by name, with its configuration (<see langword="null"/> for none).
    /// A defined bucket without an entry is missing; a bucket without a definition is unmanaged (left alone).</param>
    /// <returns>The plan, buckets in ordinal name order.</returns>
    public static AccountPlan PlanAccount(
        IReadOnlyDictionary<string, LifecycleConfiguration> desired, IReadOnlyDictionary<string, LifecycleConfiguration?> actual)
    {
        ArgumentNullException.ThrowIfNull(actual);
        return PlanAccount(desired, actual.ToDictionary(a => a.Key, a => BucketState.Of(a.Value), StringComparer.Ordinal));
    }

    /// <summary>Plans one defined bucket.</summary>
    /// <param name="bucket">The bucket name.</param>
    /// <param name="desired">The configuration its definition declares (no rules: the bucket should have no lifecycle).</param>
    /// <param name="actual">The bucket's actual state.</param>
    /// <returns>The plan: <see cref="BucketStatus.Missing"/>, <see cref="BucketStatus.Error"/> or
    /// <see cref="BucketStatus.OtherRegion"/> without action when the bucket is missing, unreadable or outside the run's
    /// regions; otherwise <see cref="BucketStatus.InSync"/>, or
    /// <see cref="BucketStatus.Change"/> with one PUT of the whole desired configuration, or a DELETE when the
    /// definition leaves no rule and the bucket has some.</returns>
    internal static BucketPlan PlanBucket(string bucket, LifecycleConfiguration desired, BucketState actual) =>
        PlanBucket(bucket, desired, actual, ImpactAnalyzer.Compare);

    /// <summary>Plans one defined bucket, its impact computed by <paramref name="impact"/> (such as <see cref="ImpactMemo"/>: equal configuration pairs analysed once).</summary>
    internal static BucketPlan PlanBucket(string bucket, LifecycleConfiguration desired, BucketState actual, Func<LifecycleConfiguration?, LifecycleConfiguration?, BucketImpact> impact)
    {
        ArgumentNullException.ThrowIfNull(bucket);
        ArgumentNullException.ThrowIfNull(desired);
        ArgumentNullException.ThrowIfNull(actual);
        switch (actual.Kind)
        {
            case BucketStateKind.Missing:
                return new BucketPlan { Bucket = bucket, Status = BucketStatus.Missing, Desired = desired };
            case BucketStateKind.Failed:
                return new BucketPlan { Bucket = bucket, Status = BucketStatus.Error, Desired = desired, Error = actual.Error };
            case BucketStateKind.OtherRegion:
                return new BucketPlan { Bucket = bucket, Status = BucketStatus.OtherRegion, Desired = desired, Region = actual.Region };
        }

        var current = actual.Configuration;
        var match = RuleMatch.Of(desired.Rules, actual.Rules);
        var plan = new BucketPlan
        {
            Bucket = bucket,
            Status = BucketStatus.InSync,
            Actual = current,
            Desired = desired,
            Added = match.Added,
            Removed = match.Removed,
            Changed = match.Changed,
            Unchanged = match.Unchanged,
        };

        if (desired.Rules.Count == 0)
        {
            // An empty rule list cannot be PUT: no rule left means no lifecycle at all.
            return actual.Rules.Count == 0
                ? plan
                : plan with { Status = BucketStatus.Change, Action = BucketAction.Delete, Impact = impact(current, null) };
        }

        var configurationChanges = ConfigurationChanges(desired, current);
        if (!match.HasDifferences && configurationChanges.Count == 0)
        {
            return plan;
        }

        var toPut = new LifecycleConfiguration
        {
            Rules = desired.Rules.Select(r => r.WithDerivedIdIfMissing()).ToValueList(),
            TransitionDefaultMinimumObjectSize = desired.TransitionDefaultMinimumObjectSize ?? current?.TransitionDefaultMinimumObjectSize,
        };
        return plan with
        {
            Status = BucketStatus.Change,
            Action = BucketAction.Put,
            ConfigurationChanges = configurationChanges,
            ConfigurationToPut = toPut,
            Impact = impact(current, toPut),
        };
    }

    /// <summary>Plans every bucket of an account.</summary>
    /// <param name="desired">The declared configuration of each defined bucket, by bucket name.</param>
    /// <param name="actual">The actual state of buckets, by name. A defined bucket without an entry is taken as
    /// <see cref="BucketState.Missing"/>; an undefined bucket with an entry other than Missing or OtherRegion is unmanaged.</param>
    /// <param name="unmanagedBuckets">Further names of buckets in the account; those without a definition are unmanaged.</param>
    /// <param name="planned">Defined buckets already planned from these same states (<see cref="PlanBucket(string, LifecycleConfiguration, BucketState)"/>), which are taken as they are.</param>
    /// <returns>The plan, buckets in ordinal name order.</returns>
    internal static AccountPlan PlanAccount(
        IReadOnlyDictionary<string, LifecycleConfiguration> desired,
        IReadOnlyDictionary<string, BucketState> actual,
        IEnumerable<string>? unmanagedBuckets = null,
        IReadOnlyDictionary<string, BucketPlan>? planned = null)
    {
        ArgumentNullException.ThrowIfNull(desired);
        ArgumentNullException.ThrowIfNull(actual);
        var names = new SortedSet<string>(desired.Keys, StringComparer.Ordinal);
        names.UnionWith(actual.Where(a => a.Value.Kind is not (BucketStateKind.Missing or BucketStateKind.OtherRegion)).Select(a => a.Key));
        names.UnionWith(unmanagedBuckets ?? []);

        var plans = names
            .Select(name => desired.TryGetValue(name, out var configuration)
                ? planned?.GetValueOrDefault(name) ?? PlanBucket(name, configuration, actual.GetValueOrDefault(name) ?? BucketState.Missing)
                : Unmanaged(name, actual.GetValueOrDefault(name)))
            .ToValueList();
        return new AccountPlan { Buckets = plans, Summary = PlanSummary.Of(plans) };
    }

    /// <summary>The state a bucket is in after its plan is applied.</summary>
    /// <param name="plan">The bucket's plan.</param>
    /// <param name="actual">The state the plan was made from.</param>
    /// <returns><see cref="BucketState.Configured"/> with the configuration PUT, <see cref="BucketState.NoLifecycle"/>
    /// after a DELETE, or <paramref name="actual"/> when there is nothing to do.</returns>
    internal static BucketState Apply(BucketPlan plan, BucketState actual)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(actual);
        return plan.Action switch
        {
            BucketAction.Put => BucketState.Configured(plan.ConfigurationToPut
                ?? throw new ArgumentException("A PUT plan carries the configuration to PUT.", nameof(plan))),
            BucketAction.Delete => BucketState.NoLifecycle,
            _ => actual,
        };
    }

    private static ValueList<FieldChange> ConfigurationChanges(LifecycleConfiguration desired, LifecycleConfiguration? current)
    {
        var wanted = desired.TransitionDefaultMinimumObjectSize;
        var present = current?.TransitionDefaultMinimumObjectSize;
        return wanted is null || string.Equals(wanted, present, StringComparison.Ordinal)
            ? ValueList<FieldChange>.Empty
            : ValueList.Of(new FieldChange(TransitionDefaultMinimumObjectSizeField, present, wanted));
    }

    private static BucketPlan Unmanaged(string bucket, BucketState? state) => new()
    {
        Bucket = bucket,
        Status = BucketStatus.Unmanaged,
        Actual = state?.Configuration,
    };
}

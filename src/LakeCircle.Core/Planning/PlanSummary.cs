namespace LakeCircle.Core.Planning;

/// <summary>Counts over an <see cref="AccountPlan"/>.</summary>
public sealed record PlanSummary
{
    /// <summary>Buckets whose status is <see cref="BucketStatus.Change"/> (to PUT or DELETE).</summary>
    public int BucketsChanged { get; init; }

    /// <summary>Rules to add, over the changed buckets.</summary>
    public int RulesAdded { get; init; }

    /// <summary>Rules to remove, over the changed buckets (every rule of a bucket whose lifecycle is deleted).</summary>
    public int RulesRemoved { get; init; }

    /// <summary>Rules whose meaning changes under the same ID, over the changed buckets.</summary>
    public int RulesChanged { get; init; }

    /// <summary>Buckets that already match their definition.</summary>
    public int BucketsInSync { get; init; }

    /// <summary>Buckets defined but not in the account.</summary>
    public int BucketsMissing { get; init; }

    /// <summary>Buckets in the account without a definition.</summary>
    public int BucketsUnmanaged { get; init; }

    /// <summary>Buckets whose actual state could not be read.</summary>
    public int BucketsFailed { get; init; }

    /// <summary>Defined buckets in a region outside the run's regions, not read (<see cref="BucketStatus.OtherRegion"/>).</summary>
    public int BucketsInOtherRegions { get; init; }

    /// <summary>Changed buckets whose change deletes some object version sooner, or where it was not deleted before (<see cref="Impact.ImpactKind.Destructive"/>).</summary>
    public int BucketsDestructive { get; init; }

    /// <summary>Changed buckets whose change moves some object version to a colder class sooner and deletes none sooner (<see cref="Impact.ImpactKind.ArchivesSooner"/>).</summary>
    public int BucketsArchivingSooner { get; init; }

    /// <summary>Counts the buckets of a plan.</summary>
    /// <param name="buckets">The bucket plans.</param>
    /// <returns>The summary.</returns>
    internal static PlanSummary Of(IReadOnlyCollection<BucketPlan> buckets) => new()
    {
        BucketsChanged = buckets.Count(b => b.Status == BucketStatus.Change),
        RulesAdded = buckets.Sum(b => b.Added.Count),
        RulesRemoved = buckets.Sum(b => b.Removed.Count),
        RulesChanged = buckets.Sum(b => b.Changed.Count),
        BucketsInSync = buckets.Count(b => b.Status == BucketStatus.InSync),
        BucketsMissing = buckets.Count(b => b.Status == BucketStatus.Missing),
        BucketsUnmanaged = buckets.Count(b => b.Status == BucketStatus.Unmanaged),
        BucketsFailed = buckets.Count(b => b.Status == BucketStatus.Error),
        BucketsInOtherRegions = buckets.Count(b => b.Status == BucketStatus.OtherRegion),
        BucketsDestructive = buckets.Count(b => b.Status == BucketStatus.Change && b.Impact.Kind == Impact.ImpactKind.Destructive),
        BucketsArchivingSooner = buckets.Count(b => b.Status == BucketStatus.Change && b.Impact.Kind == Impact.ImpactKind.ArchivesSooner),
    };
}

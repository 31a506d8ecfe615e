using LakeCircle.Core.Impact;
using LakeCircle.Core.Model;
using LakeCircle.Core.Planning;

namespace LakeCircle.Core.Tests.Planning;

public partial class PlannerTests
{
    [Test]
    public void PlanAccount_EveryKindOfBucket_OrdinalOrderAndSummary()
    {
        var desired = new Dictionary<string, LifecycleConfiguration>
        {
            ["changed"] = LifecycleConfiguration.Of(Logs with { Expiration = new LifecycleExpiration { Days = 5 } }, Tmp),
            ["deleted"] = LifecycleConfiguration.Empty,
            ["in-sync"] = LifecycleConfiguration.Of(Logs),
            ["missing"] = LifecycleConfiguration.Of(Logs),
            ["Broken"] = LifecycleConfiguration.Of(Logs),
            ["not-read"] = LifecycleConfiguration.Of(Logs),
        };
        var actual = new Dictionary<string, BucketState>
        {
            ["changed"] = BucketState.Configured(LifecycleConfiguration.Of(Logs, Uploads)),
            ["deleted"] = BucketState.Configured(LifecycleConfiguration.Of(Logs, Tmp)),
            ["in-sync"] = BucketState.Configured(LifecycleConfiguration.Of(Logs)),
            ["missing"] = BucketState.Missing,
            ["Broken"] = BucketState.Failed("timeout"),
            ["other"] = BucketState.Configured(LifecycleConfiguration.Of(Tmp)),
            ["gone"] = BucketState.Missing,
        };

        var plan = Planner.PlanAccount(desired, actual, ["listed-only", "in-sync"]);

        plan.Buckets.Select(b => (b.Bucket, b.Status)).Should().Equal(
            ("Broken", BucketStatus.Error),
            ("changed", BucketStatus.Change),
            ("deleted", BucketStatus.Change),
            ("in-sync", BucketStatus.InSync),
            ("listed-only", BucketStatus.Unmanaged),
            ("missing", BucketStatus.Missing),
            ("not-read", BucketStatus.Missing),
            ("other", BucketStatus.Unmanaged));
        plan.Buckets.Select(b => b.Impact.Kind).Should().Equal(
            ImpactKind.None, ImpactKind.Destructive, ImpactKind.RetainsLonger, ImpactKind.None, ImpactKind.None, ImpactKind.None, ImpactKind.None, ImpactKind.None);
        plan.Summary.Should().Be(new PlanSummary
        {
            BucketsChanged = 2,
            BucketsDestructive = 1,
            RulesAdded = 1,
            RulesRemoved = 3,
            RulesChanged = 1,
            BucketsInSync = 1,
            BucketsMissing = 2,
            BucketsUnmanaged = 2,
            BucketsFailed = 1,
        });
        plan.HasChanges.Should().BeTrue();
    }

    [Test]
    public void PlanAccount_UnmanagedBucket_KeepsItsConfigurationAndComparesNothing()
    {
        var other = LifecycleConfiguration.Of(Tmp);

        var bucket = Planner.PlanAccount(new Dictionary<string, LifecycleConfiguration>(), new Dictionary<string, BucketState> { ["other"] = BucketState.Configured(other) })
            .Buckets.Should().ContainSingle().Subject;

        bucket.Actual.Should().Be(other);
        bucket.Desired.Should().BeNull();
        bucket.Action.Should().Be(BucketAction.None);
        bucket.Removed.Should().BeEmpty();
    }

    [Test]
    public void PlanAccount_NothingToDo_HasNoChanges()
    {
        var plan = Planner.PlanAccount(
            new Dictionary<string, LifecycleConfiguration> { ["a"] = LifecycleConfiguration.Of(Logs), ["m"] = LifecycleConfiguration.Of(Logs) },
            new Dictionary<string, BucketState> { ["a"] = BucketState.Configured(LifecycleConfiguration.Of(Logs)), ["m"] = BucketState.Missing });

        plan.HasChanges.Should().BeFalse();
        plan.Summary.BucketsInSync.Should().Be(1);
        plan.Summary.BucketsMissing.Should().Be(1);
    }
}

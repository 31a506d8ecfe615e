using LakeCircle.Core.Impact;
using LakeCircle.Core.Model;
using LakeCircle.Core.Planning;

namespace LakeCircle.Core.Tests.Planning;

public partial class PlannerTests
{
    [Test]
    public void ImpactMemo_EqualPairsAnalysedOnce_SameImpactAsTheAnalysis()
    {
        var memo = new ImpactMemo();
        var desired = LifecycleConfiguration.Of(Logs with { Expiration = new LifecycleExpiration { Days = 5 } }, Tmp);
        var current = LifecycleConfiguration.Of(Logs, Uploads);

        // Equal by value, other instances: as two buckets drifted the same way read them.
        var plans = Enumerable.Range(0, 50)
            .Select(i => Planner.PlanBucket($"bucket-{i}", desired with { }, BucketState.Configured(current with { }), memo.Compare))
            .ToList();
        var deleted = Planner.PlanBucket("deleted", LifecycleConfiguration.Empty, BucketState.Configured(current), memo.Compare);

        memo.Analysed.Should().Be(2);
        plans.Should().AllSatisfy(p => p.Impact.Should().Be(ImpactAnalyzer.Compare(current, p.ConfigurationToPut)));
        plans[0].Impact.Kind.Should().Be(ImpactKind.Destructive);
        deleted.Impact.Should().Be(ImpactAnalyzer.Compare(current, null));
    }

    [Test]
    public void ImpactMemo_DifferentPairs_EachAnalysed()
    {
        var memo = new ImpactMemo();
        var current = LifecycleConfiguration.Of(Logs);
        var sooner = Planner.PlanBucket("a", LifecycleConfiguration.Of(Logs with { Expiration = new LifecycleExpiration { Days = 1 } }), BucketState.Configured(current), memo.Compare);
        var later = Planner.PlanBucket("b", LifecycleConfiguration.Of(Logs with { Expiration = new LifecycleExpiration { Days = 9_999 } }), BucketState.Configured(current), memo.Compare);

        memo.Analysed.Should().Be(2);
        sooner.Impact.Kind.Should().Be(ImpactKind.Destructive);
        later.Impact.Kind.Should().NotBe(ImpactKind.Destructive);
    }
}

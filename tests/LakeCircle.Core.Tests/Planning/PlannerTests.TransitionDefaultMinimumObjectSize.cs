using LakeCircle.Core.Model;
using LakeCircle.Core.Planning;

namespace LakeCircle.Core.Tests.Planning;

public partial class PlannerTests
{
    private const string Small = TransitionDefaultMinimumObjectSizes.VariesByStorageClass;
    private const string Large = TransitionDefaultMinimumObjectSizes.AllStorageClasses128K;

    [Test]
    public void PlanBucket_DesiredLeavesMinimumSizeUnset_PutKeepsActualValue()
    {
        var actual = new LifecycleConfiguration { Rules = ValueList.Of(Logs), TransitionDefaultMinimumObjectSize = Small };
        var plan = Planner.PlanBucket("b", LifecycleConfiguration.Of(Logs, Tmp), BucketState.Configured(actual));

        plan.Action.Should().Be(BucketAction.Put);
        plan.ConfigurationToPut!.TransitionDefaultMinimumObjectSize.Should().Be(Small);
        plan.ConfigurationChanges.Should().BeEmpty();
    }

    [Test]
    public void PlanBucket_DesiredLeavesMinimumSizeUnsetRulesSame_InSync()
    {
        var actual = new LifecycleConfiguration { Rules = ValueList.Of(Logs), TransitionDefaultMinimumObjectSize = Small };

        Planner.PlanBucket("b", LifecycleConfiguration.Of(Logs), BucketState.Configured(actual)).Status.Should().Be(BucketStatus.InSync);
    }

    [Test]
    public void PlanBucket_DesiredSetsOtherMinimumSizeRulesSame_ChangeOfTheBucket()
    {
        var actual = new LifecycleConfiguration { Rules = ValueList.Of(Logs), TransitionDefaultMinimumObjectSize = Small };
        var desired = actual with { TransitionDefaultMinimumObjectSize = Large };
        var plan = Planner.PlanBucket("b", desired, BucketState.Configured(actual));

        plan.Status.Should().Be(BucketStatus.Change);
        plan.Action.Should().Be(BucketAction.Put);
        plan.Unchanged.Should().Equal(Logs);
        plan.ConfigurationChanges.Should().Equal(new FieldChange(Planner.TransitionDefaultMinimumObjectSizeField, Small, Large));
        plan.ConfigurationToPut!.TransitionDefaultMinimumObjectSize.Should().Be(Large);
    }

    [Test]
    public void PlanBucket_DesiredSetsSameMinimumSize_InSync()
    {
        var actual = new LifecycleConfiguration { Rules = ValueList.Of(Logs), TransitionDefaultMinimumObjectSize = Large };

        Planner.PlanBucket("b", actual, BucketState.Configured(actual)).Status.Should().Be(BucketStatus.InSync);
    }

    [Test]
    public void PlanBucket_DesiredSetsMinimumSizeOnBucketWithoutLifecycle_PutWithItAndReported()
    {
        var desired = LifecycleConfiguration.Of(Logs) with { TransitionDefaultMinimumObjectSize = Small };
        var plan = Planner.PlanBucket("b", desired, BucketState.NoLifecycle);

        plan.ConfigurationToPut!.TransitionDefaultMinimumObjectSize.Should().Be(Small);
        plan.ConfigurationChanges.Should().Equal(new FieldChange(Planner.TransitionDefaultMinimumObjectSizeField, null, Small));
    }

    [Test]
    public void PlanBucket_MinimumSizeWithoutRules_NothingToPutOrDelete()
    {
        var desired = LifecycleConfiguration.Empty with { TransitionDefaultMinimumObjectSize = Small };

        var plan = Planner.PlanBucket("b", desired, BucketState.NoLifecycle);

        plan.Status.Should().Be(BucketStatus.InSync);
        plan.ConfigurationChanges.Should().BeEmpty();
    }
}

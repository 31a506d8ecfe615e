using LakeCircle.Core.Model;
using LakeCircle.Core.Planning;

namespace LakeCircle.Core.Tests.Planning;

public partial class PlannerTests
{
    private static readonly LifecycleRule Logs = new()
    {
        Id = "logs",
        Filter = new LifecycleFilter { Prefix = "logs/" },
        Expiration = new LifecycleExpiration { Days = 30 },
    };

    private static readonly LifecycleRule Tmp = new()
    {
        Id = "tmp",
        Filter = new LifecycleFilter { Prefix = "tmp/" },
        Expiration = new LifecycleExpiration { Days = 1 },
    };

    private static readonly LifecycleRule Uploads = new()
    {
        Id = "uploads",
        AbortIncompleteMultipartUpload = new AbortIncompleteMultipartUpload { DaysAfterInitiation = 7 },
    };

    [Test]
    public void PlanBucket_SameRules_InSyncWithoutAction()
    {
        var plan = Planner.PlanBucket("b", LifecycleConfiguration.Of(Logs, Tmp), BucketState.Configured(LifecycleConfiguration.Of(Tmp, Logs)));

        plan.Status.Should().Be(BucketStatus.InSync);
        plan.Action.Should().Be(BucketAction.None);
        plan.HasChanges.Should().BeFalse();
        plan.ConfigurationToPut.Should().BeNull();
        plan.Unchanged.Should().Equal(Logs, Tmp);
        plan.Added.Should().BeEmpty();
        plan.Removed.Should().BeEmpty();
        plan.Changed.Should().BeEmpty();
    }

    [Test]
    public void PlanBucket_RuleOnlyDesired_AddedAndPutWholeConfiguration()
    {
        var desired = LifecycleConfiguration.Of(Logs, Tmp);
        var plan = Planner.PlanBucket("b", desired, BucketState.Configured(LifecycleConfiguration.Of(Logs)));

        plan.Status.Should().Be(BucketStatus.Change);
        plan.Action.Should().Be(BucketAction.Put);
        plan.Added.Should().Equal(Tmp);
        plan.Unchanged.Should().Equal(Logs);
        plan.ConfigurationToPut.Should().Be(desired);
    }

    [Test]
    public void PlanBucket_RuleOnlyActual_RemovedAndPutWithoutIt()
    {
        var plan = Planner.PlanBucket("b", LifecycleConfiguration.Of(Logs), BucketState.Configured(LifecycleConfiguration.Of(Logs, Uploads)));

        plan.Status.Should().Be(BucketStatus.Change);
        plan.Action.Should().Be(BucketAction.Put);
        plan.Removed.Should().Equal(Uploads);
        plan.ConfigurationToPut!.Rules.Should().Equal(Logs);
    }

    [Test]
    public void PlanBucket_SameIdOtherContent_ChangedWithBothSidesAndFields()
    {
        var longer = Logs with { Expiration = new LifecycleExpiration { Days = 90 } };
        var plan = Planner.PlanBucket("b", LifecycleConfiguration.Of(longer), BucketState.Configured(LifecycleConfiguration.Of(Logs)));

        plan.Status.Should().Be(BucketStatus.Change);
        plan.Action.Should().Be(BucketAction.Put);
        plan.Changed.Should().ContainSingle().Which.Should().Be(
            new RuleChange("logs", Logs, longer, ValueList.Of(new FieldChange("Expiration.Days", "30", "90"))));
        plan.Added.Should().BeEmpty();
        plan.Removed.Should().BeEmpty();
    }

    [Test]
    public void PlanBucket_NoLifecycleAndRules_PutAllAsAdded()
    {
        var plan = Planner.PlanBucket("b", LifecycleConfiguration.Of(Logs), BucketState.NoLifecycle);

        plan.Status.Should().Be(BucketStatus.Change);
        plan.Action.Should().Be(BucketAction.Put);
        plan.Added.Should().Equal(Logs);
        plan.Actual.Should().BeNull();
    }

    [Test]
    public void PlanBucket_NoDesiredRulesAndActualRules_DeleteWithAllRemoved()
    {
        var plan = Planner.PlanBucket("b", LifecycleConfiguration.Empty, BucketState.Configured(LifecycleConfiguration.Of(Logs, Tmp)));

        plan.Status.Should().Be(BucketStatus.Change);
        plan.Action.Should().Be(BucketAction.Delete);
        plan.Removed.Should().Equal(Logs, Tmp);
        plan.ConfigurationToPut.Should().BeNull();
    }

    [Test]
    public void PlanBucket_NoDesiredRulesAndNoLifecycle_InSync()
    {
        var plan = Planner.PlanBucket("b", LifecycleConfiguration.Empty, BucketState.NoLifecycle);

        plan.Status.Should().Be(BucketStatus.InSync);
        plan.Action.Should().Be(BucketAction.None);
    }

    [Test]
    public void PlanBucket_BucketMissing_ReportedNeverCreated()
    {
        var desired = LifecycleConfiguration.Of(Logs);
        var plan = Planner.PlanBucket("b", desired, BucketState.Missing);

        plan.Status.Should().Be(BucketStatus.Missing);
        plan.Action.Should().Be(BucketAction.None);
        plan.Desired.Should().Be(desired);
        plan.Added.Should().BeEmpty();
    }

    [Test]
    public void PlanBucket_ReadFailed_ErrorWithMessageAndNoAction()
    {
        var plan = Planner.PlanBucket("b", LifecycleConfiguration.Of(Logs), BucketState.Failed("AccessDenied"));

        plan.Status.Should().Be(BucketStatus.Error);
        plan.Action.Should().Be(BucketAction.None);
        plan.Error.Should().Be("AccessDenied");
    }

    [Test]
    public void PlanBucket_RuleWithoutId_MatchesDerivedIdAndPutsItWritten()
    {
        var unnamed = Logs with { Id = null };
        var plan = Planner.PlanBucket("b", LifecycleConfiguration.Of(unnamed, Tmp), BucketState.Configured(LifecycleConfiguration.Of(unnamed with { Id = unnamed.DerivedId })));

        plan.Unchanged.Should().Equal(unnamed);
        plan.Added.Should().Equal(Tmp);
        plan.ConfigurationToPut!.Rules.Select(r => r.Id).Should().Equal(unnamed.DerivedId, "tmp");
    }

    [Test]
    public void PlanBucket_EquivalentShapes_InSync()
    {
        var actual = Logs with { Filter = new LifecycleFilter { And = new LifecycleAndOperator { Prefix = "logs/" } }, Expiration = new LifecycleExpiration { Days = 30, ExpiredObjectDeleteMarker = false } };

        Planner.PlanBucket("b", LifecycleConfiguration.Of(Logs), BucketState.Configured(LifecycleConfiguration.Of(actual)))
            .Status.Should().Be(BucketStatus.InSync);
    }

    [Test]
    public void Apply_EachAction_GivesTheStateAfterwards()
    {
        var actual = BucketState.Configured(LifecycleConfiguration.Of(Logs));
        var put = Planner.PlanBucket("b", LifecycleConfiguration.Of(Tmp), actual);
        var delete = Planner.PlanBucket("b", LifecycleConfiguration.Empty, actual);
        var none = Planner.PlanBucket("b", LifecycleConfiguration.Of(Logs), actual);

        Planner.Apply(put, actual).Should().Be(BucketState.Configured(LifecycleConfiguration.Of(Tmp)));
        Planner.Apply(delete, actual).Should().Be(BucketState.NoLifecycle);
        Planner.Apply(none, actual).Should().BeSameAs(actual);
    }
}

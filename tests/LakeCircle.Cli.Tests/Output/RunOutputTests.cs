using LakeCircle.Cli.Output;
using LakeCircle.Core.Diagnostics;
using LakeCircle.Core.Model;
using LakeCircle.Core.Planning;
using LakeCircle.Core.Sync;

namespace LakeCircle.Cli.Tests.Output;

public class RunOutputTests
{
    private static readonly LifecycleConfiguration Desired = LifecycleConfiguration.Of(
        new LifecycleRule { Id = "expire", Filter = new LifecycleFilter { Prefix = "logs/" }, Expiration = new LifecycleExpiration { Days = 30 } });

    private static AccountPlan Plan(BucketState actual) => Planner.PlanAccount(
        new Dictionary<string, LifecycleConfiguration> { ["logs"] = Desired },
        new Dictionary<string, BucketState> { ["logs"] = actual });

    [Test]
    public void ExitCode_PlanWithChanges_IsZeroOrTwoWithDetailedExitCode()
    {
        var outcome = new PlanOutcome { Plan = Plan(BucketState.NoLifecycle) };

        outcome.HasChanges.Should().BeTrue();
        RunOutput.ExitCode(outcome, detailedExitCode: false).Should().Be(ExitCodes.Ok);
        RunOutput.ExitCode(outcome, detailedExitCode: true).Should().Be(ExitCodes.ChangesPending);
    }

    [Test]
    public void ExitCode_PlanInSync_IsZeroEvenWithDetailedExitCode()
    {
        var outcome = new PlanOutcome { Plan = Plan(BucketState.Configured(Desired)) };

        RunOutput.ExitCode(outcome, detailedExitCode: true).Should().Be(ExitCodes.Ok);
    }

    [Test]
    public void ExitCode_BucketThatCouldNotBeRead_IsOneEvenWithChanges()
    {
        var outcome = new PlanOutcome { Plan = Plan(BucketState.Failed("AccessDenied")) };

        RunOutput.ExitCode(outcome, detailedExitCode: true).Should().Be(ExitCodes.Error);
    }

    [Test]
    public void ExitCode_InvalidDefinitionsOrAccountError_IsOne()
    {
        RunOutput.ExitCode(new PlanOutcome { Diagnostics = ValueList.Of(new Diagnostic { Message = "bad" }) }, true).Should().Be(ExitCodes.Error);
        RunOutput.ExitCode(new PlanOutcome { Error = "Could not list the account's buckets" }, true).Should().Be(ExitCodes.Error);
    }

    [Test]
    public void ExitCode_Sync_IsOneWhenAnyWriteFailed()
    {
        var plan = Plan(BucketState.NoLifecycle);
        var applied = new BucketOutcome { Bucket = "logs", Action = BucketAction.Put, Result = BucketResult.Applied };

        RunOutput.ExitCode(new RunOutcome { RunId = "r", Plan = plan, Buckets = ValueList.Of(applied) }).Should().Be(ExitCodes.Ok);
        RunOutput.ExitCode(new RunOutcome { RunId = "r", Plan = plan, Buckets = ValueList.Of(applied with { Result = BucketResult.Failed, Error = "boom" }) })
            .Should().Be(ExitCodes.Error);
    }

    [Test]
    public void ExitCode_Sync_IsZeroWhenAWriteIsAppliedButNotYetVisible()
    {
        var plan = Plan(BucketState.NoLifecycle);
        var notVisible = new BucketOutcome
        {
            Bucket = "logs", Action = BucketAction.Put, Result = BucketResult.AppliedNotVisible, Note = "applied, not yet visible after 60 s",
        };

        RunOutput.ExitCode(new RunOutcome { RunId = "r", Plan = plan, Buckets = ValueList.Of(notVisible) }).Should().Be(ExitCodes.Ok);
    }
}

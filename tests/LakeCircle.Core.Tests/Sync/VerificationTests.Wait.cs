using LakeCircle.Core.Gateways;
using LakeCircle.Core.Model;
using LakeCircle.Core.Planning;
using LakeCircle.Core.Sync;
using LakeCircle.Core.Tests.Support;
using NSubstitute;

namespace LakeCircle.Core.Tests.Sync;

/// <summary>Waiting for consistency (<c>--wait</c>), DELETEs, and a third configuration seen once.</summary>
public sealed partial class VerificationTests
{
    private static readonly VerificationPolicy Waiting = VerificationPolicy.Consistent(TimeSpan.FromSeconds(60));

    [Test]
    public async Task CheckAsync_WaitingAfterStaleReads_SeenAfterThreeSightingsInARow()
    {
        var previous = LifecycleConfiguration.Of(Old);
        var sent = LifecycleConfiguration.Of(Large);
        var (_, gateway) = await WrittenAsync(previous, sent, g => g.StaleReads = 2);

        var result = await Verifier(gateway, Waiting).CheckAsync(PutPlan(previous, sent), CancellationToken.None);

        result.Outcome.Should().Be(VerificationOutcome.Seen);
        gateway.LifecycleReads.Should().Be(2 + VerificationPolicy.ConsistentSightings);
        (_clock.GetUtcNow() - ManualTime.DefaultStart).Should().Be(TimeSpan.FromSeconds(4), "reads are spaced one second apart");
    }

    [Test]
    public async Task CheckAsync_WaitingWhileReadsFlip_NotVisibleAfterTheWaitTimeout()
    {
        var previous = LifecycleConfiguration.Of(Old);
        var sent = LifecycleConfiguration.Of(Large);
        var (memory, gateway) = await WrittenAsync(previous, sent, g => g.Flip = true);

        var result = await Verifier(gateway, Waiting).CheckAsync(PutPlan(previous, sent), CancellationToken.None);

        result.Outcome.Should().Be(VerificationOutcome.NotVisible);
        result.Message.Should().StartWith("applied, not yet visible after 60 s").And.Contain("not 3 times in a row");
        gateway.LifecycleWrites.Should().Be(1);
        memory.PeekLifecycle("b")!.Rules.Should().Equal(sent.Rules);
    }

    [Test]
    public async Task CheckAsync_WaitingWhilePreviousShows_NotVisible()
    {
        var previous = LifecycleConfiguration.Of(Old);
        var sent = LifecycleConfiguration.Of(Large);
        var (_, gateway) = await WrittenAsync(previous, sent, g => g.StaleReads = int.MaxValue);
        var policy = VerificationPolicy.Consistent(TimeSpan.FromSeconds(5));

        var result = await Verifier(gateway, policy).CheckAsync(PutPlan(previous, sent), CancellationToken.None);

        result.Outcome.Should().Be(VerificationOutcome.NotVisible);
        result.Message.Should().Contain("after 5 s (reads still show the previous configuration");
        gateway.LifecycleReads.Should().Be(6, "reads at 0, 1, ..., 5 s");
    }

    [Test]
    public async Task CheckAsync_WaitingAndServerDropsFields_DifferentAndWritesNothing()
    {
        var previous = LifecycleConfiguration.Of(Old);
        var sent = LifecycleConfiguration.Of(Large);
        var (memory, gateway) = await WrittenAsync(previous, sent, g => g.Keep = Dropped);

        var result = await Verifier(gateway, Waiting).CheckAsync(PutPlan(previous, sent), CancellationToken.None);

        result.Outcome.Should().Be(VerificationOutcome.Different);
        result.Differences.Should().Contain(d => d.Contains("ObjectSizeGreaterThan", StringComparison.Ordinal));
        gateway.LifecycleWrites.Should().Be(1, "verification only reads: restoring is the writing run's");
        memory.PeekLifecycle("b")!.Rules.Should().Equal(Dropped(sent).Rules);
    }

    [Test]
    public async Task CheckAsync_DeleteStillShowingRulesAtTimeout_NotVisible()
    {
        var previous = LifecycleConfiguration.Of(Old);
        var gateway = Substitute.For<IS3Gateway>();
        gateway.GetLifecycleAsync("b", Arg.Any<CancellationToken>()).Returns(previous);
        var plan = new BucketPlan { Bucket = "b", Status = BucketStatus.Change, Action = BucketAction.Delete, Actual = previous, Desired = LifecycleConfiguration.Empty };

        var result = await Verifier(gateway).CheckAsync(plan, CancellationToken.None);

        result.Outcome.Should().Be(VerificationOutcome.NotVisible);
        await gateway.DidNotReceiveWithAnyArgs().PutLifecycleAsync(default!, default!, default);
    }

    [Test]
    public async Task CheckAsync_DeleteShowingAThirdConfiguration_DifferentAndWritesNothing()
    {
        var gateway = Substitute.For<IS3Gateway>();
        gateway.GetLifecycleAsync("b", Arg.Any<CancellationToken>()).Returns(LifecycleConfiguration.Of(Other));
        var previous = LifecycleConfiguration.Of(Old);
        var plan = new BucketPlan { Bucket = "b", Status = BucketStatus.Change, Action = BucketAction.Delete, Actual = previous, Desired = LifecycleConfiguration.Empty };

        var result = await Verifier(gateway).CheckAsync(plan, CancellationToken.None);

        result.Outcome.Should().Be(VerificationOutcome.Different);
        result.Message.Should().Contain("after the DELETE");
        await gateway.DidNotReceiveWithAnyArgs().PutLifecycleAsync(default!, default!, default);
        await gateway.DidNotReceiveWithAnyArgs().DeleteLifecycleAsync(default!, default);
    }

    [Test]
    public async Task CheckAsync_ThirdConfigurationOnceAtTimeoutThenWritten_OneMoreReadSees()
    {
        var previous = LifecycleConfiguration.Of(Old);
        var sent = LifecycleConfiguration.Of(Large);
        var gateway = Substitute.For<IS3Gateway>();
        var other = LifecycleConfiguration.Of(Other);
        gateway.GetLifecycleAsync("b", Arg.Any<CancellationToken>()).Returns(previous, previous, previous, previous, other, sent);

        var result = await Verifier(gateway, VerificationPolicy.Bounded(TimeSpan.FromSeconds(1))).CheckAsync(PutPlan(previous, sent), CancellationToken.None);

        result.Outcome.Should().Be(VerificationOutcome.Seen);
        await gateway.Received(6).GetLifecycleAsync("b", Arg.Any<CancellationToken>());
        await gateway.DidNotReceiveWithAnyArgs().PutLifecycleAsync(default!, default!, default);
    }

    [Test]
    public async Task CheckAsync_ThirdConfigurationOnceThenPreviousUntilTimeout_NotVisible()
    {
        var previous = LifecycleConfiguration.Of(Old);
        var sent = LifecycleConfiguration.Of(Large);
        var gateway = Substitute.For<IS3Gateway>();
        gateway.GetLifecycleAsync("b", Arg.Any<CancellationToken>()).Returns(LifecycleConfiguration.Of(Other), previous);

        var result = await Verifier(gateway).CheckAsync(PutPlan(previous, sent), CancellationToken.None);

        result.Outcome.Should().Be(VerificationOutcome.NotVisible);
        await gateway.DidNotReceiveWithAnyArgs().PutLifecycleAsync(default!, default!, default);
    }

    [Test]
    public async Task CheckAsync_Cancelled_Throws()
    {
        var gateway = Substitute.For<IS3Gateway>();
        gateway.GetLifecycleAsync("b", Arg.Any<CancellationToken>()).Returns(LifecycleConfiguration.Of(Old));
        using var cancel = new CancellationTokenSource();
        var verification = new Verification(gateway, Waiting, _clock, (_, token) =>
        {
            cancel.Cancel();
            return Task.FromCanceled(token);
        });

        var act = () => verification.CheckAsync(PutPlan(LifecycleConfiguration.Of(Old), LifecycleConfiguration.Of(Large)), cancel.Token);

        await act.Should().ThrowAsync<OperationCanceledException>();
    }
}

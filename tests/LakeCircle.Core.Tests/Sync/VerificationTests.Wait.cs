using LakeCircle.Core.Gateways;
using LakeCircle.Core.Model;
using LakeCircle.Core.Planning;
using LakeCircle.Core.Tests.Recovery;
using LakeCircle.Core.Workflows;
using NSubstitute;

namespace LakeCircle.Core.Tests.Workflows;

/// <summary>Waiting for consistency (<c>--wait</c>), DELETEs, and a third configuration seen once.</summary>
public sealed partial class WriteVerifierTests
{
    private static readonly VerificationPolicy Waiting = VerificationPolicy.Consistent(TimeSpan.FromSeconds(60));

    [Test]
    public async Task AfterWriteAsync_WaitingAfterStaleReads_AppliedAfterThreeSightingsInARow()
    {
        var previous = LifecycleConfiguration.Of(Old);
        var sent = LifecycleConfiguration.Of(Large);
        var (_, gateway) = await WrittenAsync(previous, sent, g => g.StaleReads = 2);

        await Verifier(gateway, Waiting).AfterWriteAsync(PutPlan(previous, sent), CancellationToken.None);

        gateway.LifecycleReads.Should().Be(2 + VerificationPolicy.ConsistentSightings);
        (_clock.GetUtcNow() - ManualTime.DefaultStart).Should().Be(TimeSpan.FromSeconds(4), "reads are spaced one second apart");
    }

    [Test]
    public async Task AfterWriteAsync_WaitingWhileReadsFlip_AppliedNotVisibleAfterTheWaitTimeout()
    {
        var previous = LifecycleConfiguration.Of(Old);
        var sent = LifecycleConfiguration.Of(Large);
        var (memory, gateway) = await WrittenAsync(previous, sent, g => g.Flip = true);

        var act = () => Verifier(gateway, Waiting).AfterWriteAsync(PutPlan(previous, sent), CancellationToken.None);

        (await act.Should().ThrowAsync<WriteNotVisibleException>()).Which.Message
            .Should().StartWith("applied, not yet visible after 60 s").And.Contain("not 3 times in a row");
        gateway.LifecycleWrites.Should().Be(1);
        memory.PeekLifecycle("b")!.Rules.Should().Equal(sent.Rules);
    }

    [Test]
    public async Task AfterWriteAsync_WaitingWhilePreviousShows_AppliedNotVisible()
    {
        var previous = LifecycleConfiguration.Of(Old);
        var sent = LifecycleConfiguration.Of(Large);
        var (_, gateway) = await WrittenAsync(previous, sent, g => g.StaleReads = int.MaxValue);
        var policy = VerificationPolicy.Consistent(TimeSpan.FromSeconds(5));

        var act = () => Verifier(gateway, policy).AfterWriteAsync(PutPlan(previous, sent), CancellationToken.None);

        (await act.Should().ThrowAsync<WriteNotVisibleException>()).Which.Message.Should().Contain("after 5 s (reads still show the previous configuration");
        gateway.LifecycleReads.Should().Be(6, "reads at 0, 1, ..., 5 s");
    }

    [Test]
    public async Task AfterWriteAsync_WaitingAndServerDropsFields_FailsAndRestores()
    {
        var previous = LifecycleConfiguration.Of(Old);
        var sent = LifecycleConfiguration.Of(Large);
        var (memory, gateway) = await WrittenAsync(previous, sent, g => g.Keep = Dropped);

        var act = () => Verifier(gateway, Waiting).AfterWriteAsync(PutPlan(previous, sent), CancellationToken.None);

        (await act.Should().ThrowAsync<WriteVerificationException>()).Which.Differences.Should().Contain(d => d.Contains("ObjectSizeGreaterThan"));
        memory.PeekLifecycle("b")!.Rules.Should().Equal(Old);
    }

    [Test]
    public async Task AfterWriteAsync_DeleteStillShowingRulesAtTimeout_AppliedNotVisible()
    {
        var previous = LifecycleConfiguration.Of(Old);
        var gateway = Substitute.For<IS3Gateway>();
        gateway.GetLifecycleAsync("b", Arg.Any<CancellationToken>()).Returns(previous);
        var plan = new BucketPlan { Bucket = "b", Status = BucketStatus.Change, Action = BucketAction.Delete, Actual = previous, Desired = LifecycleConfiguration.Empty };

        var act = () => Verifier(gateway).AfterWriteAsync(plan, CancellationToken.None);

        await act.Should().ThrowAsync<WriteNotVisibleException>();
        await gateway.DidNotReceiveWithAnyArgs().PutLifecycleAsync(default!, default!, default);
    }

    [Test]
    public async Task AfterWriteAsync_DeleteShowingAThirdConfiguration_FailsWithoutRestoring()
    {
        var gateway = Substitute.For<IS3Gateway>();
        gateway.GetLifecycleAsync("b", Arg.Any<CancellationToken>()).Returns(LifecycleConfiguration.Of(Other));
        var previous = LifecycleConfiguration.Of(Old);
        var plan = new BucketPlan { Bucket = "b", Status = BucketStatus.Change, Action = BucketAction.Delete, Actual = previous, Desired = LifecycleConfiguration.Empty };

        var act = () => Verifier(gateway).AfterWriteAsync(plan, CancellationToken.None);

        (await act.Should().ThrowAsync<WriteVerificationException>()).Which.Message.Should().Contain("after the DELETE");
        await gateway.DidNotReceiveWithAnyArgs().PutLifecycleAsync(default!, default!, default);
    }

    [Test]
    public async Task AfterWriteAsync_ThirdConfigurationOnceAtTimeoutThenWritten_OneMoreReadApplies()
    {
        var previous = LifecycleConfiguration.Of(Old);
        var sent = LifecycleConfiguration.Of(Large);
        var gateway = Substitute.For<IS3Gateway>();
        var other = LifecycleConfiguration.Of(Other);
        gateway.GetLifecycleAsync("b", Arg.Any<CancellationToken>()).Returns(previous, previous, previous, previous, other, sent);

        await Verifier(gateway, VerificationPolicy.Bounded(TimeSpan.FromSeconds(1))).AfterWriteAsync(PutPlan(previous, sent), CancellationToken.None);

        await gateway.Received(6).GetLifecycleAsync("b", Arg.Any<CancellationToken>());
        await gateway.DidNotReceiveWithAnyArgs().PutLifecycleAsync(default!, default!, default);
    }

    [Test]
    public async Task AfterWriteAsync_ThirdConfigurationOnceThenPreviousUntilTimeout_AppliedNotVisible()
    {
        var previous = LifecycleConfiguration.Of(Old);
        var sent = LifecycleConfiguration.Of(Large);
        var gateway = Substitute.For<IS3Gateway>();
        gateway.GetLifecycleAsync("b", Arg.Any<CancellationToken>()).Returns(LifecycleConfiguration.Of(Other), previous);

        var act = () => Verifier(gateway).AfterWriteAsync(PutPlan(previous, sent), CancellationToken.None);

        await act.Should().ThrowAsync<WriteNotVisibleException>();
        await gateway.DidNotReceiveWithAnyArgs().PutLifecycleAsync(default!, default!, default);
    }

    [Test]
    public async Task AfterWriteAsync_Cancelled_Throws()
    {
        var gateway = Substitute.For<IS3Gateway>();
        gateway.GetLifecycleAsync("b", Arg.Any<CancellationToken>()).Returns(LifecycleConfiguration.Of(Old));
        using var cancel = new CancellationTokenSource();
        var verifier = new WriteVerifier(gateway, Waiting, _clock, (_, token) =>
        {
            cancel.Cancel();
            return Task.FromCanceled(token);
        });

        var act = () => verifier.AfterWriteAsync(PutPlan(LifecycleConfiguration.Of(Old), LifecycleConfiguration.Of(Large)), cancel.Token);

        await act.Should().ThrowAsync<OperationCanceledException>();
    }
}

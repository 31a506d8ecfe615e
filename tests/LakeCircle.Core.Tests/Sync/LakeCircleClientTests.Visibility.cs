using LakeCircle.Core.Gateways;
using LakeCircle.Core.Model;
using LakeCircle.Core.Workflows;
using static LakeCircle.Core.Tests.Workflows.WorkflowFixtures;

namespace LakeCircle.Core.Tests.Workflows;

/// <summary>Eventual consistency after a write: applied, not yet visible — distinct from a failure.</summary>
public sealed partial class LifecycleWorkflowTests
{
    /// <summary>The standard account behind a server whose reads of <paramref name="lagging"/> show the old configuration for ever.</summary>
    internal static (InMemoryS3Gateway Memory, LaggingGateway Gateway, StaticDefinitionSource Definitions) Lagging(params string[] lagging)
    {
        var (memory, definitions) = Standard();
        var gateway = new LaggingGateway(memory) { StaleReads = int.MaxValue, Buckets = [.. lagging] };
        return (memory, gateway, definitions);
    }

    [Test]
    public async Task SyncAsync_WriteNotVisibleByTheTimeout_AppliedNotVisibleNotRestoredAndSucceeded()
    {
        var (memory, gateway, definitions) = Lagging("logs");
        var options = new WorkflowOptions { VerifyTimeout = TimeSpan.Zero };

        var sync = await new LifecycleWorkflow(gateway, definitions, options: options).SyncAsync();

        sync.Succeeded.Should().BeTrue("a write not yet visible is not a failure");
        sync.Summary.Should().Be(new SyncSummary(1, 0, 0, 1));
        var logs = sync.Buckets.Single(b => b.Bucket == "logs");
        logs.Result.Should().Be(BucketResult.AppliedNotVisible);
        logs.Error.Should().BeNull();
        logs.Note.Should().StartWith("applied, not yet visible after 0 s");
        gateway.LifecycleWrites.Should().Be(2, "one PUT per changed bucket, nothing restored");
        memory.PeekLifecycle("logs")!.Rules.Select(r => r.Id).Should().BeEquivalentTo("expire", "new");
    }

    [Test]
    public async Task SyncAsync_ServerDropsAField_FailsAndRestoresEvenWhenReadsLagFirst()
    {
        var memory = new InMemoryS3Gateway().SetLifecycle("logs", LifecycleConfiguration.Of(Rule("old", "old/", 5)));
        var before = memory.PeekLifecycle("logs");
        var gateway = new LaggingGateway(memory)
        {
            StaleReads = 2,
            Keep = c => c with { Rules = c.Rules.Select(r => r.Id == "expire" ? r with { Expiration = new LifecycleExpiration { Days = 1 } } : r).ToValueList() },
        };
        var clock = new Recovery.ManualTime();
        var verifier = new WriteVerifier(gateway, VerificationPolicy.Bounded(TimeSpan.FromSeconds(30)), clock, (d, _) =>
        {
            clock.Advance(d);
            return Task.CompletedTask;
        });

        var sync = await new LifecycleWorkflow(gateway, Source(Toml("logs", ("expire", "logs/", 90))), null, null, verifier).SyncAsync();

        sync.Succeeded.Should().BeFalse();
        var logs = sync.Buckets.Should().ContainSingle().Which;
        logs.Result.Should().Be(BucketResult.Failed);
        logs.Error.Should().Contain("Expiration.Days: 90 -> 1").And.Contain("previous configuration was restored");
        memory.PeekLifecycle("logs")!.Rules.Should().Equal(before!.Rules);
    }

    [Test]
    public void DefaultObserver_WaitForConsistency_ReadsBackUntilSeenConsistentlyWithinTheWaitTimeout()
    {
        var options = new WorkflowOptions { WaitForConsistency = true, WaitTimeout = TimeSpan.FromMinutes(5), VerifyWrites = false };

        var observer = LifecycleWorkflow.DefaultObserver(new InMemoryS3Gateway(), options);

        var policy = observer.Should().BeOfType<WriteVerifier>().Which.Policy;
        policy.Should().Be(VerificationPolicy.Consistent(TimeSpan.FromMinutes(5)));
        policy.Sightings.Should().Be(3);
        policy.PollInterval.Should().Be(TimeSpan.FromSeconds(1));
    }

    [Test]
    public void DefaultObserver_Defaults_BoundedTenSecondsFirstSightingEnough()
    {
        var observer = LifecycleWorkflow.DefaultObserver(new InMemoryS3Gateway(), new WorkflowOptions());

        observer.Should().BeOfType<WriteVerifier>().Which.Policy.Should().Be(VerificationPolicy.Bounded(TimeSpan.FromSeconds(10)));
    }

    [Test]
    public void Constructor_NegativeWaitTimeout_Throws()
    {
        var (gateway, definitions) = Standard();

        var act = () => new LifecycleWorkflow(gateway, definitions, options: new WorkflowOptions { WaitTimeout = TimeSpan.FromSeconds(-1) });

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("WaitTimeout");
    }
}

using LakeCircle.Core.Gateways;
using LakeCircle.Core.Model;
using LakeCircle.Core.Planning;
using LakeCircle.Core.Sync;
using LakeCircle.Core.Tests.Support;
using NSubstitute;
using static LakeCircle.Core.Tests.Support.WorkflowFixtures;

namespace LakeCircle.Core.Tests.Sync;

/// <summary>
/// Eventual consistency after a write: applied, not yet visible — distinct from a failure; and a server that keeps
/// something else than what was written: failed, and the previous configuration put back.
/// </summary>
public sealed partial class LakeCircleClientTests
{
    /// <summary>A TOML definition of bucket <c>b-bucket</c> with the rule <see cref="VerificationTests.Large"/>.</summary>
    private const string LargeToml = """
        BucketName = "b-bucket"

        [LifecycleConfiguration]

        [[LifecycleConfiguration.Rules]]
        ID = "large"
        Status = "Enabled"
        Filter = { And = { Prefix = "big/", ObjectSizeGreaterThan = 1073741824 } }
        Expiration = { Days = 30 }
        NoncurrentVersionExpiration = { NoncurrentDays = 5, NewerNoncurrentVersions = 3 }
        """;

    /// <summary>The standard account behind a server whose reads of <paramref name="lagging"/> show the old configuration for ever.</summary>
    internal static (InMemoryS3Gateway Memory, LaggingGateway Gateway, StaticDefinitionSource Definitions) Lagging(params string[] lagging)
    {
        var (memory, definitions) = Standard();
        var gateway = new LaggingGateway(memory) { StaleReads = int.MaxValue, Buckets = [.. lagging] };
        return (memory, gateway, definitions);
    }

    /// <summary>Options that read back quickly: reads 1 ms apart, for at most <paramref name="timeout"/> (30 s by default).</summary>
    private static Action<LakeCircleClientOptions> QuickReadBack(TimeSpan? timeout = null, bool wait = false) => o =>
    {
        o.VerifyPollInterval = TimeSpan.FromMilliseconds(1);
        (o.VerifyTimeout, o.WaitTimeout, o.WaitForConsistency) = (timeout ?? TimeSpan.FromSeconds(30), timeout ?? TimeSpan.FromSeconds(30), wait);
    };

    [Test]
    public async Task SyncAsync_WriteNotVisibleByTheTimeout_AppliedNotVisibleNotRestoredAndSucceeded()
    {
        var (memory, gateway, definitions) = Lagging("logs");

        var sync = await Client(gateway, definitions, o => o.VerifyTimeout = TimeSpan.Zero).SyncAsync();

        sync.Succeeded.Should().BeTrue("a write not yet visible is not a failure");
        sync.Status.Should().Be(RunStatus.Succeeded);
        sync.Summary.Should().Be(new RunSummary(1, 0, 0, 1));
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

        var sync = await Client(gateway, Source(Toml("logs", ("expire", "logs/", 90))), QuickReadBack()).SyncAsync();

        sync.Succeeded.Should().BeFalse();
        var logs = sync.Buckets.Should().ContainSingle().Which;
        logs.Result.Should().Be(BucketResult.Failed);
        logs.Error.Should().Contain("Expiration.Days: 90 -> 1").And.Contain("previous configuration was restored");
        memory.PeekLifecycle("logs")!.Rules.Should().Equal(before!.Rules);
    }

    [Test]
    public async Task SyncAsync_ServerDropsFieldsAfterStaleReads_FailsNamingThemAndRestoresPrevious()
    {
        var memory = new InMemoryS3Gateway().SetLifecycle("b-bucket", LifecycleConfiguration.Of(VerificationTests.Old));
        var gateway = new LaggingGateway(memory) { Keep = VerificationTests.Dropped, StaleReads = 3 };

        var sync = await Client(gateway, Source(LargeToml), QuickReadBack()).SyncAsync();

        var bucket = sync.Buckets.Should().ContainSingle().Which;
        bucket.Result.Should().Be(BucketResult.Failed);
        bucket.Error.Should().Contain("Filter.ObjectSizeGreaterThan: 1073741824 -> (none)")
            .And.Contain("NoncurrentVersionExpiration.NewerNoncurrentVersions: 3 -> (none)")
            .And.Contain("previous configuration was restored");
        gateway.LifecycleWrites.Should().Be(2, "the PUT, then the previous configuration put back");
        memory.PeekLifecycle("b-bucket")!.Rules.Should().Equal(VerificationTests.Old);
    }

    [Test]
    public async Task SyncAsync_ServerDropsFieldsOfBucketWithoutConfiguration_DeletesWhatWasWritten()
    {
        var memory = new InMemoryS3Gateway().AddBucket("b-bucket");
        var gateway = new LaggingGateway(memory) { Keep = VerificationTests.Dropped };

        var sync = await Client(gateway, Source(LargeToml), QuickReadBack()).SyncAsync();

        var bucket = sync.Buckets.Should().ContainSingle().Which;
        bucket.Result.Should().Be(BucketResult.Failed);
        bucket.Error.Should().Contain("deleted");
        memory.PeekLifecycle("b-bucket").Should().BeNull();
    }

    [Test]
    public async Task SyncAsync_WaitingAndServerDropsFields_FailsAndRestores()
    {
        var memory = new InMemoryS3Gateway().SetLifecycle("b-bucket", LifecycleConfiguration.Of(VerificationTests.Old));
        var gateway = new LaggingGateway(memory) { Keep = VerificationTests.Dropped };

        var sync = await Client(gateway, Source(LargeToml), QuickReadBack(wait: true)).SyncAsync();

        var bucket = sync.Buckets.Should().ContainSingle().Which;
        bucket.Result.Should().Be(BucketResult.Failed);
        bucket.Error.Should().Contain("ObjectSizeGreaterThan").And.Contain("previous configuration was restored");
        memory.PeekLifecycle("b-bucket")!.Rules.Should().Equal(VerificationTests.Old);
    }

    [Test]
    public async Task SyncAsync_DeleteShowingAThirdConfiguration_FailsWithoutRestoring()
    {
        var previous = LifecycleConfiguration.Of(VerificationTests.Old);
        var gateway = Substitute.For<IS3Gateway>();
        gateway.ListBucketsAsync(Arg.Any<CancellationToken>()).Returns(["b-bucket"]);
        // The plan's read and the re-check before the write show the previous configuration, every read after the DELETE a third one.
        gateway.GetLifecycleAsync("b-bucket", Arg.Any<CancellationToken>()).Returns(previous, previous, LifecycleConfiguration.Of(VerificationTests.Other));

        var sync = await Client(gateway, Source(Toml("b-bucket")), QuickReadBack()).SyncAsync();

        var bucket = sync.Buckets.Should().ContainSingle().Which;
        (bucket.Action, bucket.Result).Should().Be((BucketAction.Delete, BucketResult.Failed));
        bucket.Error.Should().Contain("after the DELETE").And.NotContain("restored");
        await gateway.Received(1).DeleteLifecycleAsync("b-bucket", Arg.Any<CancellationToken>());
        await gateway.DidNotReceiveWithAnyArgs().PutLifecycleAsync(default!, default!, default);
    }

    [Test]
    public void Constructor_NegativeWaitTimeout_Throws()
    {
        var (gateway, definitions) = Standard();

        var act = () => Client(gateway, definitions, o => o.WaitTimeout = TimeSpan.FromSeconds(-1));

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("WaitTimeout");
    }
}

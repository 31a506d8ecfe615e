using LakeCircle.Core.Archive;
using LakeCircle.Core.Definitions;
using LakeCircle.Core.Gateways;
using LakeCircle.Core.Locking;
using LakeCircle.Core.Model;
using LakeCircle.Core.Planning;
using LakeCircle.Core.Sync;
using LakeCircle.Core.Tests.Support;
using NSubstitute;
using static LakeCircle.Core.Tests.Support.WorkflowFixtures;

namespace LakeCircle.Core.Tests.Sync;

/// <summary>Syncs through the client: what is written, per bucket, within the limits; every sync inside the safety net.</summary>
public sealed partial class LakeCircleClientTests
{
    /// <summary>A client over the gateway and the definitions, an endpoint (in memory unless given), and the test options as <paramref name="configure"/> changes them.</summary>
    private static LakeCircleClient Client(
        IS3Gateway gateway, IDefinitionSource definitions, Action<LakeCircleClientOptions>? configure = null, IEndpointStore? endpoint = null)
    {
        var options = TestClient.Options();
        configure?.Invoke(options);
        return TestClient.Create(gateway, definitions, endpoint, options);
    }

    [Test]
    public async Task SyncAsync_DriftedAccount_AppliesThenSecondPlanHasNoChanges()
    {
        var (gateway, definitions) = Standard();
        var client = Client(gateway, definitions);

        var sync = await client.SyncAsync();
        var again = await client.PlanAsync();

        sync.Succeeded.Should().BeTrue();
        sync.Buckets.Select(b => (b.Bucket, b.Action, b.Result)).Should().Equal(
            ("bare", BucketAction.Put, BucketResult.Applied),
            ("logs", BucketAction.Put, BucketResult.Applied));
        sync.Summary.Should().Be(new RunSummary(2, 0, 0));
        again.HasChanges.Should().BeFalse();
        again.Plan!.Summary.BucketsInSync.Should().Be(3);
        gateway.PeekLifecycle("logs")!.Rules.Select(r => r.Id).Should().BeEquivalentTo("expire", "new");
        gateway.PeekLifecycle("scratch")!.Rules.Select(r => r.Id).Should().Equal("tmp");
        gateway.BucketNames.Should().NotContain("archive");
    }

    [Test]
    public async Task SyncAsync_ChangedBuckets_OnePutPerBucketWithTheWholeConfiguration()
    {
        var gateway = Substitute.For<IS3Gateway>();
        gateway.ListBucketsAsync(Arg.Any<CancellationToken>()).Returns(["logs"]);
        gateway.GetLifecycleAsync("logs", Arg.Any<CancellationToken>()).Returns(LifecycleConfiguration.Of(Rule("a", "a/", 1)));

        // The substitute keeps showing the old configuration: no read-back, which would wait for it until the timeout.
        await Client(gateway, Source(Toml("logs", ("a", "a/", 2), ("b", "b/", 3), ("c", "c/", 4))), o => o.VerifyWrites = false).SyncAsync();

        await gateway.Received(1).PutLifecycleAsync(
            "logs",
            Arg.Is<LifecycleConfiguration>(c => c.Rules.Select(r => r.Id).SequenceEqual(new[] { "a", "b", "c" })),
            Arg.Any<CancellationToken>());
        await gateway.DidNotReceiveWithAnyArgs().DeleteLifecycleAsync(default!, default);
    }

    [Test]
    public async Task SyncAsync_EmptyRulesDefinition_DeletesTheLifecycle()
    {
        var gateway = new InMemoryS3Gateway().SetLifecycle("logs", LifecycleConfiguration.Of(Rule("a", "a/", 1)));
        var client = Client(gateway, Source(Toml("logs")));

        var sync = await client.SyncAsync();
        var again = await client.PlanAsync();

        sync.Buckets.Should().ContainSingle().Which.Action.Should().Be(BucketAction.Delete);
        gateway.CallCount(S3Operations.DeleteBucketLifecycle).Should().Be(1);
        gateway.CallCount(S3Operations.PutBucketLifecycleConfiguration).Should().Be(0);
        gateway.PeekLifecycle("logs").Should().BeNull();
        again.Plan!.Buckets.Single().Status.Should().Be(BucketStatus.InSync);
    }

    [Test]
    public async Task SyncAsync_InvalidDefinitions_NoAccountCallAndFailed()
    {
        var gateway = Substitute.For<IS3Gateway>();

        var sync = await Client(gateway, Source(("bad.toml", "BucketName = \n"))).SyncAsync();

        sync.Succeeded.Should().BeFalse();
        sync.Diagnostics.Should().NotBeEmpty();
        sync.Buckets.Should().BeEmpty();
        gateway.ReceivedCalls().Should().BeEmpty();
    }

    [Test]
    public async Task SyncAsync_PutFailsOnOneBucket_OthersAppliedAndOutcomeFailed()
    {
        var inner = new InMemoryS3Gateway();
        var names = new[] { "a-bucket", "b-bucket", "c-bucket", "d-bucket" };
        foreach (var name in names)
        {
            inner.SetLifecycle(name, LifecycleConfiguration.Of(Rule("r", "r/", 1)));
        }

        var gateway = new InstrumentedGateway(inner) { Hold = TimeSpan.Zero };
        gateway.FailingWrites.Add("b-bucket");

        var sync = await Client(gateway, Source(names.Select(n => Toml(n, ("r", "r/", 5))).ToArray())).SyncAsync();

        sync.Succeeded.Should().BeFalse();
        sync.Summary.Should().Be(new RunSummary(3, 1, 0));
        var failed = sync.Buckets.Single(b => b.Result == BucketResult.Failed);
        failed.Bucket.Should().Be("b-bucket");
        failed.Error.Should().Contain("Access Denied");
        inner.PeekLifecycle("a-bucket")!.Rules.Single().Expiration!.Days.Should().Be(5);
        inner.PeekLifecycle("b-bucket")!.Rules.Single().Expiration!.Days.Should().Be(1);
        inner.PeekLifecycle("d-bucket")!.Rules.Single().Expiration!.Days.Should().Be(5);
    }

    [Test]
    public async Task SyncAsync_ManyChanges_WriteConcurrencyBoundRespected()
    {
        var inner = new InMemoryS3Gateway();
        var names = Enumerable.Range(0, 12).Select(i => $"bucket-{i:D2}").ToArray();
        foreach (var name in names)
        {
            inner.AddBucket(name);
        }

        var gateway = new InstrumentedGateway(inner);

        var sync = await Client(gateway, Source(names.Select(n => Toml(n, ("a", "a/", 1))).ToArray())).SyncAsync();

        sync.Summary.Applied.Should().Be(12);
        gateway.MaxWritesInFlight.Should().BeInRange(1, LakeCircleClientOptions.DefaultWriteConcurrency);
        inner.CallCount(S3Operations.PutBucketLifecycleConfiguration).Should().Be(12);
    }

    [Test]
    public async Task SyncAsync_MoreChangesThanAllowed_StopsBeforeFirstWrite()
    {
        var (gateway, definitions) = Standard();
        var sync = await Client(gateway, definitions, o => o.MaxChanges = 1).SyncAsync();

        sync.Succeeded.Should().BeFalse();
        sync.Error.Should().Contain("changes 2 buckets").And.Contain("1 allowed").And.Contain("maxChanges");
        sync.Buckets.Should().OnlyContain(b => b.Result == BucketResult.Skipped).And.HaveCount(2);
        gateway.CallCount(S3Operations.PutBucketLifecycleConfiguration).Should().Be(0);
    }

    [Test]
    public async Task SyncAsync_MoreDeletionsThanAllowed_StopsBeforeFirstWrite()
    {
        var gateway = new InMemoryS3Gateway()
            .SetLifecycle("a-bucket", LifecycleConfiguration.Of(Rule("r", "r/", 1)))
            .SetLifecycle("b-bucket", LifecycleConfiguration.Of(Rule("r", "r/", 1)));
        var sync = await Client(gateway, Source(Toml("a-bucket"), Toml("b-bucket")), o => (o.MaxDeletions, o.MaxChanges) = (1, 5)).SyncAsync();

        sync.Error.Should().Contain("deletes").And.Contain("maxDeletions");
        gateway.CallCount(S3Operations.DeleteBucketLifecycle).Should().Be(0);
    }

    [Test]
    public async Task SyncAsync_ChangesWithinLimits_Applied()
    {
        var (gateway, definitions) = Standard();
        var sync = await Client(gateway, definitions, o => (o.MaxChanges, o.MaxDeletions) = (2, 0)).SyncAsync();

        sync.Succeeded.Should().BeTrue();
        gateway.CallCount(S3Operations.PutBucketLifecycleConfiguration).Should().Be(2);
    }

    [Test]
    public async Task SyncAsync_StepBeforeWriteFails_BucketNotWrittenAndFailed()
    {
        var (gateway, definitions) = Standard();
        // The step before the write: saving the configuration it replaces, which fails for logs.
        var endpoint = new FailingEndpointStore(key => key == ConfigurationArchive.PreviousKey("logs") || key.StartsWith(ConfigurationArchive.HistoryFolder + "logs/", StringComparison.Ordinal));

        var sync = await Client(gateway, definitions, endpoint: endpoint).SyncAsync();

        var logs = sync.Buckets.Single(b => b.Bucket == "logs");
        logs.Result.Should().Be(BucketResult.Failed);
        logs.Error.Should().Contain("could not save");
        gateway.PeekLifecycle("logs")!.Rules.Select(r => r.Id).Should().Equal("expire", "old");
        sync.Buckets.Single(b => b.Bucket == "bare").Result.Should().Be(BucketResult.Applied);
        endpoint.Keys.Should().Contain(ConfigurationArchive.CurrentKey("bare"), "the step after the write ran for bare")
            .And.NotContain(ConfigurationArchive.CurrentKey("logs"), "nor for logs, which was not written");
    }

    [Test]
    public async Task SyncAsync_NothingToChange_NoWriteAndSucceeded()
    {
        var gateway = new InMemoryS3Gateway().SetLifecycle("logs", LifecycleConfiguration.Of(Rule("a", "a/", 1)));

        var sync = await Client(gateway, Source(Toml("logs", ("a", "a/", 1)))).SyncAsync();

        sync.Succeeded.Should().BeTrue();
        sync.HasChanges.Should().BeFalse();
        sync.Buckets.Should().BeEmpty();
        gateway.CallCount(S3Operations.PutBucketLifecycleConfiguration).Should().Be(0);
    }

    [Test]
    public async Task SyncAsync_Cancelled_ThrowsAndWritesNothing()
    {
        var (gateway, definitions) = Standard();
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        var act = () => Client(gateway, definitions).SyncAsync(cancellationToken: cancellation.Token);

        await act.Should().ThrowAsync<OperationCanceledException>();
        gateway.CallCount(S3Operations.PutBucketLifecycleConfiguration).Should().Be(0);
    }

    [Test]
    public async Task SyncAsync_OnlyTransitionDefaultMinimumObjectSizeDiffers_OnePutKeepingRules()
    {
        var gateway = new InMemoryS3Gateway().SetLifecycle(
            "logs", LifecycleConfiguration.Of(Rule("a", "a/", 1)) with { TransitionDefaultMinimumObjectSize = TransitionDefaultMinimumObjectSizes.AllStorageClasses128K });
        var toml = Toml("logs", ("a", "a/", 1)).Replace(
            "[LifecycleConfiguration]", "[LifecycleConfiguration]\nTransitionDefaultMinimumObjectSize = \"varies_by_storage_class\"", StringComparison.Ordinal);

        var sync = await Client(gateway, Source(toml)).SyncAsync();

        sync.Buckets.Should().ContainSingle().Which.Result.Should().Be(BucketResult.Applied);
        gateway.PeekLifecycle("logs")!.TransitionDefaultMinimumObjectSize.Should().Be(TransitionDefaultMinimumObjectSizes.VariesByStorageClass);
        gateway.PeekLifecycle("logs")!.Rules.Should().ContainSingle();
    }

    /// <summary>An in-memory endpoint whose writes of the chosen keys fail, as a full or read-only disk would.</summary>
    private sealed class FailingEndpointStore(Func<string, bool> failing) : IEndpointStore
    {
        private readonly InMemoryEndpointStore _inner = new();

        public IReadOnlyList<string> Keys => _inner.Keys;

        public EndpointLocation Location => ((IEndpointStore)_inner).Location;

        public Task WriteAsync(string relativeKey, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default) => failing(relativeKey)
            ? Task.FromException(new IOException("could not save the previous configuration: " + relativeKey))
            : _inner.WriteAsync(relativeKey, content, cancellationToken);

        public Task<byte[]?> TryReadAsync(string relativeKey, CancellationToken cancellationToken = default) => _inner.TryReadAsync(relativeKey, cancellationToken);

        public Task<IReadOnlyList<string>> ListAsync(string relativePrefix, CancellationToken cancellationToken = default) => _inner.ListAsync(relativePrefix, cancellationToken);

        public Task<bool> CreateExclusiveAsync(string relativeKey, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default) =>
            _inner.CreateExclusiveAsync(relativeKey, content, cancellationToken);

        public Task DeleteAsync(string relativeKey, CancellationToken cancellationToken = default) => _inner.DeleteAsync(relativeKey, cancellationToken);

        public string Describe(string relativeKey) => _inner.Describe(relativeKey);
    }
}

using LakeCircle.Core.Archive;
using LakeCircle.Core.Definitions;
using LakeCircle.Core.Gateways;
using LakeCircle.Core.Locking;
using LakeCircle.Core.Model;
using LakeCircle.Core.Sync;
using LakeCircle.Core.Tests.Support;
using Microsoft.Extensions.Logging;
using NSubstitute;
using NSubstitute.ExceptionExtensions;
using static LakeCircle.Core.Tests.Support.WorkflowFixtures;
using static LakeCircle.Core.Tests.Sync.WritingRunSupport;

namespace LakeCircle.Core.Tests.Sync;

/// <summary>The guards of a sync: the re-check before each write, the account check, and the run record on failure and cancellation.</summary>
public sealed partial class WritingRunTests
{
    private static readonly LifecycleConfiguration Meddled = LifecycleConfiguration.Of(Rule("by-hand", "hand/", 3));

    [Test]
    public async Task SyncAsync_BucketChangedBetweenPlanAndPut_IsReplannedAndTheFreshStateArchived()
    {
        var (inner, definitions) = Standard();
        var gateway = new ReadHookGateway(inner) { BeforeRead = (bucket, n) => { if (bucket == "logs" && n == 2) { inner.SetLifecycle("logs", Meddled); } } };
        var store = new LocalEndpointStore(_folder.Path);
        await using var client = Client(gateway, definitions, store);

        var outcome = await client.SyncAsync();

        outcome.Succeeded.Should().BeTrue();
        var logs = outcome.Buckets.Single(b => b.Bucket == "logs");
        logs.Note.Should().Contain("changed since the plan").And.Contain(Meddled.Fingerprint[..12]);
        inner.PeekLifecycle("logs")!.Rules.Select(r => r.Id).Should().Equal("expire", "new");
        (await new ConfigurationArchive(store).ReadPreviousAsync("logs"))!.Configuration.Should().Be(Meddled, "what was replaced is what the bucket held");
        var record = await SingleRecordAsync(store);
        record.Buckets.Single(b => b.Bucket == "logs").Should().Match<RunBucketRecord>(b =>
            b.ActualFingerprint == Meddled.Fingerprint && b.Note!.Contains("re-planned"));
    }

    [Test]
    public async Task SyncAsync_BucketChangedToItsDefinitionBeforePut_IsNotWritten()
    {
        var (inner, definitions) = Standard();
        var desired = LifecycleConfiguration.Of(Rule("expire", "logs/", 90), Rule("new", "new/", 7));
        var gateway = new ReadHookGateway(inner) { BeforeRead = (bucket, n) => { if (bucket == "logs" && n == 2) { inner.SetLifecycle("logs", desired); } } };
        var store = new LocalEndpointStore(_folder.Path);
        await using var client = Client(gateway, definitions, store);

        var outcome = await client.SyncAsync();

        outcome.Succeeded.Should().BeTrue();
        outcome.Buckets.Single(b => b.Bucket == "logs").Note.Should().Contain("nothing written");
        gateway.Writes.Should().Be(1, "only bare is written");
        (await new ConfigurationArchive(store).ReadPreviousAsync("logs")).Should().BeNull();
    }

    [Test]
    public async Task SyncAsync_BucketDeletedBeforePut_FailsThatBucketOnly()
    {
        var (inner, definitions) = Standard();
        var gateway = new ReadHookGateway(inner) { BeforeRead = (bucket, n) => { if (bucket == "logs" && n == 2) { throw new S3GatewayException(S3ErrorKind.NoSuchBucket, "Get", "logs", "gone", 404); } } };
        await using var client = Client(gateway, definitions, new LocalEndpointStore(_folder.Path));

        var outcome = await client.SyncAsync();

        outcome.Buckets.Single(b => b.Bucket == "logs").Error.Should().Contain("re-check").And.Contain("no longer exists");
        outcome.Buckets.Single(b => b.Bucket == "bare").Result.Should().Be(BucketResult.Applied);
    }

    [Test]
    public async Task SyncAsync_CredentialsOfAnotherAccount_AreRefusedBeforeAnyWrite()
    {
        var (inner, definitions) = Standard();
        var gateway = new ReadHookGateway(inner);
        var store = new LocalEndpointStore(_folder.Path);
        await using var client = Client(gateway, definitions, store, identity: new FixedIdentity("999999999999"));

        var outcome = await client.SyncAsync();

        outcome.Refusal.Should().Contain("999999999999").And.Contain(Account);
        outcome.Status.Should().Be(RunStatus.Refused);
        gateway.Writes.Should().Be(0);
        inner.CallCount(S3Operations.GetBucketLifecycleConfiguration).Should().Be(0, "nothing is even read");
        _folder.AllFiles().Should().ContainSingle().Which.Should().StartWith("log/");
        (await SingleRecordAsync(store)).Errors.Should().ContainSingle().Which.Should().Contain("999999999999");
    }

    [Test]
    public async Task SyncAsync_CredentialsOfTheAccount_Run()
    {
        var (gateway, definitions) = Standard();
        var identity = new FixedIdentity(Account);
        await using var client = Client(gateway, definitions, new LocalEndpointStore(_folder.Path), identity: identity);

        var outcome = await client.SyncAsync();

        outcome.Succeeded.Should().BeTrue();
        identity.Calls.Should().Be(1);
    }

    [Test]
    public async Task SyncAsync_S3CompatibleEndpoint_RunsWithAWarning()
    {
        var (gateway, definitions) = Standard();
        var logger = new RecordingLogger();
        await using var client = Client(
            gateway, definitions, new LocalEndpointStore(_folder.Path), o => o.LoggerFactory = new SingleLoggerFactory(logger), UncheckedCallerIdentity.Instance);

        var outcome = await client.SyncAsync();

        outcome.Succeeded.Should().BeTrue();
        logger.Events.Should().Contain(e => e.Level == LogLevel.Warning && e.Message.Contains("not checked") && e.Message.Contains("expected bucket owner"));
    }

    [Test]
    public async Task SyncAsync_CallerCheckFails_IsRefused()
    {
        var (gateway, definitions) = Standard();
        var identity = Substitute.For<ICallerIdentity>();
        identity.GetAccountAsync(Arg.Any<CancellationToken>()).ThrowsAsync(new S3GatewayException(
            S3ErrorKind.Other, "GetCallerIdentity", null, "GetCallerIdentity failed: The security token included in the request is invalid."));
        await using var client = Client(gateway, definitions, new LocalEndpointStore(_folder.Path), identity: identity);

        var outcome = await client.SyncAsync();

        outcome.Refusal.Should().Contain("Could not confirm").And.Contain("security token");
        gateway.PeekLifecycle("bare").Should().BeNull();
    }

    [Test]
    public async Task SyncAsync_UnexpectedFailure_StillWritesTheRecordAndReleasesTheLock()
    {
        var (gateway, _) = Standard();
        var definitions = Substitute.For<IDefinitionSource>();
        definitions.ReadAsync(Arg.Any<CancellationToken>()).ThrowsAsync(new InvalidOperationException("definitions exploded"));
        var store = new LocalEndpointStore(_folder.Path);
        await using var client = Client(gateway, definitions, store);

        var act = () => client.SyncAsync();

        await act.Should().ThrowAsync<InvalidOperationException>();
        var record = await SingleRecordAsync(store);
        record.Succeeded.Should().BeFalse();
        record.FinishedAt.Should().NotBeNull();
        record.Errors.Should().ContainSingle().Which.Should().Contain("definitions exploded");
        _folder.AllFiles().Should().NotContain(RunLock.Key);
    }

    [Test]
    public async Task SyncAsync_Cancelled_StillWritesTheRecordAndReleasesTheLock()
    {
        var (inner, definitions) = Standard();
        var store = new LocalEndpointStore(_folder.Path);
        using var cancel = new CancellationTokenSource();
        var cancelling = new WriteHookGateway(inner)
        {
            BeforeWrite = async (_, token) =>
            {
                await cancel.CancelAsync();
                token.ThrowIfCancellationRequested();
            },
        };
        await using var client = Client(cancelling, definitions, store, o => o.WriteConcurrency = 1);

        var act = () => client.SyncAsync(cancellationToken: cancel.Token);

        await act.Should().ThrowAsync<OperationCanceledException>();
        var record = await SingleRecordAsync(store);
        record.Succeeded.Should().BeFalse();
        record.Errors.Should().Contain(e => e.Contains("cancelled"));
        _folder.AllFiles().Should().NotContain(RunLock.Key);
        inner.PeekLifecycle("bare").Should().BeNull("the write after the cancelled step was not made");
    }

    [Test]
    public async Task SyncAsync_PlanBeyondMaxChanges_WritesNothingAndRecordsTheGuard()
    {
        var (gateway, definitions) = Standard();
        var store = new LocalEndpointStore(_folder.Path);
        await using var client = Client(gateway, definitions, store, o => o.MaxChanges = 1);

        var outcome = await client.SyncAsync();

        outcome.Succeeded.Should().BeFalse();
        outcome.Status.Should().Be(RunStatus.Stopped);
        gateway.PeekLifecycle("bare").Should().BeNull();
        var record = await SingleRecordAsync(store);
        record.Errors.Should().ContainSingle().Which.Should().Contain("maxChanges");
        record.Buckets.Where(b => b.Result != null).Should().OnlyContain(b => b.Result == RunBucketResult.Skipped);
    }
}

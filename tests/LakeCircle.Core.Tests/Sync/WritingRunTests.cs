using LakeCircle.Core.Archive;
using LakeCircle.Core.Definitions;
using LakeCircle.Core.Gateways;
using LakeCircle.Core.Locking;
using LakeCircle.Core.Model;
using LakeCircle.Core.Planning;
using LakeCircle.Core.Sync;
using LakeCircle.Core.Tests.Support;
using static LakeCircle.Core.Tests.Support.WorkflowFixtures;
using static LakeCircle.Core.Tests.Sync.WritingRunSupport;

namespace LakeCircle.Core.Tests.Sync;

/// <summary>A sync through the client with its whole safety net: archive, run record, lock, over a local and an S3 endpoint.</summary>
public sealed partial class WritingRunTests
{
    private TempFolder _folder = null!;
    private ManualTime _time = null!;

    [SetUp]
    public void SetUp()
    {
        _folder = new TempFolder();
        _time = new ManualTime();
    }

    [TearDown]
    public void TearDown() => _folder.Dispose();

    [Test]
    public async Task SyncAsync_LocalEndpoint_LeavesPreviousHistoryCurrentAndLog()
    {
        var (gateway, definitions) = Standard();
        var oldLogs = gateway.PeekLifecycle("logs");
        var store = new LocalEndpointStore(_folder.Path);
        await using var client = Client(gateway, definitions, store);

        var outcome = await client.SyncAsync();

        outcome.Succeeded.Should().BeTrue();
        outcome.Status.Should().Be(RunStatus.Succeeded);
        outcome.RecordKey.Should().Be($"log/20260314T091500.250Z-{outcome.RunId}.json");
        outcome.RecordLocation.Should().Be(store.Describe(outcome.RecordKey!));
        _folder.AllFiles().Should().BeEquivalentTo(
            "current/bare.json", "current/logs.json",
            "history/bare/20260314T091500.250Z.json", "history/logs/20260314T091500.250Z.json",
            "previous/bare.json", "previous/logs.json",
            outcome.RecordKey);
        await ExpectArchiveAsync(store, gateway, oldLogs);
        var record = await SingleRecordAsync(store);
        record.Succeeded.Should().BeTrue();
        record.Action.Should().Be("SYNC");
        record.Account.Should().Be(Account);
        record.Buckets.Single(b => b.Bucket == "logs").Should().Match<RunBucketRecord>(b =>
            b.Result == RunBucketResult.Applied && b.HistoryKey == "history/logs/20260314T091500.250Z.json"
            && b.ActualFingerprint == oldLogs!.Fingerprint);
        record.Buckets.Single(b => b.Bucket == "backups").Result.Should().BeNull("an in-sync bucket is not written");
    }

    [Test]
    public async Task SyncAsync_S3Endpoint_LeavesTheSameLayoutAsObjects()
    {
        var (gateway, definitions) = Standard();
        var oldLogs = gateway.PeekLifecycle("logs");
        var state = new S3ObjectStub("state");
        var store = EndpointStore.For(EndpointLocation.S3("state", "prod/"), state.Client);
        await using var client = Client(gateway, definitions, store);

        var outcome = await client.SyncAsync();

        outcome.Succeeded.Should().BeTrue();
        state.Keys("state").Should().BeEquivalentTo(
            "prod/current/bare.json", "prod/current/logs.json",
            "prod/history/bare/20260314T091500.250Z.json", "prod/history/logs/20260314T091500.250Z.json",
            "prod/previous/bare.json", "prod/previous/logs.json",
            "prod/" + outcome.RecordKey);
        await ExpectArchiveAsync(store, gateway, oldLogs);
    }

    [Test]
    public async Task SyncAsync_ArchiveWriteFails_LeavesTheBucketUnchangedAndRecordsWhy()
    {
        var (gateway, definitions) = Standard();
        var oldLogs = gateway.PeekLifecycle("logs");
        var local = new LocalEndpointStore(_folder.Path);
        var store = new FailingStore(local, "history/");
        await using var client = Client(gateway, definitions, store);

        var outcome = await client.SyncAsync();

        outcome.Succeeded.Should().BeFalse();
        outcome.Status.Should().Be(RunStatus.Failed);
        gateway.PeekLifecycle("logs").Should().Be(oldLogs);
        gateway.PeekLifecycle("bare").Should().BeNull();
        var record = await SingleRecordAsync(local);
        record.Buckets.Single(b => b.Bucket == "logs").Should().Match<RunBucketRecord>(b =>
            b.Result == RunBucketResult.Failed && b.Error!.Contains("No space left on device"));
        _folder.AllFiles().Should().NotContain(f => f.StartsWith("current/") || f == RunLock.Key);
    }

    [Test]
    public async Task SyncAsync_LockHeld_IsRefusedNamingTheHolderAndWritesNoBucket()
    {
        var (gateway, definitions) = Standard();
        var oldLogs = gateway.PeekLifecycle("logs");
        var store = new LocalEndpointStore(_folder.Path);
        var other = await new RunLock(store, _time, owner: "ana@build-1:4242").AcquireAsync("otherrun");
        await using var client = Client(gateway, definitions, store);

        var outcome = await client.SyncAsync();

        outcome.Refusal.Should().Contain("ana@build-1:4242").And.Contain("otherrun").And.Contain("expires 2026-03-14 09:45:00Z");
        outcome.Succeeded.Should().BeFalse();
        outcome.Status.Should().Be(RunStatus.Refused);
        gateway.PeekLifecycle("logs").Should().Be(oldLogs);
        (await new RunLock(store, _time).ReadAsync()).Should().Be(other.Holder, "the other run's lock stays");
        (await SingleRecordAsync(store)).Errors.Should().ContainSingle().Which.Should().Contain("ana@build-1:4242");
    }

    [Test]
    public async Task SyncAsync_SecondConcurrentSync_IsRefused()
    {
        var (inner, definitions) = Standard();
        var store = new LocalEndpointStore(_folder.Path);
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var proceed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var holding = new WriteHookGateway(inner)
        {
            BeforeWrite = async (_, _) =>
            {
                entered.TrySetResult();
                await proceed.Task;
            },
        };
        await using var firstClient = Client(holding, definitions, store, o => o.RunId = "first");
        await using var secondClient = Client(inner, definitions, store, o => o.RunId = "second");
        var first = firstClient.SyncAsync();
        await entered.Task.WaitAsync(TimeSpan.FromSeconds(30));

        var second = await secondClient.SyncAsync();
        proceed.SetResult();
        var firstOutcome = await first;

        second.Refusal.Should().Contain("Another sync holds the lock").And.Contain("run first");
        firstOutcome.Succeeded.Should().BeTrue();
        _folder.AllFiles().Should().NotContain(RunLock.Key, "the first run released its lock");
    }

    [Test]
    public async Task SyncAsync_ExpiredLock_IsTakenOver()
    {
        var (gateway, definitions) = Standard();
        var store = new LocalEndpointStore(_folder.Path);
        await new RunLock(store, _time, owner: "crashed@host:1").AcquireAsync("crashed");
        _time.Advance(TimeSpan.FromMinutes(31));
        await using var client = Client(gateway, definitions, store);

        var outcome = await client.SyncAsync();

        outcome.Succeeded.Should().BeTrue();
        outcome.TakenOverFrom.Should().StartWith("crashed@host:1").And.Contain("run crashed");
        gateway.PeekLifecycle("bare").Should().NotBeNull();
    }

    [Test]
    public async Task SyncAsync_LongRun_RenewsTheLock()
    {
        var (inner, definitions) = Standard();
        var store = new LocalEndpointStore(_folder.Path);
        var runLock = new RunLock(store, _time);
        var firstExpiry = _time.GetUtcNow() + RunLock.DefaultTimeToLive;
        var waiting = new WriteHookGateway(inner)
        {
            BeforeWrite = async (_, token) =>
            {
                _time.Advance(TimeSpan.FromMinutes(20));
                while ((await runLock.ReadAsync(token))!.ExpiresAt == firstExpiry)
                {
                    await Task.Delay(5, token);
                }
            },
        };
        await using var client = Client(waiting, definitions, store, o => o.LockRenewalInterval = TimeSpan.FromMilliseconds(10));

        var outcome = await client.SyncAsync().WaitAsync(TimeSpan.FromSeconds(60));

        outcome.Succeeded.Should().BeTrue("the lock was renewed while the run waited, and released after");
        _folder.AllFiles().Should().NotContain(RunLock.Key);
    }

    [Test]
    public async Task SyncAsync_DefinitionFileRemoved_LeavesTheBucketUnmanagedAndUntouched()
    {
        var (gateway, _) = Standard();
        var oldLogs = gateway.PeekLifecycle("logs");
        var definitions = Source(Toml("backups", ("keep", "nightly/", 365)));
        var store = new LocalEndpointStore(_folder.Path);
        await using var client = Client(gateway, definitions, store);

        var outcome = await client.SyncAsync();

        outcome.Succeeded.Should().BeTrue();
        outcome.Plan!.Buckets.Single(b => b.Bucket == "logs").Status.Should().Be(BucketStatus.Unmanaged);
        gateway.PeekLifecycle("logs").Should().Be(oldLogs);
        outcome.Buckets.Should().BeEmpty();
    }

    [Test]
    public async Task SyncAsync_EmptyRuleList_DeletesOnlyThatBucketAndArchivesIt()
    {
        var (gateway, _) = Standard();
        var oldLogs = gateway.PeekLifecycle("logs");
        var oldBackups = gateway.PeekLifecycle("backups");
        var definitions = Source(Toml("logs"), Toml("backups", ("keep", "nightly/", 365)));
        var store = new LocalEndpointStore(_folder.Path);
        await using var client = Client(gateway, definitions, store);

        var outcome = await client.SyncAsync();

        outcome.Buckets.Should().ContainSingle().Which.Should().Match<BucketOutcome>(b => b.Bucket == "logs" && b.Action == BucketAction.Delete);
        gateway.PeekLifecycle("logs").Should().BeNull();
        gateway.PeekLifecycle("backups").Should().Be(oldBackups);
        gateway.PeekLifecycle("scratch").Should().NotBeNull("an undefined bucket is never deleted");
        (await new ConfigurationArchive(store).ReadPreviousAsync("logs"))!.Configuration.Should().Be(oldLogs);
    }

    /// <summary>A client over the parts, with the test options on this fixture's clock (changed by <paramref name="change"/>).</summary>
    private LakeCircleClient Client(
        IS3Gateway gateway, IDefinitionSource definitions, IEndpointStore store, Action<LakeCircleClientOptions>? change = null, ICallerIdentity? identity = null)
    {
        var options = TestClient.Options(_time);
        change?.Invoke(options);
        return TestClient.Create(gateway, definitions, store, options, identity);
    }

    private static async Task ExpectArchiveAsync(IEndpointStore store, InMemoryS3Gateway gateway, LifecycleConfiguration? oldLogs)
    {
        var archive = new ConfigurationArchive(store);
        (await archive.ReadPreviousAsync("logs"))!.Configuration.Should().Be(oldLogs);
        (await archive.ReadPreviousAsync("bare"))!.Configuration.Should().BeNull("bare had no lifecycle configuration");
        (await archive.ReadVersionAsync("logs", ManualTime.DefaultStart))!.Configuration.Should().Be(oldLogs);
        (await archive.ReadCurrentAsync("logs"))!.Configuration!.Rules.Should().Equal(gateway.PeekLifecycle("logs")!.Rules);
        (await archive.ReadCurrentAsync("bare"))!.Reason.Should().Be(ArchiveReasons.AfterSync);
    }
}

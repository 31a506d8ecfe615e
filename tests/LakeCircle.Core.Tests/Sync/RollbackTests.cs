using LakeCircle.Core.Archive;
using LakeCircle.Core.Definitions;
using LakeCircle.Core.Gateways;
using LakeCircle.Core.Locking;
using LakeCircle.Core.Model;
using LakeCircle.Core.Planning;
using LakeCircle.Core.Sync;
using LakeCircle.Core.Tests.Support;
using static LakeCircle.Core.Tests.Support.WorkflowFixtures;

namespace LakeCircle.Core.Tests.Sync;

/// <summary>Rollback through the client: the stored version put back along the sync's writing run, and itself recorded in history.</summary>
public sealed class RollbackTests
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
    public async Task ApplyAsync_AfterASync_RestoresThePreviousConfigurationAndRecordsItself()
    {
        var (gateway, definitions) = Standard();
        var oldLogs = gateway.PeekLifecycle("logs");
        var store = new LocalEndpointStore(_folder.Path);
        await using var client = Client(gateway, definitions, store);
        await client.SyncAsync();
        var synced = gateway.PeekLifecycle("logs");
        _time.Advance(TimeSpan.FromMinutes(5));

        var plan = await client.PlanRollbackAsync("logs");
        var outcome = await client.ApplyAsync(plan);

        plan.RestoredVersion!.Configuration.Should().Be(oldLogs);
        plan.Plan!.Buckets.Should().ContainSingle().Which.Action.Should().Be(BucketAction.Put);
        outcome.Succeeded.Should().BeTrue();
        outcome.RestoredVersion.Should().Be(plan.RestoredVersion);
        gateway.PeekLifecycle("logs")!.Rules.Should().Equal(oldLogs!.Rules);
        var archive = new ConfigurationArchive(store);
        var history = await archive.ListHistoryAsync("logs");
        history.Should().HaveCount(2);
        var rolledBack = await archive.ReadAsync(history[0].Key);
        rolledBack!.Reason.Should().Be(ArchiveReasons.BeforeRollback);
        rolledBack.Configuration!.Rules.Should().Equal(synced!.Rules);
        (await archive.ReadCurrentAsync("logs"))!.Reason.Should().Be(ArchiveReasons.AfterRollback);
        var records = await new RunLog(store, []).ListAsync();
        records.Should().HaveCount(2);
        (await new RunLog(store, []).ReadAsync(records[0]))!.Action.Should().Be(WritingRun.Rollback);
        _folder.AllFiles().Should().NotContain(RunLock.Key);
    }

    [Test]
    public async Task RollbackAsync_VersionWithoutLifecycle_DeletesTheConfiguration()
    {
        var (gateway, definitions) = Standard();
        var store = new LocalEndpointStore(_folder.Path);
        await using var client = Client(gateway, definitions, store);
        await client.SyncAsync();
        _time.Advance(TimeSpan.FromSeconds(1));

        var outcome = await client.RollbackAsync("bare");

        outcome.Succeeded.Should().BeTrue();
        outcome.Buckets.Single().Action.Should().Be(BucketAction.Delete);
        outcome.RestoredVersion!.Configuration.Should().BeNull();
        gateway.PeekLifecycle("bare").Should().BeNull();
    }

    [Test]
    public async Task PlanRollbackAsync_To_PicksTheVersionAsOfThatTimeAndWritesNothing()
    {
        var gateway = new InMemoryS3Gateway().SetLifecycle("logs", LifecycleConfiguration.Of(Rule("now", "now/", 1)));
        var store = new LocalEndpointStore(_folder.Path);
        var archive = new ConfigurationArchive(store);
        var first = LifecycleConfiguration.Of(Rule("first", "a/", 1));
        var second = LifecycleConfiguration.Of(Rule("second", "b/", 2));
        await archive.SavePreviousAsync("logs", first, ManualTime.DefaultStart);
        await archive.SavePreviousAsync("logs", second, ManualTime.DefaultStart.AddDays(1));
        await using var client = Client(gateway, Source(Array.Empty<string>()), store);

        var plan = await client.PlanRollbackAsync("logs", ManualTime.DefaultStart.AddHours(1));

        plan.RestoredVersion!.Configuration.Should().Be(first);
        plan.RestoredVersion.CapturedAt.Should().Be(ManualTime.DefaultStart);
        plan.Plan!.Buckets.Single().ConfigurationToPut!.Rules.Should().Equal(first.Rules);
        gateway.PeekLifecycle("logs")!.Rules.Single().Id.Should().Be("now");
        _folder.AllFiles().Should().HaveCount(3, "two history versions and previous/, nothing more");
    }

    [Test]
    public async Task PlanRollbackAsync_NoStoredVersion_SaysSo()
    {
        var gateway = new InMemoryS3Gateway().AddBucket("logs");
        await using var client = Client(gateway, Source(Array.Empty<string>()), new LocalEndpointStore(_folder.Path));

        var plan = await client.PlanRollbackAsync("logs");

        plan.Plan.Should().BeNull();
        plan.Error.Should().Contain("No stored configuration of bucket 'logs'");
    }

    [Test]
    public async Task ApplyAsync_LockHeld_IsRefused()
    {
        var (gateway, definitions) = Standard();
        var store = new LocalEndpointStore(_folder.Path);
        await using var client = Client(gateway, definitions, store);
        await client.SyncAsync();
        var synced = gateway.PeekLifecycle("logs");
        await new RunLock(store, _time, owner: "ana@host:7").AcquireAsync("busy");

        var outcome = await client.ApplyAsync(await client.PlanRollbackAsync("logs"));

        outcome.Refusal.Should().Contain("ana@host:7");
        outcome.Status.Should().Be(RunStatus.Refused);
        gateway.PeekLifecycle("logs").Should().Be(synced);
    }

    private LakeCircleClient Client(IS3Gateway gateway, IDefinitionSource definitions, IEndpointStore store) =>
        TestClient.Create(gateway, definitions, store, TestClient.Options(_time));
}

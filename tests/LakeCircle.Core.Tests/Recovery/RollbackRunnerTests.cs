using LakeCircle.Core.Model;
using LakeCircle.Core.Planning;
using LakeCircle.Core.Recovery;
using static LakeCircle.Core.Tests.Recovery.EndpointState;
using static LakeCircle.Core.Tests.Workflows.WorkflowFixtures;

namespace LakeCircle.Core.Tests.Recovery;

/// <summary>Rollback: the stored version put back along the SYNC path, and itself recorded in history.</summary>
public sealed class RollbackRunnerTests
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
        await new SafeSyncRunner(gateway, definitions, store, null, Options(_time)).SyncAsync();
        var synced = gateway.PeekLifecycle("logs");
        _time.Advance(TimeSpan.FromMinutes(5));
        var runner = new RollbackRunner(gateway, store, Options(_time));

        var plan = await runner.PlanAsync("logs");
        var outcome = await runner.ApplyAsync(plan);

        plan.Version!.Configuration.Should().Be(oldLogs);
        plan.Plan!.Action.Should().Be(BucketAction.Put);
        outcome.Succeeded.Should().BeTrue();
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
        (await new RunLog(store, []).ReadAsync(records[0]))!.Action.Should().Be(RollbackRunner.Action);
        _folder.AllFiles().Should().NotContain(RunLock.Key);
    }

    [Test]
    public async Task ApplyAsync_VersionWithoutLifecycle_DeletesTheConfiguration()
    {
        var (gateway, definitions) = Standard();
        var store = new LocalEndpointStore(_folder.Path);
        await new SafeSyncRunner(gateway, definitions, store, null, Options(_time)).SyncAsync();
        _time.Advance(TimeSpan.FromSeconds(1));
        var runner = new RollbackRunner(gateway, store, Options(_time));

        var outcome = await runner.ApplyAsync(await runner.PlanAsync("bare"));

        outcome.Succeeded.Should().BeTrue();
        outcome.Sync!.Buckets.Single().Action.Should().Be(BucketAction.Delete);
        gateway.PeekLifecycle("bare").Should().BeNull();
    }

    [Test]
    public async Task PlanAsync_To_PicksTheVersionAsOfThatTimeAndWritesNothing()
    {
        var gateway = new Core.Gateways.InMemoryS3Gateway().SetLifecycle("logs", LifecycleConfiguration.Of(Rule("now", "now/", 1)));
        var store = new LocalEndpointStore(_folder.Path);
        var archive = new ConfigurationArchive(store);
        var first = LifecycleConfiguration.Of(Rule("first", "a/", 1));
        var second = LifecycleConfiguration.Of(Rule("second", "b/", 2));
        await archive.SavePreviousAsync("logs", first, ManualTime.DefaultStart);
        await archive.SavePreviousAsync("logs", second, ManualTime.DefaultStart.AddDays(1));
        var runner = new RollbackRunner(gateway, store, Options(_time));

        var plan = await runner.PlanAsync("logs", ManualTime.DefaultStart.AddHours(1));

        plan.Version!.Configuration.Should().Be(first);
        plan.Plan!.ConfigurationToPut!.Rules.Should().Equal(first.Rules);
        gateway.PeekLifecycle("logs")!.Rules.Single().Id.Should().Be("now");
        _folder.AllFiles().Should().HaveCount(3, "two history versions and previous/, nothing more");
    }

    [Test]
    public async Task PlanAsync_NoStoredVersion_SaysSo()
    {
        var gateway = new Core.Gateways.InMemoryS3Gateway().AddBucket("logs");

        var plan = await new RollbackRunner(gateway, new LocalEndpointStore(_folder.Path), Options(_time)).PlanAsync("logs");

        plan.Plan.Should().BeNull();
        plan.Error.Should().Contain("No stored configuration of bucket 'logs'");
    }

    [Test]
    public async Task ApplyAsync_LockHeld_IsRefused()
    {
        var (gateway, definitions) = Standard();
        var store = new LocalEndpointStore(_folder.Path);
        await new SafeSyncRunner(gateway, definitions, store, null, Options(_time)).SyncAsync();
        var synced = gateway.PeekLifecycle("logs");
        await new RunLock(store, _time, owner: "ana@host:7").AcquireAsync("busy");
        var runner = new RollbackRunner(gateway, store, Options(_time));

        var outcome = await runner.ApplyAsync(await runner.PlanAsync("logs"));

        outcome.Refusal.Should().Contain("ana@host:7");
        gateway.PeekLifecycle("logs").Should().Be(synced);
    }
}

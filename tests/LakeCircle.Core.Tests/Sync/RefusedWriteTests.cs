using LakeCircle.Core.Gateways;
using LakeCircle.Core.Model;
using LakeCircle.Core.Planning;
using LakeCircle.Core.Sync;
using LakeCircle.Core.Tests.Support;
using static LakeCircle.Core.Tests.Support.WorkflowFixtures;

namespace LakeCircle.Core.Tests.Sync;

/// <summary>
/// A write the server refuses, or a run stopped between the save and the write, never makes the configuration still in
/// place pass for the one replaced: rollback reaches the configuration from before the last change that was applied.
/// </summary>
public sealed class RefusedWriteTests
{
    private static readonly LifecycleConfiguration A = LifecycleConfiguration.Of(Rule("expire", "logs/", 30));

    private ManualTime _time = null!;
    private InMemoryS3Gateway _account = null!;
    private WriteHookGateway _gateway = null!;
    private InMemoryEndpointStore _endpoint = null!;

    [SetUp]
    public void SetUp()
    {
        _time = new ManualTime();
        _account = new InMemoryS3Gateway().SetLifecycle("logs", A);
        _gateway = new WriteHookGateway(_account);
        _endpoint = new InMemoryEndpointStore();
    }

    private LakeCircleClient Client(int days) =>
        TestClient.Create(_gateway, Source(Toml("logs", ("expire", "logs/", days))), _endpoint, TestClient.Options(_time));

    private async Task SyncToBAsync()
    {
        await using var client = Client(60);
        (await client.SyncAsync()).Status.Should().Be(RunStatus.Succeeded);
        Days(_account.PeekLifecycle("logs")).Should().Be(60);
        _time.Advance(TimeSpan.FromMinutes(1));
    }

    private static int? Days(LifecycleConfiguration? configuration) => configuration?.Rules.Single().Expiration?.Days;

    private void RefuseWrites() => _gateway.BeforeWrite = (bucket, _) => throw new S3GatewayException(
        S3ErrorKind.AccessDenied, S3Operations.PutBucketLifecycleConfiguration, bucket, "Access Denied", 403, "AccessDenied");

    [Test]
    public async Task RollbackAsync_AfterARefusedWrite_PutsBackTheConfigurationFromBeforeTheLastAppliedChange()
    {
        await SyncToBAsync();
        RefuseWrites();
        await using (var refused = Client(90))
        {
            var sync = await refused.SyncAsync();
            sync.Buckets.Single().Result.Should().Be(BucketResult.Failed);
            sync.Buckets.Single().Error.Should().Contain("Access Denied");
        }

        _gateway.BeforeWrite = null;
        _time.Advance(TimeSpan.FromMinutes(1));
        await using var client = Client(90);

        var history = await client.GetHistoryAsync("logs");
        var rollback = await client.RollbackAsync("logs");

        history.Select(h => h.Replaced).Should().Equal([false, true], "the refused write left B in place; the first sync replaced A");
        Days(history[0].Configuration).Should().Be(60);
        rollback.Status.Should().Be(RunStatus.Succeeded);
        rollback.HasChanges.Should().BeTrue("B is not in sync with A");
        Days(rollback.RestoredVersion!.Configuration).Should().Be(30);
        Days(_account.PeekLifecycle("logs")).Should().Be(30);
    }

    [Test]
    public async Task RefusedWrite_LeavesPreviousAsTheLastReplacedConfiguration()
    {
        await SyncToBAsync();
        RefuseWrites();
        await using var refused = Client(90);

        await refused.SyncAsync();

        var previous = await new Core.Archive.ConfigurationArchive(_endpoint).ReadPreviousAsync("logs");
        Days(previous!.Configuration).Should().Be(30, "previous/ follows only a write that went through");
    }

    [Test]
    public async Task PlanRollbackAsync_RunStoppedBetweenTheSaveAndTheWrite_StillReachesTheConfigurationBeforeTheLastChange()
    {
        await SyncToBAsync();

        // A run killed after saving B to history/ but before its write: the version is there, its fate unknown.
        await using (var killed = Client(90))
        {
            using var stop = new CancellationTokenSource();
            _gateway.BeforeWrite = (_, _) =>
            {
                stop.Cancel();
                throw new OperationCanceledException(stop.Token);
            };
            var act = () => killed.SyncAsync(cancellationToken: stop.Token);
            await act.Should().ThrowAsync<OperationCanceledException>();
        }

        _gateway.BeforeWrite = null;
        await using var client = Client(90);

        var history = await client.GetHistoryAsync("logs");
        var plan = await client.PlanRollbackAsync("logs");

        history.Select(h => h.Replaced).Should().Equal([null, true]);
        Days(plan.RestoredVersion!.Configuration).Should().Be(30, "the unknown version equals what the bucket has now");
        plan.Plan!.Buckets.Single().Status.Should().Be(BucketStatus.Change);
    }

    [Test]
    public async Task PlanRollbackAsync_ToATimeAfterARefusedWrite_SkipsTheVersionThatWasNotReplaced()
    {
        await SyncToBAsync();
        RefuseWrites();
        await using (var refused = Client(90))
        {
            await refused.SyncAsync();
        }

        _gateway.BeforeWrite = null;
        await using var client = Client(90);

        var plan = await client.PlanRollbackAsync("logs", _time.GetUtcNow());

        Days(plan.RestoredVersion!.Configuration).Should().Be(30);
        plan.RestoredVersion.Replaced.Should().BeTrue("the first sync's write went through");
    }
}

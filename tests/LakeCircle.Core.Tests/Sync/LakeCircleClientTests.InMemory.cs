using System.Text;
using LakeCircle.Core.Gateways;
using LakeCircle.Core.Model;
using LakeCircle.Core.Sync;
using static LakeCircle.Core.Tests.Support.WorkflowFixtures;

namespace LakeCircle.Core.Tests.Sync;

/// <summary>A client made from public options only, over an account and an endpoint held in memory (embedding, tests).</summary>
public class LakeCircleClientInMemoryTests
{
    [Test]
    public async Task SyncAsync_InMemoryAccountAndEndpoint_ReadsDefinitionsAndWritesTheWholeSafetyNetToTheEndpoint()
    {
        var account = new InMemoryS3Gateway()
            .SetLifecycle("logs", LifecycleConfiguration.Of(Rule("expire", "logs/", 30)))
            .AddBucket("bare");
        var endpoint = new InMemoryEndpointStore("state");
        await endpoint.WriteAsync("definition/logs.toml", Encoding.UTF8.GetBytes(Toml("logs", ("expire", "logs/", 90))));
        await endpoint.WriteAsync("definition/bare.toml", Encoding.UTF8.GetBytes(Toml("bare", ("clean", "", 7))));
        await using var client = new LakeCircleClient(new LakeCircleClientOptions { Gateway = account, InMemoryEndpoint = endpoint });

        var plan = await client.PlanAsync();
        var run = await client.ApplyAsync(plan);

        plan.Plan!.Summary.BucketsChanged.Should().Be(2);
        run.Status.Should().Be(RunStatus.Succeeded);
        account.PeekLifecycle("logs")!.Rules.Single().Expiration!.Days.Should().Be(90);
        endpoint.Keys.Should().Contain(["current/logs.json", "current/bare.json", "previous/logs.json", "previous/bare.json"])
            .And.Contain(k => k.StartsWith("history/logs/", StringComparison.Ordinal))
            .And.Contain(k => k.StartsWith("log/", StringComparison.Ordinal))
            .And.NotContain("lock.json", "the lock is released at the end");
        run.RecordLocation.Should().StartWith("memory://state/log/");
        (await client.GetHistoryAsync("logs")).Should().ContainSingle().Which.Configuration!.Rules.Single().Expiration!.Days.Should().Be(30);
    }

    [Test]
    public async Task RollbackAsync_InMemoryEndpoint_PutsThePreviousConfigurationBack()
    {
        var account = new InMemoryS3Gateway().SetLifecycle("logs", LifecycleConfiguration.Of(Rule("expire", "logs/", 30)));
        var endpoint = new InMemoryEndpointStore();
        await endpoint.WriteAsync("definition/logs.toml", Encoding.UTF8.GetBytes(Toml("logs", ("expire", "logs/", 90))));
        await using var client = new LakeCircleClient(new LakeCircleClientOptions { Gateway = account, InMemoryEndpoint = endpoint });
        (await client.SyncAsync()).Status.Should().Be(RunStatus.Succeeded);

        var rollback = await client.RollbackAsync("logs");

        rollback.Status.Should().Be(RunStatus.Succeeded);
        rollback.RestoredVersion!.Reason.Should().Be("before-sync");
        account.PeekLifecycle("logs")!.Rules.Single().Expiration!.Days.Should().Be(30);
    }

    [Test]
    public async Task NoEndpointAtAll_EveryCallButExportAndSnapshotIsRefusedNamingTheOptionBeforeAnyRead()
    {
        // Export and snapshot read the account alone, so a client may be made without an endpoint; the rest need one.
        var s3 = new InMemoryS3Gateway().AddBucket("b");
        await using var client = new LakeCircleClient(new LakeCircleClientOptions { Gateway = s3 });

        await FluentActions.Awaiting(() => client.PlanAsync()).Should().ThrowAsync<InvalidOperationException>().WithMessage("*LakeCircleClientOptions.Endpoint*");
        await FluentActions.Awaiting(() => client.SyncAsync()).Should().ThrowAsync<InvalidOperationException>().WithMessage("*LakeCircleClientOptions.Endpoint*");
        s3.CallCounts.Should().BeEmpty();
    }
}

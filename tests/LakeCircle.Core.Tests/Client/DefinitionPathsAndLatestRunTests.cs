using System.Text;
using LakeCircle.Core.Gateways;
using LakeCircle.Core.Model;
using LakeCircle.Core.Planning;
using LakeCircle.Core.Sync;
using static LakeCircle.Core.Tests.Support.WorkflowFixtures;

namespace LakeCircle.Core.Tests.Client;

/// <summary>Definitions read from local folders given in the options (shared plus an account's own), and the newest run record summed up.</summary>
public class DefinitionPathsAndLatestRunTests
{
    private string _root = "";

    [SetUp]
    public void SetUp() => _root = Directory.CreateTempSubdirectory("lc-defpaths-").FullName;

    [TearDown]
    public void TearDown() => Directory.Delete(_root, recursive: true);

    [Test]
    public async Task PlanAsync_TwoDefinitionFolders_ReadsBothAsOneSetAndNotTheEndpointsDefinitions()
    {
        var shared = Folder("shared", ("logs.toml", Toml("logs", ("expire", "logs/", 90))));
        var own = Folder("own", ("data.toml", Toml("data", ("clean", "tmp/", 7))));
        var account = new InMemoryS3Gateway().AddBucket("logs").AddBucket("data").AddBucket("ignored");
        var endpoint = new InMemoryEndpointStore();
        await endpoint.WriteAsync("definition/ignored.toml", Encoding.UTF8.GetBytes(Toml("ignored", ("x", "", 1))));
        var options = new LakeCircleClientOptions { Gateway = account, InMemoryEndpoint = endpoint };
        options.DefinitionPaths.Add(shared);
        options.DefinitionPaths.Add(own);
        await using var client = new LakeCircleClient(options);

        var plan = await client.PlanAsync();

        plan.Succeeded.Should().BeTrue(string.Join("; ", plan.Diagnostics));
        plan.Plan!.Buckets.Where(b => b.Status != BucketStatus.Unmanaged).Select(b => b.Bucket).Should().BeEquivalentTo(["data", "logs"]);
        plan.Plan.Buckets.Single(b => b.Bucket == "ignored").Status.Should().Be(BucketStatus.Unmanaged, "the endpoint's definition/ is not read when folders are given");
    }

    [Test]
    public async Task PlanAsync_OneBucketSpreadOverSharedAndOwnFolder_MergesItsRulesAndRejectsARuleIdInBoth()
    {
        var shared = Folder("shared", ("logs.toml", Toml("logs", ("expire", "logs/", 90))));
        var own = Folder("own", ("logs-more.toml", Toml("logs", ("tmp", "tmp/", 3))));
        var clash = Folder("clash", ("logs-clash.toml", Toml("logs", ("expire", "old/", 5))));
        var account = new InMemoryS3Gateway().AddBucket("logs");

        var merged = await PlanWith(account, shared, own);
        var refused = await PlanWith(account, shared, clash);

        merged.Plan!.Buckets.Single(b => b.Bucket == "logs").Desired!.Rules.Select(r => r.Id).Should().BeEquivalentTo(["expire", "tmp"]);
        refused.Succeeded.Should().BeFalse();
        refused.Diagnostics.Should().Contain(d => d.IsError && d.Message.Contains("'expire' is already defined", StringComparison.Ordinal)
            && d.ToString().Contains("logs-clash.toml", StringComparison.Ordinal));
    }

    [Test]
    public void Options_AnEmptyDefinitionPath_IsRefusedWhenTheClientIsMade()
    {
        var options = new LakeCircleClientOptions { Gateway = new InMemoryS3Gateway(), InMemoryEndpoint = new InMemoryEndpointStore() };
        options.DefinitionPaths.Add(" ");

        FluentActions.Invoking(() => new LakeCircleClient(options)).Should().Throw<ArgumentException>().WithMessage("*DefinitionPaths*");
    }

    [Test]
    public async Task GetLatestRunAsync_NoRecord_IsNullThenSumsUpTheNewestSync()
    {
        var account = new InMemoryS3Gateway().SetLifecycle("logs", LifecycleConfiguration.Of(Rule("expire", "logs/", 30))).AddBucket("data");
        var endpoint = new InMemoryEndpointStore("state");
        await endpoint.WriteAsync("definition/logs.toml", Encoding.UTF8.GetBytes(Toml("logs", ("expire", "logs/", 90))));
        await endpoint.WriteAsync("definition/data.toml", Encoding.UTF8.GetBytes(Toml("data", ("clean", "", 7))));
        await using var client = new LakeCircleClient(new LakeCircleClientOptions { Gateway = account, InMemoryEndpoint = endpoint });

        var before = await client.GetLatestRunAsync();
        var run = await client.SyncAsync();
        var after = await client.GetLatestRunAsync();

        before.Should().BeNull();
        after.Should().NotBeNull();
        after!.RunId.Should().Be(run.RunId);
        after.Action.Should().Be("SYNC");
        after.Succeeded.Should().BeTrue();
        after.FinishedAt.Should().NotBeNull();
        (after.Planned, after.Applied, after.Failed, after.Pending).Should().Be((2, 2, 0, 0));
        after.Location.Should().Be(run.RecordLocation);
    }

    [Test]
    public async Task GetLatestRunAsync_ARunStoppedByAGuard_CountsItsWritesAsPending()
    {
        var account = new InMemoryS3Gateway().AddBucket("bucket-a").AddBucket("bucket-b");
        var endpoint = new InMemoryEndpointStore();
        await endpoint.WriteAsync("definition/a.toml", Encoding.UTF8.GetBytes(Toml("bucket-a", ("x", "", 7))));
        await endpoint.WriteAsync("definition/b.toml", Encoding.UTF8.GetBytes(Toml("bucket-b", ("x", "", 7))));
        await using var client = new LakeCircleClient(new LakeCircleClientOptions { Gateway = account, InMemoryEndpoint = endpoint, MaxChanges = 1 });

        var run = await client.SyncAsync();
        var report = await client.GetLatestRunAsync();

        run.Succeeded.Should().BeFalse();
        (report!.Planned, report.Applied, report.Failed, report.Pending).Should().Be((2, 0, 0, 2));
        report.Succeeded.Should().BeFalse();
        report.Errors.Should().NotBeEmpty();
    }

    private static async Task<PlanOutcome> PlanWith(InMemoryS3Gateway account, params string[] folders)
    {
        var options = new LakeCircleClientOptions { Gateway = account, InMemoryEndpoint = new InMemoryEndpointStore() };
        foreach (var folder in folders)
        {
            options.DefinitionPaths.Add(folder);
        }

        await using var client = new LakeCircleClient(options);
        return await client.PlanAsync();
    }

    private string Folder(string name, params (string File, string Text)[] files)
    {
        var folder = Path.Combine(_root, name);
        Directory.CreateDirectory(folder);
        foreach (var (file, text) in files)
        {
            File.WriteAllText(Path.Combine(folder, file), text);
        }

        return folder;
    }
}

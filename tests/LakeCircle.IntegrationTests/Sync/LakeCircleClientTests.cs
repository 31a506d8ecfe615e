using System.Text;
using Amazon.Runtime;
using LakeCircle.Core;
using LakeCircle.Core.Model;
using LakeCircle.Core.Planning;
using LakeCircle.Core.Sync;
using LakeCircle.IntegrationTests.Support;

namespace LakeCircle.IntegrationTests.Sync;

/// <summary>The public client against the local S3 server, configured as an application would: options only.</summary>
public sealed class LakeCircleClientTests
{
    private static S3TestServer Server => S3TestServer.Current;

    /// <summary>A client over the server with an endpoint base (s3:// or a folder holding definition/).</summary>
    private static LakeCircleClient Client(string endpoint) => new(new LakeCircleClientOptions
    {
        Account = "123456789012",
        Region = S3TestServer.Region,
        Endpoint = endpoint,
        ServiceUrl = new Uri(Server.Endpoint),
        Credentials = new BasicAWSCredentials(Server.AccessKeyId, Server.SecretKey),

        // One write in flight: radosgw serialises lifecycle writes and stalls when two clash.
        WriteConcurrency = 1,
        VerifyTimeout = TimeSpan.FromSeconds(5),
    });

    [Test]
    public async Task SyncThenDryrun_DefinitionsInS3ForManyBuckets_PlansNoChange()
    {
        var buckets = await Server.Buckets.CreateManyAsync("s3def", 200);
        var definitions = await Server.Buckets.CreateAsync("s3def-source");
        using var gateway = Server.CreateGateway();
        using var store = Server.CreateStore(definitions, "lifecycle/definition/");
        await Parallel.ForEachAsync(buckets.Select((b, i) => (b, i)), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (item, token) =>
            await store.WriteAsync($"{item.b}.toml", Encoding.UTF8.GetBytes(TomlText.Bucket(item.b, RuleShapes.Mix(item.i))), token));
        await using var client = Client($"s3://{definitions}/lifecycle/");

        var sync = await client.SyncAsync(buckets);
        var dryrun = await client.PlanAsync(buckets);

        sync.Diagnostics.Select(d => d.ToString()).Should().BeEmpty();
        sync.Error.Should().BeNull();
        sync.Buckets.Where(b => b.Result != BucketResult.Applied).Select(b => $"{b.Bucket}: {b.Error}").Should().BeEmpty();
        sync.Summary.Applied.Should().Be(buckets.Count);
        sync.Status.Should().Be(RunStatus.Succeeded);
        sync.RecordLocation.Should().StartWith($"s3://{definitions}/lifecycle/log/", "the run record goes to the endpoint bucket");
        (await store.ListAsync("")).Should().HaveCount(buckets.Count, "the definitions are all there is under definition/");
        dryrun.Plan!.HasChanges.Should().BeFalse();
        dryrun.Plan.Buckets.Should().OnlyContain(b => b.Status == BucketStatus.InSync).And.HaveCount(buckets.Count);
    }

    [Test]
    public async Task SyncThenDryrun_DefinitionsInLocalFolder_PlansNoChangeAndRepairsDrift()
    {
        var buckets = await Server.Buckets.CreateManyAsync("localdef", 60);
        var folder = Directory.CreateTempSubdirectory("lakecircle-it-");
        try
        {
            for (var i = 0; i < buckets.Count; i++)
            {
                Directory.CreateDirectory(Path.Combine(folder.FullName, "definition"));
                await File.WriteAllTextAsync(Path.Combine(folder.FullName, "definition", buckets[i] + ".toml"), TomlText.Bucket(buckets[i], RuleShapes.Mix(i + 7)));
            }

            using var gateway = Server.CreateGateway();
            await using var client = Client(folder.FullName);
            var sync = await client.SyncAsync(buckets);
            var dryrun = await client.PlanAsync(buckets);
            sync.Diagnostics.Select(d => d.ToString()).Should().BeEmpty();
            sync.Succeeded.Should().BeTrue();
            dryrun.Plan!.HasChanges.Should().BeFalse();

            // Drift made outside the tool: one rule edited, another bucket's configuration removed.
            var edited = buckets[3];
            var current = (await gateway.GetLifecycleAsync(edited))!;
            var drifted = current with { Rules = current.Rules.Select((r, i) => i == 0 ? r with { Status = r.Status == RuleStatus.Enabled ? RuleStatus.Disabled : RuleStatus.Enabled } : r).ToValueList() };
            await gateway.PutLifecycleAsync(edited, drifted);
            await gateway.DeleteLifecycleAsync(buckets[4]);

            var driftPlan = await client.PlanAsync(buckets);
            var repair = await client.ApplyAsync(driftPlan);
            var after = await client.PlanAsync(buckets);

            var changed = driftPlan.Plan!.Buckets.Where(b => b.Status == BucketStatus.Change).ToList();
            changed.Select(b => b.Bucket).Should().BeEquivalentTo([edited, buckets[4]]);
            changed.Single(b => b.Bucket == edited).Changed.Should().ContainSingle();
            repair.Succeeded.Should().BeTrue();
            repair.Summary.Applied.Should().Be(2);
            (await client.GetHistoryAsync(edited)).Should().HaveCount(2, "the sync and the repair each archived the configuration they replaced");
            after.Plan!.HasChanges.Should().BeFalse();
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Test]
    public async Task Sync_SizeFilterTheServerDrops_FailsNamingTheFieldAndKeepsTheOldConfiguration()
    {
        var bucket = await Server.Buckets.CreateAsync("verify");
        using var gateway = Server.CreateGateway();
        var old = LifecycleConfiguration.Of(new LifecycleRule { Id = "old", Filter = new LifecycleFilter { Prefix = "old/" }, Expiration = new LifecycleExpiration { Days = 9 } });
        await gateway.PutLifecycleAsync(bucket, old);
        var desired = LifecycleConfiguration.Of(new LifecycleRule
        {
            Id = "large",
            Filter = new LifecycleFilter { And = new LifecycleAndOperator { Prefix = "big/", ObjectSizeGreaterThan = 1_073_741_824 } },
            Expiration = new LifecycleExpiration { Days = 30 },
        });
        var folder = Directory.CreateTempSubdirectory("lakecircle-it-");
        try
        {
            Directory.CreateDirectory(Path.Combine(folder.FullName, "definition"));
            await File.WriteAllTextAsync(Path.Combine(folder.FullName, "definition", "b.toml"), TomlText.Bucket(bucket, desired));
            await using var client = Client(folder.FullName);

            var sync = await client.SyncAsync([bucket]);

            sync.Succeeded.Should().BeFalse();
            var outcome = sync.Buckets.Should().ContainSingle().Which;
            outcome.Result.Should().Be(BucketResult.Failed);
            outcome.Error.Should().Contain("Filter.ObjectSizeGreaterThan: 1073741824 -> (none)").And.Contain("previous configuration was restored");
            (await gateway.GetLifecycleAsync(bucket))!.Fingerprint.Should().Be(old.Fingerprint);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}

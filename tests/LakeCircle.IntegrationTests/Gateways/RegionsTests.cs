using Amazon.Runtime;
using LakeCircle.Core;
using LakeCircle.Core.Diagnostics;
using LakeCircle.Core.Planning;
using LakeCircle.Core.Sync;
using LakeCircle.IntegrationTests.Support;

namespace LakeCircle.IntegrationTests.Gateways;

/// <summary>
/// Regions against the local radosgw (one zonegroup, named as <see cref="S3TestServer.Region"/>): what it tells of a
/// bucket's region, and runs over its region, limited or not. docs/compatibility.md records what it answers.
/// </summary>
public sealed class RegionsTests
{
    private static S3TestServer Server => S3TestServer.Current;

    [Test]
    public async Task Listing_TellsNoRegion_GetBucketLocationNamesTheZonegroup()
    {
        var bucket = await Server.Buckets.CreateAsync("region-probe");
        using var gateway = Server.CreateGateway();

        var listed = await gateway.ListBucketsWithRegionsAsync();
        var region = await gateway.GetBucketRegionAsync(bucket);

        listed.Should().ContainSingle(b => b.Name == bucket).Which.Region.Should().BeNull("radosgw 16.2 sends no BucketRegion in ListBuckets, even with max-buckets");
        region.Should().Be(S3TestServer.Region, "radosgw answers GetBucketLocation with its zonegroup's api name");
    }

    [Test]
    public async Task Run_WithoutRegionLimit_PlansAndSyncsWithTheMinimalCalls()
    {
        var (buckets, folder) = await SetUpAsync("region-all");
        try
        {
            var calls = new LastProgress();
            await using var client = Client(folder.FullName, calls);

            var plan = await client.PlanAsync(buckets);
            var planCalls = calls.Last!.Calls;
            var sync = await client.SyncAsync(buckets);

            plan.Plan!.Buckets.Should().OnlyContain(b => b.Status == BucketStatus.Change && b.Region == null).And.HaveCount(buckets.Count);
            planCalls.ListBuckets.Should().Be(1);
            planCalls.GetBucketLifecycleConfiguration.Should().Be(buckets.Count);
            planCalls.GetBucketLocation.Should().Be(0, "a run over every region asks no bucket's region");
            sync.Succeeded.Should().BeTrue(string.Join("; ", sync.Errors));
            sync.Summary.Applied.Should().Be(buckets.Count);
            calls.Last!.Calls.GetBucketLocation.Should().Be(0);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Test]
    public async Task Run_LimitedToTheServersRegion_PlansAndSyncsEveryBucket_AskingEachDefinedBucketsRegionOnce()
    {
        var (buckets, folder) = await SetUpAsync("region-home");
        try
        {
            var calls = new LastProgress();
            await using var client = Client(folder.FullName, calls, S3TestServer.Region);

            var plan = await client.PlanAsync(buckets);
            var planCalls = calls.Last!.Calls;
            var sync = await client.SyncAsync(buckets);

            plan.Plan!.Buckets.Should().OnlyContain(b => b.Status == BucketStatus.Change && b.Region == S3TestServer.Region).And.HaveCount(buckets.Count);
            planCalls.ToString().Should().Be($"ListBuckets 1, GetBucketLifecycleConfiguration {buckets.Count}, GetBucketLocation {buckets.Count}",
                "the listing tells no region, so each defined bucket's is asked, once");
            sync.Succeeded.Should().BeTrue(string.Join("; ", sync.Errors));
            sync.Summary.Applied.Should().Be(buckets.Count);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Test]
    public async Task Run_LimitedToAnotherRegion_DefinedBucketsAreOtherRegion_NothingReadOrWritten()
    {
        var (buckets, folder) = await SetUpAsync("region-other");
        try
        {
            var calls = new LastProgress();
            await using var client = Client(folder.FullName, calls, "eu-central-1");

            var sync = await client.SyncAsync(buckets);

            sync.Succeeded.Should().BeTrue("a bucket in another region is no error");
            sync.Plan!.Buckets.Should().OnlyContain(b => b.Status == BucketStatus.OtherRegion && b.Region == S3TestServer.Region).And.HaveCount(buckets.Count);
            sync.Plan.Summary.BucketsInOtherRegions.Should().Be(buckets.Count);
            calls.Last!.Calls.GetBucketLifecycleConfiguration.Should().Be(0);
            calls.Last.Calls.PutBucketLifecycleConfiguration.Should().Be(0);
            using var gateway = Server.CreateGateway();
            foreach (var bucket in buckets)
            {
                (await gateway.GetLifecycleAsync(bucket)).Should().BeNull($"{bucket} was not written");
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static async Task<(IReadOnlyList<string> Buckets, DirectoryInfo Folder)> SetUpAsync(string purpose)
    {
        var buckets = await Server.Buckets.CreateManyAsync(purpose, 3);
        var folder = Directory.CreateTempSubdirectory("lakecircle-it-");
        Directory.CreateDirectory(Path.Combine(folder.FullName, "definition"));
        for (var i = 0; i < buckets.Count; i++)
        {
            await File.WriteAllTextAsync(Path.Combine(folder.FullName, "definition", buckets[i] + ".toml"), TomlText.Bucket(buckets[i], RuleShapes.Mix(i)));
        }

        return (buckets, folder);
    }

    private static LakeCircleClient Client(string endpoint, IProgress<RunProgress> progress, params string[] regions)
    {
        var options = new LakeCircleClientOptions
        {
            Account = "123456789012",
            Region = S3TestServer.Region,
            Endpoint = endpoint,
            ServiceUrl = new Uri(Server.Endpoint),
            Credentials = new BasicAWSCredentials(Server.AccessKeyId, Server.SecretKey),
            WriteConcurrency = 1,
            VerifyTimeout = TimeSpan.FromSeconds(5),
            Progress = progress,
        };
        foreach (var region in regions)
        {
            options.Regions.Add(region);
        }

        return new LakeCircleClient(options);
    }

    /// <summary>Keeps the last progress report of a run (reports come one at a time).</summary>
    private sealed class LastProgress : IProgress<RunProgress>
    {
        public RunProgress? Last { get; private set; }

        public void Report(RunProgress value) => Last = value;
    }
}

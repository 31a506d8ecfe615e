using LakeCircle.Core.Gateways;
using LakeCircle.Core.Model;
using LakeCircle.Core.Tests.Support;

namespace LakeCircle.Core.Tests.Export;

public class SnapshotTests
{
    private TempFolder _folder = null!;

    [SetUp]
    public void SetUp() => _folder = new TempFolder();

    [TearDown]
    public void TearDown() => _folder.Dispose();

    [Test]
    public async Task Snapshot_ReadsBackAsTheAccount()
    {
        var s3 = Account();
        var path = _folder.File("account.json");

        var outcome = await SnapshotAsync(s3, path);

        outcome.Succeeded.Should().BeTrue();
        outcome.Buckets.Should().Equal(s3.BucketNames);
        outcome.WithLifecycle.Should().Be(s3.BucketNames.Count - 1);
        var read = await SnapshotS3Gateway.OpenAsync(path);
        read.Account.Should().Be(TestClient.Account);
        read.Region.Should().Be("eu-west-1");
        (await read.ListBucketsAsync()).Should().Equal(await s3.ListBucketsAsync());
        foreach (var bucket in s3.BucketNames)
        {
            (await read.GetLifecycleAsync(bucket)).Should().Be(s3.PeekLifecycle(bucket), "bucket {0} reads back exactly", bucket);
        }
    }

    [Test]
    public async Task Snapshot_SameAccountTwice_GivesByteIdenticalFiles()
    {
        var s3 = Account();

        await SnapshotAsync(s3, _folder.File("one.json"));
        await SnapshotAsync(s3, _folder.File("two.json"));

        File.ReadAllBytes(_folder.File("one.json")).Should().Equal(File.ReadAllBytes(_folder.File("two.json")));
    }

    [Test]
    public async Task Snapshot_ExistingFile_IsRefusedUnlessOverwrite()
    {
        var s3 = Account();
        var path = _folder.File("account.json");
        File.WriteAllText(path, "mine");

        var refused = await SnapshotAsync(s3, path);

        refused.Succeeded.Should().BeFalse();
        refused.Errors.Should().ContainSingle().Which.Should().Contain(path);
        File.ReadAllText(path).Should().Be("mine");

        var replaced = await SnapshotAsync(s3, path, overwrite: true);
        replaced.Succeeded.Should().BeTrue();
        replaced.Replaced.Should().BeTrue();
        (await SnapshotS3Gateway.OpenAsync(path)).Account.Should().Be(TestClient.Account);
    }

    [Test]
    public async Task Snapshot_NamedBuckets_HoldsOnlyThose_AndOneNotInTheAccountIsAnError()
    {
        var s3 = Account();
        var path = _folder.File("account.json");

        (await SnapshotAsync(s3, path, ["logs-bucket", "bare-bucket"])).Buckets.Should().Equal("bare-bucket", "logs-bucket");
        (await SnapshotS3Gateway.OpenAsync(path)).ListBucketsAsync().Result.Should().Equal("bare-bucket", "logs-bucket");

        var missing = await SnapshotAsync(s3, _folder.File("other.json"), ["nope-bucket"]);
        missing.Errors.Should().Equal("The bucket nope-bucket is not in the account.");
        File.Exists(_folder.File("other.json")).Should().BeFalse();
    }

    [Test]
    public async Task Snapshot_UnreadableBucket_WritesNothing()
    {
        var s3 = new InstrumentedGateway(Account());
        s3.FailingReads.Add("logs-bucket");
        var path = _folder.File("account.json");

        var outcome = await SnapshotAsync(s3, path);

        outcome.Errors.Should().ContainSingle().Which.Should().StartWith("Could not read the lifecycle configuration of logs-bucket:");
        File.Exists(path).Should().BeFalse();
    }

    [Test]
    public async Task SnapshotThenExport_GivesTheSameFilesAsExportingTheAccount()
    {
        var s3 = Account();
        var path = _folder.File("account.json");
        await SnapshotAsync(s3, path);
        using var live = new TempFolder();
        using var offline = new TempFolder();

        await using (var client = TestClient.Create(s3, new StaticDefinitionSource([])))
        {
            (await client.ExportAsync(live.Path)).Succeeded.Should().BeTrue();
        }

        await using (var client = new LakeCircleClient(new LakeCircleClientOptions { SnapshotPath = path }))
        {
            (await client.ExportAsync(offline.Path)).Succeeded.Should().BeTrue();
        }

        offline.AllFiles().Should().Equal(live.AllFiles());
        foreach (var file in live.AllFiles())
        {
            File.ReadAllText(offline.File(file)).Should().Be(File.ReadAllText(live.File(file)));
        }
    }

    [Test]
    public async Task Snapshot_WithoutAccountAndRegion_IsAnError()
    {
        await using var client = new LakeCircleClient(new LakeCircleClientOptions { Gateway = Account() });

        var outcome = await client.SnapshotAsync(_folder.File("account.json"));

        outcome.Errors.Should().ContainSingle().Which.Should().Contain("account and region");
    }

    private static InMemoryS3Gateway Account() => new InMemoryS3Gateway("eu-west-1")
        .SetLifecycle("logs-bucket", LifecycleConfiguration.Of(
            new LifecycleRule { Id = "z", Filter = new() { Prefix = "logs/" }, Expiration = new() { Days = 30 } },
            new LifecycleRule { Id = "a", Filter = new(), AbortIncompleteMultipartUpload = new() { DaysAfterInitiation = 7 } }))
        .SetLifecycle("sized-bucket", new LifecycleConfiguration
        {
            TransitionDefaultMinimumObjectSize = "varies_by_storage_class",
            Rules = ValueList.Of(new LifecycleRule { Filter = new() { ObjectSizeGreaterThan = 10 }, Transitions = ValueList.Of(new LifecycleTransition { Date = new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero), StorageClass = "GLACIER" }) }),
        })
        .AddBucket("bare-bucket");

    private static async Task<Core.Export.SnapshotOutcome> SnapshotAsync(IS3Gateway s3, string path, IEnumerable<string>? buckets = null, bool overwrite = false)
    {
        await using var client = TestClient.Create(s3, new StaticDefinitionSource([]));
        return await client.SnapshotAsync(path, buckets, overwrite);
    }
}

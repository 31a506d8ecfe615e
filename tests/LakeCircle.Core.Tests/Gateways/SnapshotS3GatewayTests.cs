using LakeCircle.Core.Gateways;
using LakeCircle.Core.Model;

namespace LakeCircle.Core.Tests.Gateways;

public class SnapshotS3GatewayTests
{
    private const string Snapshot = """
        {
          "account": "123456789012",
          "region": "us-east-1",
          "buckets": {
            "logs": {"Rules": [{"ID": "expire", "Filter": {"Prefix": "logs/"}, "Status": "Enabled", "Expiration": {"Days": 30}}]},
            "bare": null
          }
        }
        """;

    private string _folder = "";

    [SetUp]
    public void CreateFolder()
    {
        _folder = Path.Combine(Path.GetTempPath(), "lakecircle-snapshot-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
    }

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    [Test]
    public async Task OpenAsync_WellFormed_ExposesAccountRegionBucketsAndLifecycles()
    {
        var s3 = await SnapshotS3Gateway.OpenAsync(Write(Snapshot));

        s3.Account.Should().Be("123456789012");
        s3.Region.Should().Be("us-east-1");
        (await s3.ListBucketsAsync()).Should().Equal("bare", "logs");
        (await s3.GetLifecycleAsync("bare")).Should().BeNull();
        (await s3.GetLifecycleAsync("logs"))!.Rules.Should().ContainSingle().Which.Filter!.Prefix.Should().Be("logs/");
    }

    [Test]
    public async Task PutLifecycle_ThenFlush_ThenReopen_ReadsTheSavedConfiguration()
    {
        var path = Write(Snapshot);
        var s3 = await SnapshotS3Gateway.OpenAsync(path);
        var desired = new LifecycleConfiguration { Rules = ValueList.Of(LifecycleShapes.Everything), TransitionDefaultMinimumObjectSize = TransitionDefaultMinimumObjectSizes.VariesByStorageClass };

        await s3.PutLifecycleAsync("bare", desired);
        await s3.DeleteLifecycleAsync("logs");
        s3.UnsavedWrites.Should().Be(2);
        await s3.FlushAsync();
        var reopened = await SnapshotS3Gateway.OpenAsync(path);

        (await reopened.GetLifecycleAsync("bare")).Should().Be(desired);
        (await reopened.GetLifecycleAsync("logs")).Should().BeNull();
        reopened.Account.Should().Be("123456789012");
        Directory.GetFiles(_folder).Should().ContainSingle("the temporary file is renamed over the snapshot");
    }

    [Test]
    public async Task PutLifecycle_NotFlushed_LeavesTheFileAsItWas_ReadsSeeTheWrite()
    {
        var path = Write(Snapshot);
        var s3 = await SnapshotS3Gateway.OpenAsync(path);

        await s3.PutLifecycleAsync("bare", LifecycleConfiguration.Of(LifecycleShapes.Everything));
        await s3.DeleteLifecycleAsync("logs");

        (await s3.GetLifecycleAsync("logs")).Should().BeNull();
        (await s3.GetLifecycleAsync("bare")).Should().NotBeNull();
        File.ReadAllText(path).Should().Be(Snapshot, "writes are saved when flushed, as a process killed before that leaves the file");
        (await (await SnapshotS3Gateway.OpenAsync(path)).GetLifecycleAsync("bare")).Should().BeNull();
    }

    [Test]
    public async Task DisposeAsync_SavesTheUnsavedWrites_FlushWithoutWritesLeavesTheFile()
    {
        var path = Write(Snapshot);
        var untouched = await SnapshotS3Gateway.OpenAsync(path);
        await untouched.FlushAsync();
        File.ReadAllText(path).Should().Be(Snapshot, "nothing to save, nothing written");

        await using (var s3 = await SnapshotS3Gateway.OpenAsync(path))
        {
            await s3.DeleteLifecycleAsync("logs");
        }

        (await (await SnapshotS3Gateway.OpenAsync(path)).GetLifecycleAsync("logs")).Should().BeNull();
    }

    [Test]
    public async Task FlushAsync_FileCannotBeWritten_ThrowsNamingTheFile_LeavesItAndUndoesTheWrites()
    {
        var path = Write(Snapshot);
        var s3 = await SnapshotS3Gateway.OpenAsync(path);
        var before = await s3.GetLifecycleAsync("logs");
        await s3.DeleteLifecycleAsync("logs");
        await s3.PutLifecycleAsync("bare", LifecycleConfiguration.Of(LifecycleShapes.Everything));
        File.Delete(path);
        Directory.CreateDirectory(path);

        var e = (await FluentActions.Awaiting(() => s3.FlushAsync()).Should().ThrowAsync<IOException>()).Which;

        e.Message.Should().StartWith($"Could not save the snapshot file '{path}': ").And.EndWith("The file is unchanged; the 2 writes not saved were undone.");
        (await s3.GetLifecycleAsync("logs")).Should().Be(before);
        (await s3.GetLifecycleAsync("bare")).Should().BeNull();
        s3.UnsavedWrites.Should().Be(0);
        Directory.Exists(path).Should().BeTrue();
        Directory.GetFiles(_folder).Should().BeEmpty("the temporary file is removed");
    }

    [Test]
    public async Task CreateAsync_ThenOpen_RoundTripsEveryShape()
    {
        var buckets = new Dictionary<string, LifecycleConfiguration?> { ["none"] = null };
        foreach (var (c, i) in LifecycleShapes.Configurations().Select((c, i) => (c, i)))
        {
            buckets[$"b{i:D2}"] = (LifecycleConfiguration)c.Arguments[0]!;
        }

        var path = Path.Combine(_folder, "account.json");

        await SnapshotS3Gateway.CreateAsync(path, "111122223333", "eu-west-1", buckets);
        var s3 = await SnapshotS3Gateway.OpenAsync(path);

        foreach (var (name, configuration) in buckets)
        {
            (await s3.GetLifecycleAsync(name)).Should().Be(configuration, name);
        }
    }

    [Test]
    public async Task PutLifecycle_NoRules_ThrowsInvalidRequestAndLeavesTheFile()
    {
        var path = Write(Snapshot);
        var s3 = await SnapshotS3Gateway.OpenAsync(path);

        var act = () => s3.PutLifecycleAsync("logs", LifecycleConfiguration.Empty);

        (await act.Should().ThrowAsync<S3GatewayException>()).Which.Kind.Should().Be(S3ErrorKind.InvalidRequest);
        File.ReadAllText(path).Should().Be(Snapshot);
    }

    [Test]
    public async Task GetLifecycle_UnknownBucket_ThrowsNoSuchBucket()
    {
        var s3 = await SnapshotS3Gateway.OpenAsync(Write(Snapshot));

        (await FluentActions.Awaiting(() => s3.GetLifecycleAsync("nope")).Should().ThrowAsync<S3GatewayException>()).Which.Kind.Should().Be(S3ErrorKind.NoSuchBucket);
        (await FluentActions.Awaiting(() => s3.PutLifecycleAsync("nope", LifecycleConfiguration.Of(LifecycleShapes.Everything))).Should().ThrowAsync<S3GatewayException>()).Which.Kind.Should().Be(S3ErrorKind.NoSuchBucket);
    }

    [Test]
    public void Gateway_ServesLifecyclesOnly_NoObjectOperationToRefuse()
    {
        // The snapshot once refused object calls with NotSupported errors; the gateway interface now has none.
        typeof(IS3Gateway).GetMethods().Select(m => m.Name).Should().BeEquivalentTo(
            "ListBucketsAsync", "GetLifecycleAsync", "PutLifecycleAsync", "DeleteLifecycleAsync");
        typeof(SnapshotS3Gateway).GetMethods().Select(m => m.Name).Should().NotContain(["ListObjectsAsync", "GetObjectAsync", "PutObjectAsync", "DeleteObjectAsync"]);
    }

    [TestCase("{\n  \"account\": \"1\",\n  \"region\": \"r\",\n  \"buckets\": {\"a\": {\"Rules\": [}\n}", 4, "$.buckets.a.Rules", TestName = "OpenAsync_SyntaxError_NamesFileAndLine")]
    [TestCase("{\n  \"account\": \"1\",\n  \"region\": \"r\",\n  \"buckets\": {},\n  \"owner\": \"x\"\n}", 5, "$.owner", TestName = "OpenAsync_UnknownProperty_NamesFileLineAndProperty")]
    [TestCase("{\"account\": \"1\", \"region\": \"r\", \"buckets\": {\n\"a\": {\"Rules\": [{\"ID\": \"x\", \"Status\": \"Enabled\",\n \"Expiration\": {\"Days\": true}}]}}}", 3, "$.buckets.a.Rules[0].Expiration.Days", TestName = "OpenAsync_WrongType_NamesFileLineAndProperty")]
    public async Task OpenAsync_Malformed_ThrowsInvalidData(string content, int line, string property)
    {
        var path = Write(content);

        var e = (await FluentActions.Awaiting(() => SnapshotS3Gateway.OpenAsync(path)).Should().ThrowAsync<InvalidDataException>()).Which;

        e.Message.Should().Contain($"{path}:{line}:").And.Contain(property);
    }

    [Test]
    public async Task OpenAsync_MissingRegion_Throws()
    {
        var path = Write("""{"account": "1", "buckets": {}}""");

        (await FluentActions.Awaiting(() => SnapshotS3Gateway.OpenAsync(path)).Should().ThrowAsync<InvalidDataException>()).Which.Message.Should().Contain("region");
    }

    private string Write(string content)
    {
        var path = Path.Combine(_folder, "snapshot.json");
        File.WriteAllText(path, content);
        return path;
    }
}

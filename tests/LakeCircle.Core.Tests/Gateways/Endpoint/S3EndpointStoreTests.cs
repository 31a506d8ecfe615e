using System.Net;
using Amazon.S3;
using Amazon.S3.Model;
using LakeCircle.Core.Archive;
using LakeCircle.Core.Gateways;
using LakeCircle.Core.Locking;
using LakeCircle.Core.Sync;
using LakeCircle.Core.Tests.Support;
using NSubstitute;
using NSubstitute.ExceptionExtensions;

namespace LakeCircle.Core.Tests.Gateways;

/// <summary>The S3 endpoint store over the SDK: its keys under the prefix, and the SDK calls and failures it maps.</summary>
public sealed class S3EndpointStoreTests
{
    private IAmazonS3 _client = null!;

    [SetUp]
    public void CreateClient() => _client = Substitute.For<IAmazonS3>();

    [TearDown]
    public void DisposeClient() => _client.Dispose();

    [Test]
    public async Task WriteAsync_Key_StoresTheObjectUnderThePrefix()
    {
        var s3 = new S3ObjectStub("state");
        var store = new S3EndpointStore(s3.Client, "state", "team/prod");

        await store.WriteAsync("previous/logs.json", "x"u8.ToArray());

        s3.Keys("state").Should().Equal("team/prod/previous/logs.json");
        store.Location.Should().Be(EndpointLocation.S3("state", "team/prod/"));
    }

    [Test]
    public async Task ListAsync_ObjectsOutsideThePrefix_AreLeftOut()
    {
        var s3 = new S3ObjectStub()
            .Set("state", "team/prod/log/a.json", "a"u8)
            .Set("state", "team/production/log/b.json", "b"u8)
            .Set("state", "other/log/c.json", "c"u8);
        var store = new S3EndpointStore(s3.Client, "state", "team/prod/");

        (await store.ListAsync("")).Should().Equal("log/a.json");
    }

    [Test]
    public async Task ListAsync_MoreThan1000Keys_ReadsEveryPage()
    {
        var pages = Enumerable.Range(0, 3).Select(p => new ListObjectsV2Response
        {
            S3Objects = [.. Enumerable.Range(0, p < 2 ? 1000 : 500).Select(i => new S3Object { Key = $"k/{p}-{i:D4}" })],
            IsTruncated = p < 2,
            NextContinuationToken = p < 2 ? $"t{p + 1}" : null,
        }).ToArray();
        _client.ListObjectsV2Async(Arg.Any<ListObjectsV2Request>(), Arg.Any<CancellationToken>()).Returns(pages[0], pages[1], pages[2]);

        var keys = await new S3EndpointStore(_client, "bucket", "").ListAsync("k/");

        keys.Should().HaveCount(2500).And.BeInAscendingOrder(StringComparer.Ordinal);
        await _client.Received(3).ListObjectsV2Async(Arg.Is<ListObjectsV2Request>(r => r.Prefix == "k/" && r.MaxKeys == 1000), Arg.Any<CancellationToken>());
        await _client.Received(1).ListObjectsV2Async(Arg.Is<ListObjectsV2Request>(r => r.ContinuationToken == "t2"), Arg.Any<CancellationToken>());
    }

    [Test]
    public async Task EveryObjectCall_SendsNoExpectedBucketOwner()
    {
        _client.GetObjectAsync(Arg.Any<GetObjectRequest>(), Arg.Any<CancellationToken>()).Returns(_ => new GetObjectResponse { ResponseStream = new MemoryStream([1, 2]) });
        _client.ListObjectsV2Async(Arg.Any<ListObjectsV2Request>(), Arg.Any<CancellationToken>()).Returns(new ListObjectsV2Response());
        var store = new S3EndpointStore(_client, "bucket", "p/");

        await store.ListAsync("");
        (await store.TryReadAsync("k")).Should().Equal(1, 2);
        await store.WriteAsync("k", new byte[] { 1 });
        await store.CreateExclusiveAsync("lock", new byte[] { 1 });
        await store.DeleteAsync("k");

        await _client.Received(1).ListObjectsV2Async(Arg.Is<ListObjectsV2Request>(r => r.BucketName == "bucket" && r.Prefix == "p/" && r.ExpectedBucketOwner == null), Arg.Any<CancellationToken>());
        await _client.Received(1).GetObjectAsync(Arg.Is<GetObjectRequest>(r => r.Key == "p/k" && r.ExpectedBucketOwner == null), Arg.Any<CancellationToken>());
        await _client.Received(1).PutObjectAsync(Arg.Is<PutObjectRequest>(r => r.Key == "p/k" && r.ExpectedBucketOwner == null && r.IfNoneMatch == null), Arg.Any<CancellationToken>());
        await _client.Received(1).PutObjectAsync(Arg.Is<PutObjectRequest>(r => r.Key == "p/lock" && r.ExpectedBucketOwner == null && r.IfNoneMatch == "*"), Arg.Any<CancellationToken>());
        await _client.Received(1).DeleteObjectAsync(Arg.Is<DeleteObjectRequest>(r => r.Key == "p/k" && r.ExpectedBucketOwner == null), Arg.Any<CancellationToken>());
    }

    [Test]
    public async Task CreateExclusiveAsync_412_SendsStarAndReturnsFalse()
    {
        _client.PutObjectAsync(Arg.Any<PutObjectRequest>(), Arg.Any<CancellationToken>())
            .ThrowsAsync(S3ObjectStub.Error("At least one of the pre-conditions you specified did not hold", "PreconditionFailed", HttpStatusCode.PreconditionFailed));

        (await new S3EndpointStore(_client, "bucket", "").CreateExclusiveAsync("lock", new byte[] { 1 })).Should().BeFalse();

        await _client.Received(1).PutObjectAsync(Arg.Is<PutObjectRequest>(r => r.IfNoneMatch == "*" && r.Key == "lock"), Arg.Any<CancellationToken>());
    }

    [Test]
    public async Task CreateExclusiveAsync_ExistingObject_ReturnsFalseAndKeepsTheContent()
    {
        var s3 = new S3ObjectStub().Set("state", "lock", [1]);
        var store = new S3EndpointStore(s3.Client, "state", "");

        (await store.CreateExclusiveAsync("lock", new byte[] { 9 })).Should().BeFalse();
        (await store.TryReadAsync("lock")).Should().Equal(1);
        (await store.CreateExclusiveAsync("fresh", new byte[] { 5 })).Should().BeTrue();
        (await store.TryReadAsync("fresh")).Should().Equal(5);
    }

    [Test]
    public async Task CreateExclusiveAsync_ConcurrentConditionalWrite_ReturnsFalse()
    {
        _client.PutObjectAsync(Arg.Any<PutObjectRequest>(), Arg.Any<CancellationToken>())
            .ThrowsAsync(S3ObjectStub.Error("conflict", "ConditionalRequestConflict", HttpStatusCode.Conflict));
        var store = new S3EndpointStore(_client, "state", "");

        (await store.CreateExclusiveAsync("lock.json", "x"u8.ToArray())).Should().BeFalse();
    }

    [Test]
    public async Task CreateExclusiveAsync_OtherFailure_ThrowsWithOperationBucketKeyAndStatus()
    {
        _client.PutObjectAsync(Arg.Any<PutObjectRequest>(), Arg.Any<CancellationToken>())
            .ThrowsAsync(S3ObjectStub.Error("Access Denied", "AccessDenied", HttpStatusCode.Forbidden));
        var store = new S3EndpointStore(_client, "state", "prod/");

        var act = () => store.CreateExclusiveAsync("lock.json", "x"u8.ToArray());

        (await act.Should().ThrowAsync<S3GatewayException>()).Which.Should().BeEquivalentTo(new
        {
            Kind = S3ErrorKind.AccessDenied, Operation = S3Operations.PutObject, Bucket = "state", Key = "prod/lock.json", StatusCode = 403, ErrorCode = "AccessDenied",
        });
    }

    [Test]
    public async Task TryReadAsync_NoSuchKey_ReturnsNull()
    {
        _client.GetObjectAsync(Arg.Any<GetObjectRequest>(), Arg.Any<CancellationToken>())
            .ThrowsAsync(S3ObjectStub.Error("The specified key does not exist.", "NoSuchKey", HttpStatusCode.NotFound));

        (await new S3EndpointStore(_client, "bucket", "").TryReadAsync("k")).Should().BeNull();
    }

    [Test]
    public async Task TryReadAsync_MissingBucket_Throws()
    {
        var store = new S3EndpointStore(new S3ObjectStub().Client, "absent-bucket", "");

        var act = () => store.TryReadAsync("lock.json");

        (await act.Should().ThrowAsync<S3GatewayException>()).Which.Should().BeEquivalentTo(
            new { Kind = S3ErrorKind.NoSuchBucket, Operation = S3Operations.GetObject, Bucket = "absent-bucket", Key = "lock.json", StatusCode = 404 });
    }

    [Test]
    public async Task DeleteAsync_NoSuchKey_IsNotAnError()
    {
        _client.DeleteObjectAsync(Arg.Any<DeleteObjectRequest>(), Arg.Any<CancellationToken>())
            .ThrowsAsync(S3ObjectStub.Error("The specified key does not exist.", "NoSuchKey", HttpStatusCode.NotFound));

        await FluentActions.Awaiting(() => new S3EndpointStore(_client, "bucket", "").DeleteAsync("k")).Should().NotThrowAsync();
    }

    [Test]
    public async Task AnyCall_NetworkFailure_IsTransient()
    {
        _client.ListObjectsV2Async(Arg.Any<ListObjectsV2Request>(), Arg.Any<CancellationToken>()).ThrowsAsync(new HttpRequestException("connection refused"));

        var e = (await FluentActions.Awaiting(() => new S3EndpointStore(_client, "bucket", "").ListAsync("")).Should().ThrowAsync<S3GatewayException>()).Which;

        e.Should().BeEquivalentTo(new { Kind = S3ErrorKind.Transient, Operation = S3Operations.ListObjectsV2, Bucket = "bucket" });
    }

    [Test]
    public async Task AnyCall_CallerCancels_ThrowsOperationCanceled()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        _client.GetObjectAsync(Arg.Any<GetObjectRequest>(), Arg.Any<CancellationToken>()).ThrowsAsync(new OperationCanceledException(cancelled.Token));

        await FluentActions.Awaiting(() => new S3EndpointStore(_client, "bucket", "").TryReadAsync("k", cancelled.Token)).Should().ThrowAsync<OperationCanceledException>();
    }

    [Test]
    public void Dispose_OwnsOnlyTheClientItCreated()
    {
        new S3EndpointStore(_client, "bucket", "").Dispose();
        _client.DidNotReceive().Dispose();

        new S3EndpointStore(_client, "bucket", "", ownsClient: true).Dispose();
        _client.Received(1).Dispose();

        using var fromOptions = new S3EndpointStore(new AwsS3GatewayOptions { Region = "eu-west-1" }, "bucket", "p");
        fromOptions.Describe("k").Should().Be("s3://bucket/p/k");
    }

    [Test]
    public void For_Locations_ChoosesTheStoreKind()
    {
        EndpointStore.For(EndpointLocation.S3("state", "p"), _client).Should().BeOfType<S3EndpointStore>()
            .Which.Location.Should().Be(EndpointLocation.S3("state", "p/"));
        EndpointStore.For(EndpointLocation.Local(Path.GetTempPath())).Should().BeOfType<LocalEndpointStore>();
        var act = () => EndpointStore.For(EndpointLocation.S3("state"));
        act.Should().Throw<ArgumentNullException>();
    }
}

using System.Net;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using LakeCircle.Core.Gateways;
using NSubstitute;
using NSubstitute.ExceptionExtensions;
using Model = LakeCircle.Core.Model;

namespace LakeCircle.Core.Tests.Gateways;

public class AwsS3GatewayTests
{
    private const string Owner = "123456789012";
    private IAmazonS3 _client = null!;

    [SetUp]
    public void CreateClient() => _client = Substitute.For<IAmazonS3>();

    [TearDown]
    public void DisposeClient() => _client.Dispose();

    private AwsS3Gateway Gateway(AwsS3GatewayOptions? options = null) => new(_client, options ?? new AwsS3GatewayOptions { ExpectedBucketOwner = Owner });

    [Test]
    public async Task GetLifecycle_404WithoutException_ConfirmsBucketAndReturnsNull()
    {
        _client.GetLifecycleConfigurationAsync(Arg.Any<GetLifecycleConfigurationRequest>(), Arg.Any<CancellationToken>())
            .Returns(new GetLifecycleConfigurationResponse { HttpStatusCode = HttpStatusCode.NotFound, Configuration = new Amazon.S3.Model.LifecycleConfiguration() });

        (await Gateway().GetLifecycleAsync("bucket")).Should().BeNull();
        await _client.Received(1).HeadBucketAsync(Arg.Is<HeadBucketRequest>(r => r.BucketName == "bucket" && r.ExpectedBucketOwner == Owner), Arg.Any<CancellationToken>());
    }

    [Test]
    public async Task GetLifecycle_404ForMissingBucket_ThrowsNoSuchBucket()
    {
        _client.GetLifecycleConfigurationAsync(Arg.Any<GetLifecycleConfigurationRequest>(), Arg.Any<CancellationToken>())
            .Returns(new GetLifecycleConfigurationResponse { HttpStatusCode = HttpStatusCode.NotFound });
        _client.HeadBucketAsync(Arg.Any<HeadBucketRequest>(), Arg.Any<CancellationToken>())
            .ThrowsAsync(new AmazonS3Exception("Not Found", ErrorType.Sender, "NotFound", "req", HttpStatusCode.NotFound));

        var e = (await FluentActions.Awaiting(() => Gateway().GetLifecycleAsync("gone")).Should().ThrowAsync<S3GatewayException>()).Which;

        e.Should().BeEquivalentTo(new { Kind = S3ErrorKind.NoSuchBucket, Bucket = "gone", StatusCode = 404, Operation = S3Operations.GetBucketLifecycleConfiguration });
    }

    [Test]
    public async Task GetLifecycle_404OverRealSdk_ReturnsNull()
    {
        using var client = StubHttpClientFactory.Client(HttpStatusCode.NotFound, "<Error><Code>NoSuchLifecycleConfiguration</Code><Message>none</Message></Error>");

        (await new AwsS3Gateway(client, new AwsS3GatewayOptions { ConfirmBucketOnMissingLifecycle = false }).GetLifecycleAsync("bucket")).Should().BeNull();
    }

    [TestCase("NoSuchLifecycleConfiguration", HttpStatusCode.NotFound, null)]
    [TestCase("NoSuchBucket", HttpStatusCode.NotFound, S3ErrorKind.NoSuchBucket)]
    [TestCase("AccessDenied", HttpStatusCode.Forbidden, S3ErrorKind.AccessDenied)]
    [TestCase("SlowDown", HttpStatusCode.ServiceUnavailable, S3ErrorKind.Transient)]
    [TestCase("InternalError", HttpStatusCode.InternalServerError, S3ErrorKind.Transient)]
    [TestCase("Weird", HttpStatusCode.Conflict, S3ErrorKind.Other)]
    public async Task GetLifecycle_SdkException_MapsKind(string code, HttpStatusCode status, S3ErrorKind? kind)
    {
        _client.GetLifecycleConfigurationAsync(Arg.Any<GetLifecycleConfigurationRequest>(), Arg.Any<CancellationToken>())
            .ThrowsAsync(new AmazonS3Exception("boom", ErrorType.Sender, code, "req", status));

        var act = () => Gateway().GetLifecycleAsync("bucket");

        if (kind is null)
        {
            (await act()).Should().BeNull();
            return;
        }

        var e = (await act.Should().ThrowAsync<S3GatewayException>()).Which;
        e.Should().BeEquivalentTo(new { Kind = kind.Value, Bucket = "bucket", StatusCode = (int)status, ErrorCode = code });
        e.Message.Should().Contain("bucket").And.Contain(code);
    }

    [Test]
    public async Task GetLifecycle_Rules_MapsConfigurationAndMinimumSize()
    {
        _client.GetLifecycleConfigurationAsync(Arg.Any<GetLifecycleConfigurationRequest>(), Arg.Any<CancellationToken>())
            .Returns(new GetLifecycleConfigurationResponse
            {
                HttpStatusCode = HttpStatusCode.OK,
                TransitionDefaultMinimumObjectSize = TransitionDefaultMinimumObjectSize.VariesByStorageClass,
                Configuration = SdkLifecycleWriter.ToSdk(Model.LifecycleConfiguration.Of(LifecycleShapes.Everything)),
            });

        var read = await Gateway().GetLifecycleAsync("bucket");

        read.Should().Be(new Model.LifecycleConfiguration { Rules = Model.ValueList.Of(LifecycleShapes.Everything), TransitionDefaultMinimumObjectSize = "varies_by_storage_class" });
    }

    [Test]
    public async Task ListBuckets_SeveralPages_FollowsTokensAndFiltersRegion()
    {
        _client.ListBucketsAsync(Arg.Any<ListBucketsRequest>(), Arg.Any<CancellationToken>()).Returns(
            new ListBucketsResponse { Buckets = [new S3Bucket { BucketName = "b", BucketRegion = "eu-west-1" }, new S3Bucket { BucketName = "x", BucketRegion = "us-east-1" }], ContinuationToken = "t1" },
            new ListBucketsResponse { Buckets = [new S3Bucket { BucketName = "a", BucketRegion = "eu-west-1" }], ContinuationToken = null });

        var names = await Gateway(new AwsS3GatewayOptions { Region = "eu-west-1" }).ListBucketsAsync();

        names.Should().Equal("a", "b");
        await _client.Received(1).ListBucketsAsync(Arg.Is<ListBucketsRequest>(r => r.ContinuationToken == null && r.BucketRegion == "eu-west-1" && r.MaxBuckets == 10000), Arg.Any<CancellationToken>());
        await _client.Received(1).ListBucketsAsync(Arg.Is<ListBucketsRequest>(r => r.ContinuationToken == "t1"), Arg.Any<CancellationToken>());
    }

    [Test]
    public async Task ListBuckets_CustomEndpoint_DoesNotFilterByRegion()
    {
        _client.ListBucketsAsync(Arg.Any<ListBucketsRequest>(), Arg.Any<CancellationToken>())
            .Returns(new ListBucketsResponse { Buckets = [new S3Bucket { BucketName = "a", BucketRegion = "default" }] });

        var names = await Gateway(new AwsS3GatewayOptions { Region = "us-east-1", ServiceUrl = "http://localhost:7480" }).ListBucketsAsync();

        names.Should().Equal("a");
        await _client.Received(1).ListBucketsAsync(Arg.Is<ListBucketsRequest>(r => r.BucketRegion == null), Arg.Any<CancellationToken>());
    }

    [Test]
    public async Task EveryBucketCall_SendsExpectedBucketOwner()
    {
        _client.GetLifecycleConfigurationAsync(Arg.Any<GetLifecycleConfigurationRequest>(), Arg.Any<CancellationToken>()).Returns(new GetLifecycleConfigurationResponse { HttpStatusCode = HttpStatusCode.NotFound });
        var s3 = Gateway();

        await s3.GetLifecycleAsync("bucket");
        await s3.PutLifecycleAsync("bucket", Model.LifecycleConfiguration.Of(LifecycleShapes.Everything));
        await s3.DeleteLifecycleAsync("bucket");

        await _client.Received(1).GetLifecycleConfigurationAsync(Arg.Is<GetLifecycleConfigurationRequest>(r => r.ExpectedBucketOwner == Owner), Arg.Any<CancellationToken>());
        await _client.Received(1).HeadBucketAsync(Arg.Is<HeadBucketRequest>(r => r.ExpectedBucketOwner == Owner), Arg.Any<CancellationToken>());
        await _client.Received(1).PutLifecycleConfigurationAsync(Arg.Is<PutLifecycleConfigurationRequest>(r => r.ExpectedBucketOwner == Owner && r.Configuration.Rules.Count == 1 && r.TransitionDefaultMinimumObjectSize == null), Arg.Any<CancellationToken>());
        await _client.Received(1).DeleteLifecycleConfigurationAsync(Arg.Is<DeleteLifecycleConfigurationRequest>(r => r.ExpectedBucketOwner == Owner), Arg.Any<CancellationToken>());
    }

    [Test]
    public async Task PutLifecycle_MinimumSizeSet_SendsIt()
    {
        await Gateway().PutLifecycleAsync("bucket", new Model.LifecycleConfiguration { Rules = Model.ValueList.Of(LifecycleShapes.Everything), TransitionDefaultMinimumObjectSize = "varies_by_storage_class" });

        await _client.Received(1).PutLifecycleConfigurationAsync(Arg.Is<PutLifecycleConfigurationRequest>(r => r.TransitionDefaultMinimumObjectSize == TransitionDefaultMinimumObjectSize.VariesByStorageClass), Arg.Any<CancellationToken>());
    }

    [Test]
    public async Task AnyCall_NetworkFailure_IsTransient()
    {
        _client.DeleteLifecycleConfigurationAsync(Arg.Any<DeleteLifecycleConfigurationRequest>(), Arg.Any<CancellationToken>())
            .ThrowsAsync(new HttpRequestException("connection refused"));

        (await FluentActions.Awaiting(() => Gateway().DeleteLifecycleAsync("bucket")).Should().ThrowAsync<S3GatewayException>()).Which.Kind.Should().Be(S3ErrorKind.Transient);
    }

    [Test]
    public void CreateConfig_CustomEndpoint_KeepsUrlSigningRegionAndChecksums()
    {
        var config = AmazonS3ClientFactory.CreateConfig(new AwsS3GatewayOptions
        {
            Region = "eu-west-1",
            ServiceUrl = "http://localhost:7480",
            ForcePathStyle = true,
            ChecksumWhenRequired = true,
            MaxErrorRetry = 7,
            Timeout = TimeSpan.FromSeconds(12),
            RetryMode = RequestRetryMode.Adaptive,
        });

        config.ServiceURL.Should().StartWith("http://localhost:7480");
        config.AuthenticationRegion.Should().Be("eu-west-1");
        config.ForcePathStyle.Should().BeTrue();
        config.RequestChecksumCalculation.Should().Be(RequestChecksumCalculation.WHEN_REQUIRED);
        config.ResponseChecksumValidation.Should().Be(ResponseChecksumValidation.WHEN_REQUIRED);
        config.MaxErrorRetry.Should().Be(7);
        config.Timeout.Should().Be(TimeSpan.FromSeconds(12));
        config.RetryMode.Should().Be(RequestRetryMode.Adaptive);
    }

    [Test]
    public void CreateConfig_AwsRegion_SetsRegionEndpoint()
    {
        var config = AmazonS3ClientFactory.CreateConfig(new AwsS3GatewayOptions { Region = "eu-central-1" });

        config.RegionEndpoint.SystemName.Should().Be("eu-central-1");
        config.ServiceURL.Should().BeNull();
    }
}

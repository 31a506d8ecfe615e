using LakeCircle.Core.Gateways;
using LakeCircle.Core.Model;

namespace LakeCircle.IntegrationTests.Gateways;

/// <summary>
/// How many HTTP requests a lifecycle GET costs, counted on the wire under LakeCircle's HTTP stack: AWSSDK.S3 4.1
/// answers both a bucket without lifecycle and a missing bucket with a plain response of status NotFound, and the
/// gateway tells them apart from the error code of that one answer, without a HeadBucket.
/// </summary>
public sealed class LifecycleGetCallTests
{
    private static S3TestServer Server => S3TestServer.Current;

    [Test]
    public async Task GetLifecycleAsync_BucketWithoutLifecycle_IsNullAfterOneRequest()
    {
        var bucket = await Server.Buckets.CreateAsync("one-bare");
        var requests = new List<string>();
        using var gateway = new AwsS3Gateway(Server.CreateRecordedClient(requests), Server.Options(), ownsClient: true);

        var configuration = await gateway.GetLifecycleAsync(bucket);

        configuration.Should().BeNull();
        requests.Should().Equal($"GET /{bucket}/?lifecycle");
    }

    [Test]
    public async Task GetLifecycleAsync_MissingBucket_ThrowsNoSuchBucketAfterOneRequest()
    {
        var bucket = Server.Buckets.NewName("one-absent");
        var requests = new List<string>();
        using var gateway = new AwsS3Gateway(Server.CreateRecordedClient(requests), Server.Options(), ownsClient: true);

        var act = () => gateway.GetLifecycleAsync(bucket);

        var e = (await act.Should().ThrowAsync<S3GatewayException>()).Which;
        e.Should().BeEquivalentTo(new { Kind = S3ErrorKind.NoSuchBucket, Bucket = bucket, StatusCode = 404, ErrorCode = "NoSuchBucket" });
        requests.Should().Equal($"GET /{bucket}/?lifecycle");
    }

    [Test]
    public async Task GetLifecycleAsync_BucketWithLifecycle_IsReadInOneRequest()
    {
        var bucket = await Server.Buckets.CreateAsync("one-rules");
        var sent = LifecycleConfiguration.Of(new LifecycleRule
        {
            Id = "tmp",
            Filter = new LifecycleFilter { Prefix = "tmp/" },
            Expiration = new LifecycleExpiration { Days = 2 },
        });
        using (var writer = Server.CreateGateway())
        {
            await writer.PutLifecycleAsync(bucket, sent);
        }

        var requests = new List<string>();
        using var gateway = new AwsS3Gateway(Server.CreateRecordedClient(requests), Server.Options(), ownsClient: true);

        var stored = await gateway.GetLifecycleAsync(bucket);

        stored!.Fingerprint.Should().Be(sent.Fingerprint);
        requests.Should().Equal($"GET /{bucket}/?lifecycle");
    }

    [Test]
    public async Task ListBucketsAsync_AsksForPagesOf10000_AndTheServerAnswersInOnePage()
    {
        var bucket = await Server.Buckets.CreateAsync("one-list");
        var requests = new List<string>();
        using var gateway = new AwsS3Gateway(Server.CreateRecordedClient(requests), Server.Options(), ownsClient: true);

        var names = await gateway.ListBucketsAsync();

        names.Should().Contain(bucket);
        requests.Should().Equal("GET /?max-buckets=10000");
    }
}

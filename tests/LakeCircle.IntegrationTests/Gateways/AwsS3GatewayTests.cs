using LakeCircle.Core.Gateways;
using LakeCircle.Core.Model;
using LakeCircle.IntegrationTests.Support;

namespace LakeCircle.IntegrationTests.Gateways;

public sealed class AwsS3GatewayTests
{
    private static S3TestServer Server => S3TestServer.Current;

    private static LifecycleConfiguration SampleConfiguration => LifecycleConfiguration.Of(
        new LifecycleRule
        {
            Id = "logs",
            Filter = new LifecycleFilter { Prefix = "logs/" },
            Expiration = new LifecycleExpiration { Days = 30 },
            Transitions = ValueList.Of(new LifecycleTransition { Days = 7, StorageClass = StorageClasses.StandardIA }),
        });

    [Test]
    public async Task ListBucketsAsync_CreatedBuckets_AreListed()
    {
        var first = await Server.Buckets.CreateAsync("list");
        var second = await Server.Buckets.CreateAsync("list");
        using var gateway = Server.CreateGateway();

        var names = await gateway.ListBucketsAsync();

        names.Should().Contain([first, second]).And.BeInAscendingOrder(StringComparer.Ordinal);
    }

    [Test]
    public async Task LifecycleCalls_PutGetDelete_RoundTrip()
    {
        var bucket = await Server.Buckets.CreateAsync("crud");
        using var gateway = Server.CreateGateway();

        await gateway.PutLifecycleAsync(bucket, SampleConfiguration);
        var stored = await gateway.GetLifecycleAsync(bucket);
        await gateway.DeleteLifecycleAsync(bucket);
        var afterDelete = await gateway.GetLifecycleAsync(bucket);

        stored.Should().NotBeNull();
        stored!.Rules.Select(r => r.Fingerprint).Should().Equal(SampleConfiguration.Rules.Select(r => r.Fingerprint));
        afterDelete.Should().BeNull();
    }

    [Test]
    public async Task GetLifecycleAsync_BucketWithoutLifecycle_ReturnsNull()
    {
        var bucket = await Server.Buckets.CreateAsync("bare");
        using var gateway = Server.CreateGateway();

        var configuration = await gateway.GetLifecycleAsync(bucket);

        configuration.Should().BeNull();
    }

    [Test]
    public async Task GetLifecycleAsync_UnknownBucket_ThrowsNoSuchBucket()
    {
        using var gateway = Server.CreateGateway();
        var bucket = Server.Buckets.NewName("absent");

        var act = () => gateway.GetLifecycleAsync(bucket);

        (await act.Should().ThrowAsync<S3GatewayException>()).Which.Kind.Should().Be(S3ErrorKind.NoSuchBucket);
    }

    [Test]
    public async Task PutLifecycleAsync_UnknownBucket_ThrowsNoSuchBucket()
    {
        using var gateway = Server.CreateGateway();
        var bucket = Server.Buckets.NewName("absent");

        var act = () => gateway.PutLifecycleAsync(bucket, SampleConfiguration);

        (await act.Should().ThrowAsync<S3GatewayException>()).Which.Kind.Should().Be(S3ErrorKind.NoSuchBucket);
    }

    [Test]
    public async Task LifecycleCalls_OtherUser_ThrowAccessDenied()
    {
        var bucket = await Server.Buckets.CreateAsync("denied");
        using var owner = Server.CreateGateway();
        await owner.PutLifecycleAsync(bucket, SampleConfiguration);
        using var other = Server.CreateGateway(other: true);

        var get = () => other.GetLifecycleAsync(bucket);
        var put = () => other.PutLifecycleAsync(bucket, SampleConfiguration);
        var delete = () => other.DeleteLifecycleAsync(bucket);

        (await get.Should().ThrowAsync<S3GatewayException>()).Which.Kind.Should().Be(S3ErrorKind.AccessDenied);
        (await put.Should().ThrowAsync<S3GatewayException>()).Which.Kind.Should().Be(S3ErrorKind.AccessDenied);
        (await delete.Should().ThrowAsync<S3GatewayException>()).Which.Kind.Should().Be(S3ErrorKind.AccessDenied);
        (await owner.GetLifecycleAsync(bucket)).Should().NotBeNull();
    }

    [Test]
    public async Task ListBucketsAsync_OtherUser_DoesNotSeeTheMainUsersBuckets()
    {
        var bucket = await Server.Buckets.CreateAsync("owned");
        using var other = Server.CreateGateway(other: true);

        var names = await other.ListBucketsAsync();

        names.Should().NotContain(bucket);
    }

    [Test]
    public async Task GetLifecycleAsync_PrefixAndTagKeptOutsideAnd_IsRead()
    {
        var bucket = await Server.Buckets.CreateAsync("prefix-tag");
        using var gateway = Server.CreateGateway();
        var sent = LifecycleConfiguration.Of(new LifecycleRule
        {
            Id = "tagged",
            Filter = new LifecycleFilter { And = new LifecycleAndOperator { Prefix = "logs/", Tags = ValueList.Of(new LifecycleTag("k", "v")) } },
            Expiration = new LifecycleExpiration { Days = 3 },
        });
        await gateway.PutLifecycleAsync(bucket, sent);

        var stored = await gateway.GetLifecycleAsync(bucket);

        stored!.Fingerprint.Should().Be(sent.Fingerprint);
    }
}

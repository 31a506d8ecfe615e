using System.Text;
using LakeCircle.Core.Gateways;
using LakeCircle.Core.Model;

namespace LakeCircle.IntegrationTests.Gateways;

/// <summary>
/// What the server does with <c>x-amz-expected-bucket-owner</c>, which the gateway sends on every bucket call: AWS
/// answers 403 AccessDenied when the bucket belongs to another account; Ceph 16.2 radosgw ignores the header. The
/// endpoint store's object calls never send it (the endpoint bucket may belong to another account).
/// </summary>
public sealed class ExpectedBucketOwnerTests
{
    private static S3TestServer Server => S3TestServer.Current;

    [Test]
    public async Task BucketCalls_ExpectedOwnerOfAnyAccount_AreServedAsIfTheHeaderWereAbsent()
    {
        var bucket = await Server.Buckets.CreateAsync("owner");
        var options = Server.Options();
        options.ExpectedBucketOwner = "999999999999";
        using var gateway = new AwsS3Gateway(Server.CreateClient(), options, ownsClient: true);
        using var store = Server.CreateStore(bucket);
        var configuration = LifecycleConfiguration.Of(
            new LifecycleRule { Id = "owner", Filter = new LifecycleFilter { Prefix = "o/" }, Expiration = new LifecycleExpiration { Days = 5 } });

        await gateway.PutLifecycleAsync(bucket, configuration);
        var stored = await gateway.GetLifecycleAsync(bucket);
        var created = await store.CreateExclusiveAsync("probe.txt", Encoding.UTF8.GetBytes("probe"));
        var content = await store.TryReadAsync("probe.txt");
        var keys = await store.ListAsync("");
        await store.DeleteAsync("probe.txt");
        await gateway.DeleteLifecycleAsync(bucket);

        stored!.Fingerprint.Should().Be(configuration.Fingerprint);
        created.Should().BeTrue();
        Encoding.UTF8.GetString(content!).Should().Be("probe");
        keys.Should().Equal("probe.txt");
        (await store.TryReadAsync("probe.txt")).Should().BeNull();
        (await gateway.GetLifecycleAsync(bucket)).Should().BeNull();
    }
}

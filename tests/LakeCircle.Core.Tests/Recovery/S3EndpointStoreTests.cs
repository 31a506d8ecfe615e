using LakeCircle.Core.Gateways;
using LakeCircle.Core.Recovery;
using NSubstitute;
using NSubstitute.ExceptionExtensions;

namespace LakeCircle.Core.Tests.Recovery;

public sealed class S3EndpointStoreTests
{
    [Test]
    public async Task WriteAsync_Key_StoresTheObjectUnderThePrefix()
    {
        var gateway = new InMemoryS3Gateway().AddBucket("state");
        var store = new S3EndpointStore(gateway, "state", "team/prod");

        await store.WriteAsync("previous/logs.json", "x"u8.ToArray());

        (await gateway.ListObjectsAsync("state", "")).Should().Equal("team/prod/previous/logs.json");
        store.Location.Should().Be(EndpointLocation.S3("state", "team/prod/"));
    }

    [Test]
    public async Task ListAsync_ObjectsOutsideThePrefix_AreLeftOut()
    {
        var gateway = new InMemoryS3Gateway()
            .SetObject("state", "team/prod/log/a.json", "a"u8)
            .SetObject("state", "team/production/log/b.json", "b"u8)
            .SetObject("state", "other/log/c.json", "c"u8);
        var store = new S3EndpointStore(gateway, "state", "team/prod/");

        (await store.ListAsync("")).Should().Equal("log/a.json");
    }

    [Test]
    public async Task CreateExclusiveAsync_ConcurrentConditionalWrite_ReturnsFalse()
    {
        var gateway = Substitute.For<IS3Gateway>();
        gateway.PutObjectAsync("state", "lock.json", Arg.Any<ReadOnlyMemory<byte>>(), true, Arg.Any<CancellationToken>())
            .ThrowsAsync(new S3GatewayException(S3ErrorKind.Other, "PutObject", "state", "conflict", 409, "ConditionalRequestConflict", "lock.json"));
        var store = new S3EndpointStore(gateway, "state", "");

        (await store.CreateExclusiveAsync("lock.json", "x"u8.ToArray())).Should().BeFalse();
    }

    [Test]
    public async Task CreateExclusiveAsync_OtherFailure_Throws()
    {
        var gateway = Substitute.For<IS3Gateway>();
        gateway.PutObjectAsync("state", "lock.json", Arg.Any<ReadOnlyMemory<byte>>(), true, Arg.Any<CancellationToken>())
            .ThrowsAsync(new S3GatewayException(S3ErrorKind.AccessDenied, "PutObject", "state", "denied", 403, "AccessDenied", "lock.json"));
        var store = new S3EndpointStore(gateway, "state", "");

        var act = () => store.CreateExclusiveAsync("lock.json", "x"u8.ToArray());

        (await act.Should().ThrowAsync<S3GatewayException>()).Which.Kind.Should().Be(S3ErrorKind.AccessDenied);
    }

    [Test]
    public async Task TryReadAsync_MissingBucket_Throws()
    {
        var store = new S3EndpointStore(new InMemoryS3Gateway(), "absent-bucket", "");

        var act = () => store.TryReadAsync("lock.json");

        (await act.Should().ThrowAsync<S3GatewayException>()).Which.Kind.Should().Be(S3ErrorKind.NoSuchBucket);
    }

    [Test]
    public void For_Locations_ChoosesTheStoreKind()
    {
        var gateway = new InMemoryS3Gateway();

        EndpointStore.For(EndpointLocation.S3("state", "p"), gateway).Should().BeOfType<S3EndpointStore>()
            .Which.Location.Should().Be(EndpointLocation.S3("state", "p/"));
        EndpointStore.For(EndpointLocation.Local(Path.GetTempPath())).Should().BeOfType<LocalEndpointStore>();
        var act = () => EndpointStore.For(EndpointLocation.S3("state"));
        act.Should().Throw<ArgumentNullException>();
    }
}

using LakeCircle.Core.Gateways;
using LakeCircle.Core.Recovery;
using NSubstitute;

namespace LakeCircle.Core.Tests.Recovery;

/// <summary>
/// A conditional create whose first attempt reached the server but whose answer was lost: the SDK's retry then meets
/// the run's own lock object and is answered 412. The run holds the lock all the same.
/// </summary>
public sealed class RunLockRetryTests
{
    [Test]
    public async Task AcquireAsync_RetriedCreateMeetsItsOwnObject_AcquiresAndCanRelease()
    {
        var inner = new InMemoryS3Gateway().AddBucket("state");
        var gateway = Substitute.For<IS3Gateway>();
        gateway.GetObjectAsync(default!, default!, default).ReturnsForAnyArgs(c => inner.GetObjectAsync(c.ArgAt<string>(0), c.ArgAt<string>(1)));
        gateway.DeleteObjectAsync(default!, default!, default).ReturnsForAnyArgs(c => inner.DeleteObjectAsync(c.ArgAt<string>(0), c.ArgAt<string>(1)));
        gateway.PutObjectAsync(default!, default!, default, default, default).ReturnsForAnyArgs(async c =>
        {
            await inner.PutObjectAsync(c.ArgAt<string>(0), c.ArgAt<string>(1), c.ArgAt<ReadOnlyMemory<byte>>(2), c.ArgAt<bool>(3));
            if (c.ArgAt<bool>(3))
            {
                throw new S3GatewayException(S3ErrorKind.PreconditionFailed, S3Operations.PutObject, "state", "PreconditionFailed", 412, "PreconditionFailed");
            }
        });
        var runLock = new RunLock(new S3EndpointStore(gateway, "state", "prod/"), new ManualTime(), owner: "ana@build-1:42");

        var attempt = await runLock.AcquireAsync("run-a");

        attempt.Acquired.Should().BeTrue(attempt.Message);
        attempt.Holder!.RunId.Should().Be("run-a");
        (await runLock.ReleaseAsync(attempt.Holder)).Should().BeTrue();
        (await runLock.ReadAsync()).Should().BeNull();
    }
}

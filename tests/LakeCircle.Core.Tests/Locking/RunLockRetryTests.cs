using LakeCircle.Core.Archive;
using LakeCircle.Core.Gateways;
using LakeCircle.Core.Locking;
using LakeCircle.Core.Sync;
using LakeCircle.Core.Tests.Support;

namespace LakeCircle.Core.Tests.Locking;

/// <summary>
/// A conditional create whose first attempt reached the server but whose answer was lost: the SDK's retry then meets
/// the run's own lock object and is answered 412. The run holds the lock all the same.
/// </summary>
public sealed class RunLockRetryTests
{
    [Test]
    public async Task AcquireAsync_RetriedCreateMeetsItsOwnObject_AcquiresAndCanRelease()
    {
        var s3 = new S3ObjectStub("state")
        {
            // The create reached the server; its answer was lost, and the SDK's retry met the object: 412.
            AfterPut = r => r.IfNoneMatch == "*" ? S3ObjectStub.Error("PreconditionFailed", "PreconditionFailed", System.Net.HttpStatusCode.PreconditionFailed) : null,
        };
        var runLock = new RunLock(new S3EndpointStore(s3.Client, "state", "prod/"), new ManualTime(), owner: "ana@build-1:42");

        var attempt = await runLock.AcquireAsync("run-a");

        attempt.Acquired.Should().BeTrue(attempt.Message);
        attempt.Holder!.RunId.Should().Be("run-a");
        (await runLock.ReleaseAsync(attempt.Holder)).Should().BeTrue();
        (await runLock.ReadAsync()).Should().BeNull();
    }
}

using LakeCircle.Core.Archive;
using LakeCircle.Core.Gateways;
using LakeCircle.Core.Locking;
using LakeCircle.Core.Model;
using LakeCircle.Core.Sync;
using LakeCircle.Core.Tests.Support;
using NSubstitute;
using NSubstitute.ExceptionExtensions;

namespace LakeCircle.Core.Tests.Archive;

public sealed class ConfigurationArchiveFailureTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 14, 9, 15, 0, TimeSpan.Zero);
    private static readonly LifecycleConfiguration Old = LifecycleConfiguration.Of(
        new LifecycleRule { Id = "r", Filter = LifecycleFilter.MatchAll, Expiration = new LifecycleExpiration { Days = 7 } });

    private static IEndpointStore FailingStore(string failingFolder, Exception failure)
    {
        var store = Substitute.For<IEndpointStore>();
        store.Describe(Arg.Any<string>()).Returns(c => "s3://state/" + c.Arg<string>());
        store.Location.Returns(EndpointLocation.S3("state"));
        store.WriteAsync(Arg.Is<string>(k => k.StartsWith(failingFolder, StringComparison.Ordinal)), Arg.Any<ReadOnlyMemory<byte>>(), Arg.Any<CancellationToken>())
            .ThrowsAsync(failure);
        return store;
    }

    [Test]
    public async Task SavePreviousAsync_HistoryWriteFails_ThrowsAndWritesNoPrevious()
    {
        var store = FailingStore("history/", new S3GatewayException(S3ErrorKind.AccessDenied, "PutObject", "state", "Access Denied", 403, "AccessDenied"));
        var archive = new ConfigurationArchive(store);

        var act = () => archive.SavePreviousAsync("acme-logs", Old, At);

        var error = (await act.Should().ThrowAsync<IOException>()).Which;
        error.Message.Should().Contain("acme-logs").And.Contain("s3://state/history/acme-logs/20260314T091500.000Z.json").And.Contain("Access Denied");
        error.InnerException.Should().BeOfType<S3GatewayException>();
        await store.DidNotReceive().WriteAsync(
            Arg.Is<string>(k => k.StartsWith("previous/", StringComparison.Ordinal)), Arg.Any<ReadOnlyMemory<byte>>(), Arg.Any<CancellationToken>());
    }

    [Test]
    public async Task SavePreviousAsync_PreviousWriteFails_Throws()
    {
        var store = FailingStore("previous/", new IOException("disk full"));
        var archive = new ConfigurationArchive(store);

        var act = () => archive.SavePreviousAsync("acme-logs", Old, At);

        (await act.Should().ThrowAsync<IOException>()).Which.Message.Should().Contain("previous/acme-logs.json").And.Contain("disk full");
        await store.Received(1).WriteAsync(
            "history/acme-logs/20260314T091500.000Z.json", Arg.Any<ReadOnlyMemory<byte>>(), Arg.Any<CancellationToken>());
    }

    [Test]
    public async Task SavePreviousAsync_Cancelled_ThrowsCancellationUnwrapped()
    {
        var store = FailingStore("history/", new OperationCanceledException());
        var archive = new ConfigurationArchive(store);

        var act = () => archive.SavePreviousAsync("acme-logs", Old, At);

        await act.Should().ThrowAsync<OperationCanceledException>();
    }

    [Test]
    public async Task SavePreviousAsync_OverS3_StoresObjectsUnderTheEndpointPrefix()
    {
        var s3 = new S3ObjectStub("state");
        var archive = new ConfigurationArchive(new S3EndpointStore(s3.Client, "state", "lakecircle/"));

        await archive.SavePreviousAsync("acme-logs", Old, At);

        s3.Keys("state").Should().Equal(
            "lakecircle/history/acme-logs/20260314T091500.000Z.json", "lakecircle/previous/acme-logs.json");
        (await archive.ReadPreviousAsync("acme-logs"))!.Configuration.Should().Be(Old);
    }
}

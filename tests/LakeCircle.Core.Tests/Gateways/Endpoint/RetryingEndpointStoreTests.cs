using LakeCircle.Core.Archive;
using LakeCircle.Core.Gateways;
using LakeCircle.Core.Gateways.Retries;
using LakeCircle.Core.Locking;
using LakeCircle.Core.Sync;
using LakeCircle.Core.Tests.Support;
using Microsoft.Extensions.Logging;
using NSubstitute;
using NSubstitute.ExceptionExtensions;

namespace LakeCircle.Core.Tests.Gateways;

[TestFixture]
internal sealed class RetryingEndpointStoreTests
{
    private readonly List<TimeSpan> _waits = [];

    [SetUp]
    public void ClearWaits() => _waits.Clear();

    [TestCase(503, 2)]
    [TestCase(429, 2)]
    [TestCase(500, 1)]
    [TestCase(0, 1)]
    public async Task CreateExclusiveAsync_RetriedOnlyWhenRefusedOutright(int status, int expectedCalls)
    {
        var inner = Inner();
        inner.CreateExclusiveAsync("lock.json", Arg.Any<ReadOnlyMemory<byte>>(), Arg.Any<CancellationToken>())
            .Returns(_ => throw Transient(status), _ => Task.FromResult(true));
        var store = Create(inner);

        var act = () => store.CreateExclusiveAsync("lock.json", new byte[] { 1 });

        if (expectedCalls == 2)
        {
            (await act()).Should().BeTrue();
        }
        else
        {
            await act.Should().ThrowAsync<S3GatewayException>();
        }

        await inner.Received(expectedCalls).CreateExclusiveAsync("lock.json", Arg.Any<ReadOnlyMemory<byte>>(), Arg.Any<CancellationToken>());
    }

    [Test]
    public async Task CreateExclusiveAsync_LostRace_ReturnsFalseWithoutRetry()
    {
        var inner = Inner();
        inner.CreateExclusiveAsync("lock.json", Arg.Any<ReadOnlyMemory<byte>>(), Arg.Any<CancellationToken>()).Returns(false);
        var store = Create(inner);

        (await store.CreateExclusiveAsync("lock.json", new byte[] { 1 })).Should().BeFalse();
        store.Retries.Should().Be(0);
    }

    [Test]
    public async Task TryReadAsync_AttemptOutlivesTimeout_CountsAsTransientAndRetries()
    {
        var inner = Inner();
        inner.TryReadAsync("k", Arg.Any<CancellationToken>()).Returns<Task<byte[]?>>(
            async call =>
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, call.Arg<CancellationToken>());
                return [];
            },
            _ => Task.FromResult<byte[]?>([7]));
        var store = Create(inner, attemptTimeout: TimeSpan.FromMilliseconds(20));

        var result = await store.TryReadAsync("k");

        result.Should().Equal(7);
        store.Retries.Should().Be(1);
    }

    [Test]
    public async Task AttemptOutlivesTimeout_EveryTime_FailsNamingTheObjectKey()
    {
        var inner = Inner();
        inner.DeleteAsync("k", Arg.Any<CancellationToken>()).Returns(call => Task.Delay(Timeout.InfiniteTimeSpan, call.Arg<CancellationToken>()));
        var store = Create(inner, maxAttempts: 2, attemptTimeout: TimeSpan.FromMilliseconds(10));

        var e = (await FluentActions.Awaiting(() => store.DeleteAsync("k")).Should().ThrowAsync<S3GatewayException>()).Which;

        e.Should().BeEquivalentTo(new { Kind = S3ErrorKind.Transient, Operation = S3Operations.DeleteObject, Bucket = "state", Key = "prod/k" });
        store.CallsGivenUp.Should().Be(1);
    }

    [Test]
    public async Task WriteListDelete_TransientThenSuccess_RetryEach()
    {
        var inner = Inner();
        inner.WriteAsync("k", Arg.Any<ReadOnlyMemory<byte>>(), Arg.Any<CancellationToken>()).Returns(_ => throw Transient(500), _ => Task.CompletedTask);
        inner.ListAsync("", Arg.Any<CancellationToken>()).Returns(_ => throw Transient(503), _ => Task.FromResult<IReadOnlyList<string>>(["k"]));
        inner.DeleteAsync("k", Arg.Any<CancellationToken>()).Returns(_ => throw Transient(0), _ => Task.CompletedTask);
        var store = Create(inner);

        await store.WriteAsync("k", new byte[] { 1 });
        (await store.ListAsync("")).Should().Equal("k");
        await store.DeleteAsync("k");

        store.Retries.Should().Be(3);
        _waits.Should().HaveCount(3);
    }

    [TestCase(S3ErrorKind.AccessDenied)]
    [TestCase(S3ErrorKind.NoSuchBucket)]
    [TestCase(S3ErrorKind.Other)]
    public async Task WriteAsync_NotTransient_FailsAtOnce(S3ErrorKind kind)
    {
        var inner = Inner();
        inner.WriteAsync("k", Arg.Any<ReadOnlyMemory<byte>>(), Arg.Any<CancellationToken>())
            .ThrowsAsync(new S3GatewayException(kind, S3Operations.PutObject, "state", "no", key: "prod/k"));
        var store = Create(inner);

        (await FluentActions.Awaiting(() => store.WriteAsync("k", new byte[] { 1 })).Should().ThrowAsync<S3GatewayException>()).Which.Kind.Should().Be(kind);
        await inner.Received(1).WriteAsync("k", Arg.Any<ReadOnlyMemory<byte>>(), Arg.Any<CancellationToken>());
    }

    [Test]
    public async Task ListAsync_CallerCancelsDuringTheWait_StopsWithoutAnotherAttempt()
    {
        using var cancellation = new CancellationTokenSource();
        var inner = Inner();
        inner.ListAsync("", Arg.Any<CancellationToken>()).ThrowsAsync(Transient(503));
        var store = new RetryingEndpointStore(inner, new S3RetryOptions { MaxAttempts = 5 }, null, () => 0.5, (_, token) =>
        {
            cancellation.Cancel();
            return Task.FromCanceled(token);
        });

        await FluentActions.Awaiting(() => store.ListAsync("", cancellation.Token)).Should().ThrowAsync<OperationCanceledException>();
        await inner.Received(1).ListAsync("", Arg.Any<CancellationToken>());
    }

    [Test]
    public async Task TryReadAsync_Retried_LogsEachRetryAsAWarningAndTheGivingUp()
    {
        var inner = Inner();
        inner.TryReadAsync("k", Arg.Any<CancellationToken>()).ThrowsAsync(Transient(503));
        var logger = new RecordingLogger();
        var store = new RetryingEndpointStore(inner, new S3RetryOptions { MaxAttempts = 3 }, logger, () => 0.5, (_, _) => Task.CompletedTask);

        await FluentActions.Awaiting(() => store.TryReadAsync("k")).Should().ThrowAsync<S3GatewayException>();

        logger.Events.Select(e => e.Level).Should().Equal(LogLevel.Warning, LogLevel.Warning, LogLevel.Warning);
        logger.Events[0].Message.Should().Contain(S3Operations.GetObject).And.Contain("attempt 1 of 3").And.Contain("busy");
        logger.Events[2].Message.Should().Contain("failed after 3 attempts");
    }

    [Test]
    public void LocationAndDescribe_ComeFromTheInnerStore()
    {
        var inner = Inner();
        inner.Describe("k").Returns("s3://state/prod/k");
        var store = Create(inner);

        store.Location.Should().Be(EndpointLocation.S3("state", "prod/"));
        store.Describe("k").Should().Be("s3://state/prod/k");
        store.Inner.Should().BeSameAs(inner);
    }

    [Test]
    public void Backoff_FullJitterOverCappedExponential_StaysWithinTheCeiling()
    {
        var options = new S3RetryOptions { BaseDelay = TimeSpan.FromMilliseconds(100), MaxDelay = TimeSpan.FromMilliseconds(1000) };
        var top = new RetryingEndpointStore(Inner(), options, null, () => 0.999999, (_, _) => Task.CompletedTask);

        top.Backoff(1).TotalMilliseconds.Should().BeApproximately(100, 0.01);
        top.Backoff(3).TotalMilliseconds.Should().BeApproximately(400, 0.01);
        top.Backoff(1000).TotalMilliseconds.Should().BeApproximately(1000, 0.01);
    }

    [Test]
    public void Constructor_MaxAttemptsBelowOne_Throws()
    {
        var act = () => new RetryingEndpointStore(Inner(), new S3RetryOptions { MaxAttempts = 0 });

        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    private static IEndpointStore Inner()
    {
        var inner = Substitute.For<IEndpointStore>();
        inner.Location.Returns(EndpointLocation.S3("state", "prod/"));
        return inner;
    }

    private static S3GatewayException Transient(int status) =>
        new(S3ErrorKind.Transient, S3Operations.PutObject, "state", "busy", status, status == 503 ? "SlowDown" : null);

    private RetryingEndpointStore Create(IEndpointStore inner, int maxAttempts = 4, TimeSpan? attemptTimeout = null) =>
        new(inner, new S3RetryOptions { MaxAttempts = maxAttempts, AttemptTimeout = attemptTimeout ?? TimeSpan.FromSeconds(30) }, null, () => 0.5, (wait, _) =>
        {
            _waits.Add(wait);
            return Task.CompletedTask;
        });
}

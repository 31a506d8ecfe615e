using LakeCircle.Core.Gateways;
using LakeCircle.Core.Gateways.Retries;
using LakeCircle.Core.Model;
using LakeCircle.Core.Tests.Support;
using Microsoft.Extensions.Logging;
using NSubstitute;
using NSubstitute.ExceptionExtensions;

namespace LakeCircle.Core.Tests.Gateways.Retries;

[TestFixture]
internal sealed class RetryingS3GatewayTests
{
    private static readonly LifecycleConfiguration Configuration = new()
    {
        Rules = ValueList.Of(new LifecycleRule { Id = "r", Status = RuleStatus.Enabled, Expiration = new LifecycleExpiration { Days = 1 } }),
    };

    private readonly List<TimeSpan> _waits = [];

    [SetUp]
    public void ClearWaits() => _waits.Clear();

    [Test]
    public async Task GetLifecycleAsync_TransientThenSuccess_RetriesAndReturns()
    {
        var inner = Substitute.For<IS3Gateway>();
        inner.GetLifecycleAsync("b", Arg.Any<CancellationToken>())
            .Returns(_ => throw Transient(503), _ => throw Transient(500), _ => Task.FromResult<LifecycleConfiguration?>(Configuration));
        var gateway = Create(inner);

        var result = await gateway.GetLifecycleAsync("b");

        result.Should().BeSameAs(Configuration);
        gateway.Retries.Should().Be(2);
        _waits.Should().HaveCount(2);
    }

    [Test]
    public async Task PutLifecycleAsync_AlwaysTransient_GivesUpAfterMaxAttempts()
    {
        var inner = Substitute.For<IS3Gateway>();
        inner.PutLifecycleAsync("b", Configuration, Arg.Any<CancellationToken>()).ThrowsAsync(Transient(503));
        var gateway = Create(inner, maxAttempts: 3);

        var act = () => gateway.PutLifecycleAsync("b", Configuration);

        (await act.Should().ThrowAsync<S3GatewayException>()).Which.StatusCode.Should().Be(503);
        await inner.Received(3).PutLifecycleAsync("b", Configuration, Arg.Any<CancellationToken>());
        gateway.CallsGivenUp.Should().Be(1);
    }

    [TestCase(S3ErrorKind.AccessDenied)]
    [TestCase(S3ErrorKind.NoSuchBucket)]
    [TestCase(S3ErrorKind.InvalidRequest)]
    [TestCase(S3ErrorKind.Other)]
    public async Task DeleteLifecycleAsync_NotTransient_FailsAtOnce(S3ErrorKind kind)
    {
        var inner = Substitute.For<IS3Gateway>();
        inner.DeleteLifecycleAsync("b", Arg.Any<CancellationToken>())
            .ThrowsAsync(new S3GatewayException(kind, S3Operations.DeleteBucketLifecycle, "b", "no"));
        var gateway = Create(inner);

        var act = () => gateway.DeleteLifecycleAsync("b");

        (await act.Should().ThrowAsync<S3GatewayException>()).Which.Kind.Should().Be(kind);
        await inner.Received(1).DeleteLifecycleAsync("b", Arg.Any<CancellationToken>());
        gateway.Retries.Should().Be(0);
    }

    [Test]
    public async Task GetLifecycleAsync_AttemptOutlivesTimeout_CountsAsTransientAndRetries()
    {
        var inner = Substitute.For<IS3Gateway>();
        inner.GetLifecycleAsync("b", Arg.Any<CancellationToken>()).Returns(
            async call =>
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, call.Arg<CancellationToken>());
                return null;
            },
            _ => Task.FromResult<LifecycleConfiguration?>(Configuration));
        var gateway = Create(inner, attemptTimeout: TimeSpan.FromMilliseconds(20));

        var result = await gateway.GetLifecycleAsync("b");

        result.Should().BeSameAs(Configuration);
        gateway.Retries.Should().Be(1);
    }

    [Test]
    public async Task RegionalListing_PassesThroughAndIsRetried()
    {
        var inner = Substitute.For<IS3Gateway, IRegionalListing>();
        var regional = (IRegionalListing)inner;
        IReadOnlyList<ListedBucket> listed = [new ListedBucket("a", "eu-west-1")];
        regional.ListBucketsWithRegionsAsync(Arg.Any<CancellationToken>()).Returns(_ => throw Transient(503), _ => Task.FromResult(listed));
        regional.GetBucketRegionAsync("a", Arg.Any<CancellationToken>()).Returns(_ => throw Transient(503), _ => Task.FromResult<string?>("eu-west-1"));
        var gateway = new RetryingS3Gateway(inner, new S3RetryOptions { MaxAttempts = 3 }, null, () => 0.5, (_, _) => Task.CompletedTask);

        (await gateway.ListBucketsWithRegionsAsync()).Should().Equal(listed);
        (await gateway.GetBucketRegionAsync("a")).Should().Be("eu-west-1");

        gateway.Retries.Should().Be(2);
        await inner.DidNotReceive().ListBucketsAsync(Arg.Any<CancellationToken>());
    }

    [Test]
    public async Task RegionalListing_GatewayWithoutRegions_ListsNamesAndAsksNothing()
    {
        var inner = Substitute.For<IS3Gateway>();
        inner.ListBucketsAsync(Arg.Any<CancellationToken>()).Returns(Task.FromResult<IReadOnlyList<string>>(["a", "b"]));
        var gateway = new RetryingS3Gateway(inner, new S3RetryOptions { MaxAttempts = 3 }, null, () => 0.5, (_, _) => Task.CompletedTask);

        (await gateway.ListBucketsWithRegionsAsync()).Should().Equal(new ListedBucket("a", null), new ListedBucket("b", null));
        (await gateway.GetBucketRegionAsync("a")).Should().BeNull();
    }

    [Test]
    public async Task PutLifecycleAsync_Retried_LogsEachRetryAsAWarning()
    {
        var inner = Substitute.For<IS3Gateway>();
        inner.PutLifecycleAsync("b", Configuration, Arg.Any<CancellationToken>()).Returns(_ => throw Transient(503), _ => throw Transient(503), _ => Task.CompletedTask);
        var logger = new RecordingLogger();
        var gateway = new RetryingS3Gateway(inner, new S3RetryOptions { MaxAttempts = 4 }, logger, () => 0.5, (_, _) => Task.CompletedTask);

        await gateway.PutLifecycleAsync("b", Configuration);

        logger.Events.Should().HaveCount(2).And.OnlyContain(e => e.Level == LogLevel.Warning);
        logger.Events[0].Message.Should().Contain(S3Operations.PutBucketLifecycleConfiguration).And.Contain("attempt 1 of 4").And.Contain("busy");
    }

    [Test]
    public async Task ListBucketsAsync_CallerCancelsDuringTheWait_StopsWithoutAnotherAttempt()
    {
        using var cancellation = new CancellationTokenSource();
        var inner = Substitute.For<IS3Gateway>();
        inner.ListBucketsAsync(Arg.Any<CancellationToken>()).ThrowsAsync(Transient(503));
        var gateway = new RetryingS3Gateway(inner, new S3RetryOptions { MaxAttempts = 5 }, null, () => 0.5, (_, token) =>
        {
            cancellation.Cancel();
            return Task.FromCanceled(token);
        });

        var act = () => gateway.ListBucketsAsync(cancellation.Token);

        await act.Should().ThrowAsync<OperationCanceledException>();
        await inner.Received(1).ListBucketsAsync(Arg.Any<CancellationToken>());
    }

    [Test]
    public void Backoff_FullJitterOverCappedExponential_StaysWithinTheCeiling()
    {
        var options = new S3RetryOptions { BaseDelay = TimeSpan.FromMilliseconds(100), MaxDelay = TimeSpan.FromMilliseconds(1000) };
        var top = new RetryingS3Gateway(Substitute.For<IS3Gateway>(), options, null, () => 0.999999, (_, _) => Task.CompletedTask);
        var bottom = new RetryingS3Gateway(Substitute.For<IS3Gateway>(), options, null, () => 0, (_, _) => Task.CompletedTask);

        top.Backoff(1).TotalMilliseconds.Should().BeApproximately(100, 0.01);
        top.Backoff(3).TotalMilliseconds.Should().BeApproximately(400, 0.01);
        top.Backoff(10).TotalMilliseconds.Should().BeApproximately(1000, 0.01);
        top.Backoff(1000).TotalMilliseconds.Should().BeApproximately(1000, 0.01);
        bottom.Backoff(5).Should().Be(TimeSpan.Zero);
    }

    [TestCase(0)]
    [TestCase(-1)]
    public void Constructor_MaxAttemptsBelowOne_Throws(int attempts)
    {
        var act = () => new RetryingS3Gateway(Substitute.For<IS3Gateway>(), new S3RetryOptions { MaxAttempts = attempts });

        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    private static S3GatewayException Transient(int status) =>
        new(S3ErrorKind.Transient, S3Operations.GetBucketLifecycleConfiguration, "b", "busy", status, status == 503 ? "SlowDown" : null);

    private RetryingS3Gateway Create(IS3Gateway inner, int maxAttempts = 4, TimeSpan? attemptTimeout = null) =>
        new(inner, new S3RetryOptions { MaxAttempts = maxAttempts, AttemptTimeout = attemptTimeout ?? TimeSpan.FromSeconds(30) }, null, () => 0.5, (wait, _) =>
        {
            _waits.Add(wait);
            return Task.CompletedTask;
        });
}

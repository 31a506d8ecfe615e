using LakeCircle.Core.Model;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace LakeCircle.Core.Gateways.Retries;

/// <summary>
/// An <see cref="IS3Gateway"/> decorator that retries calls failing with <see cref="S3ErrorKind.Transient"/>, with
/// exponential backoff and full jitter (see <see cref="S3RetryOptions"/>), and abandons an attempt that outlives
/// <see cref="S3RetryOptions.AttemptTimeout"/> as a transient failure. Other failures pass through at once; the caller's
/// cancellation stops both the attempt and the wait. Every call is safe to repeat (lifecycle PUTs and DELETEs replace
/// whole configurations), except an exclusive create, which is retried only when the store refused it outright
/// (HTTP 429 or 503): after a dropped connection the first attempt may have succeeded.
/// </summary>
public sealed class RetryingS3Gateway : IS3Gateway
{
    private readonly IS3Gateway _inner;
    private readonly S3RetryOptions _options;
    private readonly ILogger _logger;
    private readonly Func<double> _random;
    private readonly Func<TimeSpan, CancellationToken, Task> _delay;
    private long _retries;
    private long _gaveUp;

    /// <summary>Creates the decorator.</summary>
    /// <param name="inner">The gateway whose calls are retried.</param>
    /// <param name="options">The policy (copied now), or <see langword="null"/> for the defaults.</param>
    /// <param name="logger">Receives one warning per retry; none by default.</param>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public RetryingS3Gateway(IS3Gateway inner, S3RetryOptions? options = null, ILogger? logger = null)
        : this(inner, options, logger, random: null, delay: null)
    {
    }

    /// <summary>Creates the decorator with an injected random source and delay, so tests neither sleep nor vary.</summary>
    /// <param name="inner">The gateway whose calls are retried.</param>
    /// <param name="options">The policy, or <see langword="null"/> for the defaults.</param>
    /// <param name="logger">The logger, or <see langword="null"/>.</param>
    /// <param name="random">Returns a number in [0, 1) for the jitter; <see cref="Random.Shared"/> by default.</param>
    /// <param name="delay">Waits between attempts; <see cref="Task.Delay(TimeSpan, CancellationToken)"/> by default.</param>
    internal RetryingS3Gateway(
        IS3Gateway inner, S3RetryOptions? options, ILogger? logger, Func<double>? random, Func<TimeSpan, CancellationToken, Task>? delay)
    {
        ArgumentNullException.ThrowIfNull(inner);
        _inner = inner;
        _options = (options ?? new S3RetryOptions()).Validated();
        _logger = logger ?? NullLogger.Instance;
        _random = random ?? Random.Shared.NextDouble;
        _delay = delay ?? Task.Delay;
    }

    /// <summary>How many retries were made so far (attempts beyond the first), over all calls.</summary>
    public long Retries => Interlocked.Read(ref _retries);

    /// <summary>How many calls failed with a transient error on their last allowed attempt.</summary>
    public long CallsGivenUp => Interlocked.Read(ref _gaveUp);

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> ListBucketsAsync(CancellationToken cancellationToken = default) =>
        RunAsync(S3Operations.ListBuckets, null, null, true, t => _inner.ListBucketsAsync(t), cancellationToken);

    /// <inheritdoc />
    public Task<LifecycleConfiguration?> GetLifecycleAsync(string bucket, CancellationToken cancellationToken = default) =>
        RunAsync(S3Operations.GetBucketLifecycleConfiguration, bucket, null, true, t => _inner.GetLifecycleAsync(bucket, t), cancellationToken);

    /// <inheritdoc />
    public Task PutLifecycleAsync(string bucket, LifecycleConfiguration configuration, CancellationToken cancellationToken = default) =>
        RunAsync(S3Operations.PutBucketLifecycleConfiguration, bucket, null, true, async t =>
        {
            await _inner.PutLifecycleAsync(bucket, configuration, t).ConfigureAwait(false);
            return true;
        }, cancellationToken);

    /// <inheritdoc />
    public Task DeleteLifecycleAsync(string bucket, CancellationToken cancellationToken = default) =>
        RunAsync(S3Operations.DeleteBucketLifecycle, bucket, null, true, async t =>
        {
            await _inner.DeleteLifecycleAsync(bucket, t).ConfigureAwait(false);
            return true;
        }, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> ListObjectsAsync(string bucket, string prefix, CancellationToken cancellationToken = default) =>
        RunAsync(S3Operations.ListObjectsV2, bucket, null, true, t => _inner.ListObjectsAsync(bucket, prefix, t), cancellationToken);

    /// <inheritdoc />
    public Task<byte[]> GetObjectAsync(string bucket, string key, CancellationToken cancellationToken = default) =>
        RunAsync(S3Operations.GetObject, bucket, key, true, t => _inner.GetObjectAsync(bucket, key, t), cancellationToken);

    /// <inheritdoc />
    public Task PutObjectAsync(string bucket, string key, ReadOnlyMemory<byte> content, bool ifNoneMatch = false, CancellationToken cancellationToken = default) =>
        RunAsync(S3Operations.PutObject, bucket, key, !ifNoneMatch, async t =>
        {
            await _inner.PutObjectAsync(bucket, key, content, ifNoneMatch, t).ConfigureAwait(false);
            return true;
        }, cancellationToken);

    /// <inheritdoc />
    public Task DeleteObjectAsync(string bucket, string key, CancellationToken cancellationToken = default) =>
        RunAsync(S3Operations.DeleteObject, bucket, key, true, async t =>
        {
            await _inner.DeleteObjectAsync(bucket, key, t).ConfigureAwait(false);
            return true;
        }, cancellationToken);

    /// <summary>The wait before retry <paramref name="retry"/> (1, 2, …): full jitter over the capped exponential backoff.</summary>
    internal TimeSpan Backoff(int retry)
    {
        var ceiling = _options.BaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(retry - 1, 30));
        var capped = Math.Min(ceiling, _options.MaxDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(Math.Clamp(_random(), 0, 1) * capped);
    }

    private async Task<T> RunAsync<T>(
        string operation, string? bucket, string? key, bool repeatable, Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            S3GatewayException failure;
            try
            {
                return await AttemptAsync(operation, bucket, key, call, cancellationToken).ConfigureAwait(false);
            }
            catch (S3GatewayException e) when (e.Kind == S3ErrorKind.Transient && (repeatable || IsOutrightRefusal(e)))
            {
                failure = e;
            }

            if (attempt >= _options.MaxAttempts)
            {
                Interlocked.Increment(ref _gaveUp);
                RetryLog.GaveUp(_logger, operation, attempt, failure.Message);
                throw failure;
            }

            var wait = Backoff(attempt);
            Interlocked.Increment(ref _retries);
            RetryLog.Retrying(_logger, operation, attempt, _options.MaxAttempts, (long)wait.TotalMilliseconds, failure.Message);
            await _delay(wait, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<T> AttemptAsync<T>(
        string operation, string? bucket, string? key, Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        if (_options.AttemptTimeout == Timeout.InfiniteTimeSpan)
        {
            return await call(cancellationToken).ConfigureAwait(false);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.AttemptTimeout);
        try
        {
            return await call(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested && timeout.IsCancellationRequested)
        {
            throw new S3GatewayException(
                S3ErrorKind.Transient, operation, bucket, $"No answer within {_options.AttemptTimeout.TotalSeconds:0.###} s.", key: key, innerException: e);
        }
    }

    private static bool IsOutrightRefusal(S3GatewayException e) => e.StatusCode is 429 or 503;
}

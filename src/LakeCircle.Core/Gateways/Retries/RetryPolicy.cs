using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace LakeCircle.Core.Gateways.Retries;

/// <summary>
/// The retry loop shared by <see cref="RetryingS3Gateway"/> and the endpoint store decorator: retries calls failing with
/// <see cref="S3ErrorKind.Transient"/> with exponential backoff and full jitter (see <see cref="S3RetryOptions"/>),
/// abandons an attempt that outlives <see cref="S3RetryOptions.AttemptTimeout"/> as a transient failure, and lets every
/// other failure through at once. The caller's cancellation stops both the attempt and the wait. A call that is not
/// safe to repeat (an exclusive create) is retried only when the store refused it outright (HTTP 429 or 503). Each
/// retry is logged at Warning (<see cref="Log"/>). Thread-safe.
/// </summary>
internal sealed class RetryPolicy
{
    private readonly S3RetryOptions _options;
    private readonly ILogger _logger;
    private readonly Func<double> _random;
    private readonly Func<TimeSpan, CancellationToken, Task> _delay;
    private long _retries;
    private long _gaveUp;

    /// <summary>Creates the policy.</summary>
    /// <param name="options">The policy (copied now), or <see langword="null"/> for the defaults.</param>
    /// <param name="logger">Receives one warning per retry; none by default.</param>
    /// <param name="random">Returns a number in [0, 1) for the jitter; <see cref="Random.Shared"/> by default.</param>
    /// <param name="delay">Waits between attempts; <see cref="Task.Delay(TimeSpan, CancellationToken)"/> by default.</param>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public RetryPolicy(
        S3RetryOptions? options = null, ILogger? logger = null, Func<double>? random = null, Func<TimeSpan, CancellationToken, Task>? delay = null)
    {
        _options = (options ?? new S3RetryOptions()).Validated();
        _logger = logger ?? NullLogger.Instance;
        _random = random ?? Random.Shared.NextDouble;
        _delay = delay ?? Task.Delay;
    }

    /// <summary>How many retries were made so far (attempts beyond the first), over all calls.</summary>
    public long Retries => Interlocked.Read(ref _retries);

    /// <summary>How many calls failed with a transient error on their last allowed attempt.</summary>
    public long CallsGivenUp => Interlocked.Read(ref _gaveUp);

    /// <summary>The wait before retry <paramref name="retry"/> (1, 2, …): full jitter over the capped exponential backoff.</summary>
    public TimeSpan Backoff(int retry)
    {
        var ceiling = _options.BaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(retry - 1, 30));
        var capped = Math.Min(ceiling, _options.MaxDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(Math.Clamp(_random(), 0, 1) * capped);
    }

    /// <summary>Runs a call under the policy.</summary>
    /// <param name="operation">The S3 operation name (<see cref="S3Operations"/>), for the log and a timed-out attempt's error.</param>
    /// <param name="bucket">The bucket, for a timed-out attempt's error.</param>
    /// <param name="key">The object key, for a timed-out attempt's error.</param>
    /// <param name="repeatable">Whether the call is safe to repeat after any transient failure.</param>
    /// <param name="call">One attempt, given the attempt's token.</param>
    /// <param name="cancellationToken">The caller's token.</param>
    /// <returns>The result of the first successful attempt.</returns>
    public async Task<T> RunAsync<T>(
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
                _logger.GaveUp(operation, attempt, failure.Message);
                throw failure;
            }

            var wait = Backoff(attempt);
            Interlocked.Increment(ref _retries);
            _logger.Retrying(operation, attempt, _options.MaxAttempts, (long)wait.TotalMilliseconds, failure.Message);
            await _delay(wait, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Runs a call without a result under the policy (see <see cref="RunAsync{T}"/>).</summary>
    /// <param name="operation">The S3 operation name.</param>
    /// <param name="bucket">The bucket.</param>
    /// <param name="key">The object key.</param>
    /// <param name="repeatable">Whether the call is safe to repeat after any transient failure.</param>
    /// <param name="call">One attempt, given the attempt's token.</param>
    /// <param name="cancellationToken">The caller's token.</param>
    /// <returns>A task that completes with the first successful attempt.</returns>
    public Task RunAsync(
        string operation, string? bucket, string? key, bool repeatable, Func<CancellationToken, Task> call, CancellationToken cancellationToken) =>
        RunAsync(operation, bucket, key, repeatable, async t =>
        {
            await call(t).ConfigureAwait(false);
            return true;
        }, cancellationToken);

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

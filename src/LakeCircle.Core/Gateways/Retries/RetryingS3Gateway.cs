using LakeCircle.Core.Model;
using Microsoft.Extensions.Logging;

namespace LakeCircle.Core.Gateways.Retries;

/// <summary>
/// An <see cref="IS3Gateway"/> decorator that retries calls failing with <see cref="S3ErrorKind.Transient"/>, with
/// exponential backoff and full jitter (see <see cref="S3RetryOptions"/>), and abandons an attempt that outlives
/// <see cref="S3RetryOptions.AttemptTimeout"/> as a transient failure. Other failures pass through at once; the caller's
/// cancellation stops both the attempt and the wait. Every call is safe to repeat (lifecycle PUTs and DELETEs replace
/// whole configurations). Each retry is logged as a warning. The listing with regions (<see cref="IRegionalListing"/>)
/// and a bucket's region pass through, retried alike.
/// </summary>
internal sealed class RetryingS3Gateway : IS3Gateway, IRegionalListing
{
    private readonly IS3Gateway _inner;
    private readonly RetryPolicy _policy;

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
        _policy = new RetryPolicy(options, logger, random, delay);
    }

    /// <summary>How many retries were made so far (attempts beyond the first), over all calls.</summary>
    public long Retries => _policy.Retries;

    /// <summary>How many calls failed with a transient error on their last allowed attempt.</summary>
    public long CallsGivenUp => _policy.CallsGivenUp;

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> ListBucketsAsync(CancellationToken cancellationToken = default) =>
        _policy.RunAsync(S3Operations.ListBuckets, null, null, true, t => _inner.ListBucketsAsync(t), cancellationToken);

    /// <inheritdoc />
    public Task<LifecycleConfiguration?> GetLifecycleAsync(string bucket, CancellationToken cancellationToken = default) =>
        _policy.RunAsync(S3Operations.GetBucketLifecycleConfiguration, bucket, null, true, t => _inner.GetLifecycleAsync(bucket, t), cancellationToken);

    /// <inheritdoc />
    public Task PutLifecycleAsync(string bucket, LifecycleConfiguration configuration, CancellationToken cancellationToken = default) =>
        _policy.RunAsync(S3Operations.PutBucketLifecycleConfiguration, bucket, null, true, t => _inner.PutLifecycleAsync(bucket, configuration, t), cancellationToken);

    /// <inheritdoc />
    public Task DeleteLifecycleAsync(string bucket, CancellationToken cancellationToken = default) =>
        _policy.RunAsync(S3Operations.DeleteBucketLifecycle, bucket, null, true, t => _inner.DeleteLifecycleAsync(bucket, t), cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<ListedBucket>> ListBucketsWithRegionsAsync(CancellationToken cancellationToken = default) =>
        _policy.RunAsync(S3Operations.ListBuckets, null, null, true, t => _inner.ListWithRegionsAsync(t), cancellationToken);

    /// <inheritdoc />
    public Task<string?> GetBucketRegionAsync(string bucket, CancellationToken cancellationToken = default) =>
        _inner is IRegionalListing regional
            ? _policy.RunAsync(S3Operations.GetBucketLocation, bucket, null, true, t => regional.GetBucketRegionAsync(bucket, t), cancellationToken)
            : Task.FromResult<string?>(null);

    /// <summary>The gateway whose calls are retried.</summary>
    internal IS3Gateway Inner => _inner;

    /// <summary>The wait before retry <paramref name="retry"/> (1, 2, …): full jitter over the capped exponential backoff.</summary>
    internal TimeSpan Backoff(int retry) => _policy.Backoff(retry);
}

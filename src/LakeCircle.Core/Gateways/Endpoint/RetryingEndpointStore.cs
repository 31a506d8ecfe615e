using LakeCircle.Core.Archive;
using LakeCircle.Core.Gateways.Retries;
using LakeCircle.Core.Locking;
using LakeCircle.Core.Sync;
using Microsoft.Extensions.Logging;

namespace LakeCircle.Core.Gateways;

/// <summary>
/// An <see cref="IEndpointStore"/> decorator that retries calls failing with <see cref="S3ErrorKind.Transient"/> under
/// the same policy as <see cref="RetryingS3Gateway"/> (backoff with full jitter, bounded attempts, a timeout on every
/// attempt, the caller's cancellation). Writes, reads, lists and deletes are safe to repeat; an exclusive create is
/// retried only when the store refused it outright (HTTP 429 or 503): after a dropped connection the first attempt may
/// have succeeded. Each retry is logged as a warning.
/// </summary>
internal sealed class RetryingEndpointStore : IEndpointStore
{
    private readonly IEndpointStore _inner;
    private readonly RetryPolicy _policy;

    /// <summary>Creates the decorator.</summary>
    /// <param name="inner">The store whose calls are retried.</param>
    /// <param name="options">The policy (copied now), or <see langword="null"/> for the defaults.</param>
    /// <param name="logger">Receives one warning per retry; none by default.</param>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public RetryingEndpointStore(IEndpointStore inner, S3RetryOptions? options = null, ILogger? logger = null)
        : this(inner, options, logger, random: null, delay: null)
    {
    }

    /// <summary>Creates the decorator with an injected random source and delay, so tests neither sleep nor vary.</summary>
    internal RetryingEndpointStore(
        IEndpointStore inner, S3RetryOptions? options, ILogger? logger, Func<double>? random, Func<TimeSpan, CancellationToken, Task>? delay)
    {
        ArgumentNullException.ThrowIfNull(inner);
        _inner = inner;
        _policy = new RetryPolicy(options, logger, random, delay);
    }

    /// <summary>How many retries were made so far (attempts beyond the first), over all calls.</summary>
    public long Retries => _policy.Retries;

    /// <summary>How many calls failed with a transient error on their last allowed attempt.</summary>
    public long CallsGivenUp => _policy.CallsGivenUp;

    /// <summary>The store whose calls are retried.</summary>
    public IEndpointStore Inner => _inner;

    /// <inheritdoc />
    public EndpointLocation Location => _inner.Location;

    private string? Bucket => _inner.Location.Bucket;

    /// <inheritdoc />
    public Task WriteAsync(string relativeKey, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default) =>
        _policy.RunAsync(S3Operations.PutObject, Bucket, KeyOf(relativeKey), true, t => _inner.WriteAsync(relativeKey, content, t), cancellationToken);

    /// <inheritdoc />
    public Task<byte[]?> TryReadAsync(string relativeKey, CancellationToken cancellationToken = default) =>
        _policy.RunAsync(S3Operations.GetObject, Bucket, KeyOf(relativeKey), true, t => _inner.TryReadAsync(relativeKey, t), cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> ListAsync(string relativePrefix, CancellationToken cancellationToken = default) =>
        _policy.RunAsync(S3Operations.ListObjectsV2, Bucket, null, true, t => _inner.ListAsync(relativePrefix, t), cancellationToken);

    /// <inheritdoc />
    public Task<bool> CreateExclusiveAsync(string relativeKey, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default) =>
        _policy.RunAsync(S3Operations.PutObject, Bucket, KeyOf(relativeKey), false, t => _inner.CreateExclusiveAsync(relativeKey, content, t), cancellationToken);

    /// <inheritdoc />
    public Task DeleteAsync(string relativeKey, CancellationToken cancellationToken = default) =>
        _policy.RunAsync(S3Operations.DeleteObject, Bucket, KeyOf(relativeKey), true, t => _inner.DeleteAsync(relativeKey, t), cancellationToken);

    /// <inheritdoc />
    public string Describe(string relativeKey) => _inner.Describe(relativeKey);

    /// <summary>The wait before retry <paramref name="retry"/> (1, 2, …): full jitter over the capped exponential backoff.</summary>
    internal TimeSpan Backoff(int retry) => _policy.Backoff(retry);

    // The key a timed-out attempt names: the object key for an S3 store, the relative key otherwise.
    private string KeyOf(string relativeKey) => _inner.Location.Kind == EndpointKind.S3 ? _inner.Location.Prefix + relativeKey : relativeKey;
}

using LakeCircle.Core.Gateways;
using LakeCircle.Core.Model;

namespace LakeCircle.Core.Diagnostics;

/// <summary>
/// An <see cref="IS3Gateway"/> decorator that counts each call, by operation, in the tally of the run it is made in
/// (<see cref="RunReporter.Current"/>), with the calls in flight; outside a run it only forwards (no allocation). It sits over the
/// retries, so a call retried counts once.
/// </summary>
internal sealed class CountingS3Gateway(IS3Gateway inner) : IS3Gateway
{
    /// <summary>The gateway whose calls are counted, as the client was given or built it.</summary>
    public IS3Gateway Inner { get; } = inner ?? throw new ArgumentNullException(nameof(inner));

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> ListBucketsAsync(CancellationToken cancellationToken = default) =>
        RunReporter.Current?.Calls is { } calls ? CountedListBucketsAsync(calls, cancellationToken) : Inner.ListBucketsAsync(cancellationToken);

    private async Task<IReadOnlyList<string>> CountedListBucketsAsync(CallTally calls, CancellationToken cancellationToken)
    {
        calls.Started(CallTally.ListBuckets);
        try
        {
            return await Inner.ListBucketsAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            calls.Ended();
        }
    }

    /// <inheritdoc />
    public Task<LifecycleConfiguration?> GetLifecycleAsync(string bucket, CancellationToken cancellationToken = default) =>
        RunReporter.Current?.Calls is { } calls ? CountedGetLifecycleAsync(calls, bucket, cancellationToken) : Inner.GetLifecycleAsync(bucket, cancellationToken);

    private async Task<LifecycleConfiguration?> CountedGetLifecycleAsync(CallTally calls, string bucket, CancellationToken cancellationToken)
    {
        calls.Started(CallTally.GetLifecycle);
        try
        {
            return await Inner.GetLifecycleAsync(bucket, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            calls.Ended();
        }
    }

    /// <inheritdoc />
    public Task PutLifecycleAsync(string bucket, LifecycleConfiguration configuration, CancellationToken cancellationToken = default) =>
        RunReporter.Current?.Calls is { } calls ? CountedPutLifecycleAsync(calls, bucket, configuration, cancellationToken) : Inner.PutLifecycleAsync(bucket, configuration, cancellationToken);

    private async Task CountedPutLifecycleAsync(CallTally calls, string bucket, LifecycleConfiguration configuration, CancellationToken cancellationToken)
    {
        calls.Started(CallTally.PutLifecycle);
        try
        {
            await Inner.PutLifecycleAsync(bucket, configuration, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            calls.Ended();
        }
    }

    /// <inheritdoc />
    public Task DeleteLifecycleAsync(string bucket, CancellationToken cancellationToken = default) =>
        RunReporter.Current?.Calls is { } calls ? CountedDeleteLifecycleAsync(calls, bucket, cancellationToken) : Inner.DeleteLifecycleAsync(bucket, cancellationToken);

    private async Task CountedDeleteLifecycleAsync(CallTally calls, string bucket, CancellationToken cancellationToken)
    {
        calls.Started(CallTally.DeleteLifecycle);
        try
        {
            await Inner.DeleteLifecycleAsync(bucket, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            calls.Ended();
        }
    }
}

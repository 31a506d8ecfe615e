using LakeCircle.Core.Gateways;
using LakeCircle.Core.Model;

namespace LakeCircle.Core.Diagnostics;

/// <summary>
/// An <see cref="IS3Gateway"/> decorator that counts each call, by operation, in the tally of the run it is made in
/// (<see cref="RunReporter.Current"/>), with the calls in flight; outside a run it only forwards. It sits over the
/// retries, so a call retried counts once.
/// </summary>
internal sealed class CountingS3Gateway(IS3Gateway inner) : IS3Gateway
{
    /// <summary>The gateway whose calls are counted, as the client was given or built it.</summary>
    public IS3Gateway Inner { get; } = inner ?? throw new ArgumentNullException(nameof(inner));

    /// <inheritdoc />
    public async Task<IReadOnlyList<string>> ListBucketsAsync(CancellationToken cancellationToken = default)
    {
        var calls = Start(CallTally.ListBuckets);
        try
        {
            return await Inner.ListBucketsAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            calls?.Ended();
        }
    }

    /// <inheritdoc />
    public async Task<LifecycleConfiguration?> GetLifecycleAsync(string bucket, CancellationToken cancellationToken = default)
    {
        var calls = Start(CallTally.GetLifecycle);
        try
        {
            return await Inner.GetLifecycleAsync(bucket, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            calls?.Ended();
        }
    }

    /// <inheritdoc />
    public async Task PutLifecycleAsync(string bucket, LifecycleConfiguration configuration, CancellationToken cancellationToken = default)
    {
        var calls = Start(CallTally.PutLifecycle);
        try
        {
            await Inner.PutLifecycleAsync(bucket, configuration, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            calls?.Ended();
        }
    }

    /// <inheritdoc />
    public async Task DeleteLifecycleAsync(string bucket, CancellationToken cancellationToken = default)
    {
        var calls = Start(CallTally.DeleteLifecycle);
        try
        {
            await Inner.DeleteLifecycleAsync(bucket, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            calls?.Ended();
        }
    }

    private static CallTally? Start(int kind)
    {
        var calls = RunReporter.Current?.Calls;
        calls?.Started(kind);
        return calls;
    }
}

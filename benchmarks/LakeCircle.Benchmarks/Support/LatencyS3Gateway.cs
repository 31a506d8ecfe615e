using LakeCircle.Core.Gateways;
using LakeCircle.Core.Model;

namespace LakeCircle.Benchmarks.Support;

/// <summary>
/// Wraps a gateway and adds a fixed latency to every call (a <see cref="Task.Delay(TimeSpan, CancellationToken)"/>, so
/// the wait holds no thread, like network I/O). Counts the calls in flight and keeps the highest count seen, which
/// shows whether a concurrency bound holds.
/// </summary>
internal sealed class LatencyS3Gateway(IS3Gateway inner, TimeSpan latency) : IS3Gateway
{
    private int _inFlight;
    private int _maxInFlight;

    /// <summary>The most calls seen in flight at once since the last <see cref="ResetMaxInFlight"/>.</summary>
    public int MaxInFlight => Volatile.Read(ref _maxInFlight);

    public void ResetMaxInFlight() => Volatile.Write(ref _maxInFlight, 0);

    public Task<IReadOnlyList<string>> ListBucketsAsync(CancellationToken cancellationToken = default) =>
        DelayedAsync(() => inner.ListBucketsAsync(cancellationToken), cancellationToken);

    public Task<LifecycleConfiguration?> GetLifecycleAsync(string bucket, CancellationToken cancellationToken = default) =>
        DelayedAsync(() => inner.GetLifecycleAsync(bucket, cancellationToken), cancellationToken);

    public Task PutLifecycleAsync(string bucket, LifecycleConfiguration configuration, CancellationToken cancellationToken = default) =>
        DelayedAsync(async () => { await inner.PutLifecycleAsync(bucket, configuration, cancellationToken); return true; }, cancellationToken);

    public Task DeleteLifecycleAsync(string bucket, CancellationToken cancellationToken = default) =>
        DelayedAsync(async () => { await inner.DeleteLifecycleAsync(bucket, cancellationToken); return true; }, cancellationToken);

    private async Task<T> DelayedAsync<T>(Func<Task<T>> call, CancellationToken cancellationToken)
    {
        var now = Interlocked.Increment(ref _inFlight);
        var seen = Volatile.Read(ref _maxInFlight);
        while (now > seen && Interlocked.CompareExchange(ref _maxInFlight, now, seen) != seen)
        {
            seen = Volatile.Read(ref _maxInFlight);
        }

        try
        {
            await Task.Delay(latency, cancellationToken);
            return await call();
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }
}

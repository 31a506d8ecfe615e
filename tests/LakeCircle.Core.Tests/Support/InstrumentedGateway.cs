using LakeCircle.Core.Gateways;
using LakeCircle.Core.Model;

namespace LakeCircle.Core.Tests.Support;

/// <summary>
/// A gateway decorator for tests: holds each lifecycle call for a moment so calls overlap, records the most calls
/// in flight at once (reads and writes apart), and fails the calls on chosen buckets.
/// </summary>
internal sealed class InstrumentedGateway(IS3Gateway inner) : IS3Gateway
{
    private int _reads;
    private int _writes;
    private int _maxReads;
    private int _maxWrites;

    public HashSet<string> FailingWrites { get; } = new(StringComparer.Ordinal);

    public HashSet<string> FailingReads { get; } = new(StringComparer.Ordinal);

    public TimeSpan Hold { get; init; } = TimeSpan.FromMilliseconds(15);

    public int MaxReadsInFlight => Volatile.Read(ref _maxReads);

    public int MaxWritesInFlight => Volatile.Read(ref _maxWrites);

    public Task<IReadOnlyList<string>> ListBucketsAsync(CancellationToken cancellationToken = default) => inner.ListBucketsAsync(cancellationToken);

    public Task<LifecycleConfiguration?> GetLifecycleAsync(string bucket, CancellationToken cancellationToken = default) =>
        TrackAsync(true, bucket, FailingReads, () => inner.GetLifecycleAsync(bucket, cancellationToken));

    public Task PutLifecycleAsync(string bucket, LifecycleConfiguration configuration, CancellationToken cancellationToken = default) =>
        TrackAsync(false, bucket, FailingWrites, async () =>
        {
            await inner.PutLifecycleAsync(bucket, configuration, cancellationToken);
            return 0;
        });

    public Task DeleteLifecycleAsync(string bucket, CancellationToken cancellationToken = default) =>
        TrackAsync(false, bucket, FailingWrites, async () =>
        {
            await inner.DeleteLifecycleAsync(bucket, cancellationToken);
            return 0;
        });

    private async Task<T> TrackAsync<T>(bool read, string bucket, HashSet<string> failing, Func<Task<T>> call)
    {
        var now = read ? Interlocked.Increment(ref _reads) : Interlocked.Increment(ref _writes);
        lock (FailingReads)
        {
            if (read)
            {
                _maxReads = Math.Max(_maxReads, now);
            }
            else
            {
                _maxWrites = Math.Max(_maxWrites, now);
            }
        }

        try
        {
            await Task.Delay(Hold);
            if (failing.Contains(bucket))
            {
                throw new S3GatewayException(S3ErrorKind.AccessDenied, "Lifecycle", bucket, "Access Denied", 403, "AccessDenied");
            }

            return await call();
        }
        finally
        {
            _ = read ? Interlocked.Decrement(ref _reads) : Interlocked.Decrement(ref _writes);
        }
    }
}

using LakeCircle.Core.Gateways;

namespace LakeCircle.Core.Diagnostics;

/// <summary>
/// The S3 calls of one run: how many of each operation were started, how many are in flight and the most that were at
/// once. Lock-free (one interlocked add per count), so the many reads of a plan do not wait on each other.
/// </summary>
internal sealed class CallTally
{
    /// <summary>The operations counted, by the constants below (GetBucketLocation last, added after the others).</summary>
    internal static readonly string[] Operations =
    [
        S3Operations.ListBuckets, S3Operations.GetBucketLifecycleConfiguration, S3Operations.PutBucketLifecycleConfiguration,
        S3Operations.DeleteBucketLifecycle, S3Operations.ListObjectsV2, S3Operations.GetObject, S3Operations.PutObject, S3Operations.DeleteObject,
        S3Operations.GetBucketLocation,
    ];

    internal const int ListBuckets = 0, GetLifecycle = 1, PutLifecycle = 2, DeleteLifecycle = 3, ListObjects = 4, GetObject = 5, PutObject = 6, DeleteObject = 7, GetBucketLocation = 8;

    private readonly long[] _counts = new long[Operations.Length];
    private int _inFlight;
    private int _maxInFlight;

    /// <summary>The calls in flight now.</summary>
    public int InFlight => Volatile.Read(ref _inFlight);

    /// <summary>The most calls that were in flight at once.</summary>
    public int MaxInFlight => Volatile.Read(ref _maxInFlight);

    /// <summary>A call of operation <paramref name="kind"/> (one of the constants) starts.</summary>
    public void Started(int kind)
    {
        Interlocked.Increment(ref _counts[kind]);
        var now = Interlocked.Increment(ref _inFlight);
        var max = Volatile.Read(ref _maxInFlight);
        while (now > max)
        {
            var seen = Interlocked.CompareExchange(ref _maxInFlight, now, max);
            if (seen == max)
            {
                break;
            }

            max = seen;
        }
    }

    /// <summary>A call ends (successfully or not).</summary>
    public void Ended() => Interlocked.Decrement(ref _inFlight);

    /// <summary>Makes a call, counted as <paramref name="kind"/> in the tally of the run it is made in
    /// (<see cref="RunReporter.Current"/>); outside a run it only makes it (no async frame added).</summary>
    public static Task<T> CountAsync<T>(int kind, Func<Task<T>> call) =>
        RunReporter.Current?.Calls is { } calls ? calls.CountedAsync(kind, call) : call();

    /// <summary>Makes a call without result, counted as <see cref="CountAsync{T}"/> counts it.</summary>
    public static Task CountAsync(int kind, Func<Task> call) =>
        RunReporter.Current?.Calls is { } calls ? calls.CountedAsync(kind, async () => { await call().ConfigureAwait(false); return true; }) : call();

    private async Task<T> CountedAsync<T>(int kind, Func<Task<T>> call)
    {
        Started(kind);
        try
        {
            return await call().ConfigureAwait(false);
        }
        finally
        {
            Ended();
        }
    }

    /// <summary>The counts so far.</summary>
    public S3CallCounts Counts => new()
    {
        ListBuckets = Volatile.Read(ref _counts[ListBuckets]),
        GetBucketLifecycleConfiguration = Volatile.Read(ref _counts[GetLifecycle]),
        PutBucketLifecycleConfiguration = Volatile.Read(ref _counts[PutLifecycle]),
        DeleteBucketLifecycle = Volatile.Read(ref _counts[DeleteLifecycle]),
        ListObjectsV2 = Volatile.Read(ref _counts[ListObjects]),
        GetObject = Volatile.Read(ref _counts[GetObject]),
        PutObject = Volatile.Read(ref _counts[PutObject]),
        DeleteObject = Volatile.Read(ref _counts[DeleteObject]),
        GetBucketLocation = Volatile.Read(ref _counts[GetBucketLocation]),
    };
}

using LakeCircle.Core.Diagnostics;
using LakeCircle.Core.Gateways;
using Microsoft.Extensions.Logging;

namespace LakeCircle.Core.Planning;

/// <summary>
/// Reads the actual side of a plan: one lifecycle GET per managed bucket that exists in the account, a bounded
/// number in flight. A bucket's failure becomes its state; it never stops the others. Each state can be handed on as
/// soon as it is read (<c>read</c>), so that work on it (planning) overlaps the calls still in flight. A bucket in a
/// region outside the run's regions (<c>outside</c>) is not read.
/// </summary>
internal static class AccountReader
{
    public static async Task<Dictionary<string, BucketState>> ReadAsync(
        IS3Gateway gateway,
        IReadOnlyList<string> managedBuckets,
        IReadOnlySet<string> accountBuckets,
        int concurrency,
        ILogger logger,
        CancellationToken cancellationToken,
        Action<int, BucketState>? read = null,
        IReadOnlyDictionary<string, string>? outside = null)
    {
        var states = new BucketState[managedBuckets.Count];
        var options = new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, managedBuckets.Count), options, async (index, token) =>
        {
            var bucket = managedBuckets[index];
            using var scope = logger.BucketScope(bucket);
            var state = outside?.GetValueOrDefault(bucket) is { } region ? BucketState.InOtherRegion(region)
                : accountBuckets.Contains(bucket) ? await ReadBucketAsync(gateway, bucket, logger, cancellationToken, token).ConfigureAwait(false)
                : Missing(logger);
            states[index] = state;
            read?.Invoke(index, state);
        }).ConfigureAwait(false);

        var result = new Dictionary<string, BucketState>(StringComparer.Ordinal);
        for (var i = 0; i < managedBuckets.Count; i++)
        {
            result[managedBuckets[i]] = states[i];
        }

        return result;
    }

    private static async Task<BucketState> ReadBucketAsync(
        IS3Gateway gateway, string bucket, ILogger logger, CancellationToken runToken, CancellationToken token)
    {
        try
        {
            var configuration = await gateway.GetLifecycleAsync(bucket, token).ConfigureAwait(false);
            logger.BucketRead(configuration?.Rules.Count ?? 0);
            RunReporter.Current?.BucketRead(failed: false);
            return BucketState.Of(configuration);
        }
        catch (S3GatewayException e) when (e.Kind == S3ErrorKind.NoSuchBucket)
        {
            RunReporter.Current?.BucketRead(failed: false);
            return Missing(logger);
        }
        catch (Exception e) when (e is not OperationCanceledException || !runToken.IsCancellationRequested)
        {
            logger.ReadFailed(e.Message);
            RunReporter.Current?.BucketRead(failed: true);
            return BucketState.Failed(e.Message);
        }
    }

    private static BucketState Missing(ILogger logger)
    {
        logger.BucketMissing();
        return BucketState.Missing;
    }
}

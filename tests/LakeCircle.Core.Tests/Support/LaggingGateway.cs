using LakeCircle.Core.Gateways;
using LakeCircle.Core.Model;

namespace LakeCircle.Core.Tests.Support;

/// <summary>
/// A gateway decorator for tests of read-after-write: after a lifecycle PUT or DELETE on a bucket, its reads still
/// return the configuration from before the write for <see cref="StaleReads"/> reads (eventual consistency), or
/// alternate stale and fresh (<see cref="Flip"/>); <see cref="Keep"/> is what the server stores of what it was sent.
/// </summary>
internal sealed class LaggingGateway(IS3Gateway inner) : IS3Gateway
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, (LifecycleConfiguration? Stale, int Reads)> _lag = new(StringComparer.Ordinal);

    /// <summary>How many reads after a write still show the configuration from before it.</summary>
    public int StaleReads { get; set; }

    /// <summary>Reads after a write alternate stale, fresh, stale, ... (for ever).</summary>
    public bool Flip { get; set; }

    /// <summary>The buckets that lag; every bucket when <see langword="null"/> (the default).</summary>
    public HashSet<string>? Buckets { get; set; }

    /// <summary>What the server keeps of a configuration it is sent; all of it by default.</summary>
    public Func<LifecycleConfiguration, LifecycleConfiguration> Keep { get; set; } = c => c;

    public int LifecycleReads { get; private set; }

    public int LifecycleWrites { get; private set; }

    public Task<IReadOnlyList<string>> ListBucketsAsync(CancellationToken cancellationToken = default) => inner.ListBucketsAsync(cancellationToken);

    public async Task<LifecycleConfiguration?> GetLifecycleAsync(string bucket, CancellationToken cancellationToken = default)
    {
        LifecycleConfiguration? stale = null;
        var serveStale = false;
        lock (_gate)
        {
            LifecycleReads++;
            if (_lag.TryGetValue(bucket, out var lag) && Buckets?.Contains(bucket) != false)
            {
                _lag[bucket] = lag with { Reads = lag.Reads + 1 };
                serveStale = Flip ? lag.Reads % 2 == 0 : lag.Reads < StaleReads;
                stale = lag.Stale;
            }
        }

        return serveStale ? stale : await inner.GetLifecycleAsync(bucket, cancellationToken);
    }

    public async Task PutLifecycleAsync(string bucket, LifecycleConfiguration configuration, CancellationToken cancellationToken = default)
    {
        var before = await inner.GetLifecycleAsync(bucket, cancellationToken);
        await inner.PutLifecycleAsync(bucket, Keep(configuration), cancellationToken);
        Wrote(bucket, before);
    }

    public async Task DeleteLifecycleAsync(string bucket, CancellationToken cancellationToken = default)
    {
        var before = await inner.GetLifecycleAsync(bucket, cancellationToken);
        await inner.DeleteLifecycleAsync(bucket, cancellationToken);
        Wrote(bucket, before);
    }

    private void Wrote(string bucket, LifecycleConfiguration? before)
    {
        lock (_gate)
        {
            LifecycleWrites++;
            _lag[bucket] = (before, 0);
        }
    }
}

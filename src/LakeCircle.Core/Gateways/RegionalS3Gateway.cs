using System.Collections.Concurrent;
using LakeCircle.Core.Diagnostics;
using LakeCircle.Core.Model;

namespace LakeCircle.Core.Gateways;

/// <summary>
/// The account on AWS S3 across its regions: each bucket is read and written by an SDK client of its own region. The
/// listing (through the home region's client, <see cref="IRegionalListing.ListBucketsWithRegionsAsync"/>) tells each
/// bucket's region and is kept; a bucket not listed yet (a saved plan applied without a listing) has its region asked
/// once, with <c>GetBucketLocation</c> through the home client, counted as such in the run. One
/// <see cref="AwsS3Gateway"/> per region is made on first use and disposed with this gateway; the home region's is the
/// one given (not disposed here). A bucket whose region cannot be told goes through the home client.
/// <see cref="ListBucketsAsync"/> keeps its meaning: the names of the home region's buckets.
/// </summary>
internal sealed class RegionalS3Gateway : IS3Gateway, IRegionalListing, IDisposable
{
    private readonly AwsS3Gateway _home;
    private readonly string _homeRegion;
    private readonly Func<string, AwsS3Gateway> _create;
    private readonly ConcurrentDictionary<string, string> _regions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<AwsS3Gateway>> _gateways = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<Task<string?>>> _lookups = new(StringComparer.Ordinal);
    private bool _disposed;

    /// <summary>Creates the router.</summary>
    /// <param name="home">The gateway of the home region (its client lists the account and asks regions).</param>
    /// <param name="homeRegion">The home region.</param>
    /// <param name="create">Makes the gateway of another region, with a client of its own that it disposes.</param>
    public RegionalS3Gateway(AwsS3Gateway home, string homeRegion, Func<string, AwsS3Gateway> create)
    {
        ArgumentNullException.ThrowIfNull(home);
        ArgumentException.ThrowIfNullOrEmpty(homeRegion);
        ArgumentNullException.ThrowIfNull(create);
        _home = home;
        _homeRegion = homeRegion;
        _create = create;
    }

    /// <summary>The regions a gateway was made for so far, besides the home region (tests).</summary>
    internal IReadOnlyCollection<string> RegionsInUse => [.. _gateways.Keys.Order(StringComparer.Ordinal)];

    /// <summary>Notes a bucket's region, told by someone who knows it (a saved plan), so no call asks it.</summary>
    public void Remember(string bucket, string region)
    {
        ArgumentException.ThrowIfNullOrEmpty(bucket);
        ArgumentException.ThrowIfNullOrEmpty(region);
        _regions[bucket] = region;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> ListBucketsAsync(CancellationToken cancellationToken = default) => _home.ListBucketsAsync(cancellationToken);

    /// <inheritdoc />
    public async Task<IReadOnlyList<ListedBucket>> ListBucketsWithRegionsAsync(CancellationToken cancellationToken = default)
    {
        var buckets = await _home.ListBucketsWithRegionsAsync(cancellationToken).ConfigureAwait(false);
        foreach (var bucket in buckets)
        {
            if (bucket.Region is { } region)
            {
                _regions[bucket.Name] = region;
            }
        }

        return buckets;
    }

    /// <inheritdoc />
    /// <remarks>
    /// Asked through the home region's client, whatever the bucket's region: "In a bucket's home Region, calls to the
    /// GetBucketLocation operation are governed by the bucket's policy. In other Regions, the bucket policy doesn't apply"
    /// (Amazon S3 API Reference, GetBucketLocation, https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetBucketLocation.html).
    /// </remarks>
    public async Task<string?> GetBucketRegionAsync(string bucket, CancellationToken cancellationToken = default)
    {
        if (_regions.TryGetValue(bucket, out var known))
        {
            return known;
        }

        var region = await _home.GetBucketRegionAsync(bucket, cancellationToken).ConfigureAwait(false);
        if (region is not null)
        {
            _regions[bucket] = region;
        }

        return region;
    }

    /// <inheritdoc />
    public async Task<LifecycleConfiguration?> GetLifecycleAsync(string bucket, CancellationToken cancellationToken = default) =>
        await (await GatewayForAsync(bucket, cancellationToken).ConfigureAwait(false)).GetLifecycleAsync(bucket, cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    public async Task PutLifecycleAsync(string bucket, LifecycleConfiguration configuration, CancellationToken cancellationToken = default) =>
        await (await GatewayForAsync(bucket, cancellationToken).ConfigureAwait(false)).PutLifecycleAsync(bucket, configuration, cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    public async Task DeleteLifecycleAsync(string bucket, CancellationToken cancellationToken = default) =>
        await (await GatewayForAsync(bucket, cancellationToken).ConfigureAwait(false)).DeleteLifecycleAsync(bucket, cancellationToken).ConfigureAwait(false);

    /// <summary>Disposes the gateways made for other regions (and their clients).</summary>
    public void Dispose()
    {
        _disposed = true;
        foreach (var gateway in _gateways.Values.Where(g => g.IsValueCreated))
        {
            gateway.Value.Dispose();
        }

        _gateways.Clear();
    }

    /// <summary>The gateway of the bucket's region; the region asked first (once per bucket) when not known.</summary>
    private async Task<AwsS3Gateway> GatewayForAsync(string bucket, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (!_regions.TryGetValue(bucket, out var region))
        {
            region = await LookUpAsync(bucket, cancellationToken).ConfigureAwait(false);
        }

        return region is null || string.Equals(region, _homeRegion, StringComparison.Ordinal)
            ? _home
            : _gateways.GetOrAdd(region, r => new Lazy<AwsS3Gateway>(() => _create(r), LazyThreadSafetyMode.ExecutionAndPublication)).Value;
    }

    /// <summary>One <c>GetBucketLocation</c> per bucket, shared by the calls that wait for it; a failed one is asked again next time.</summary>
    private async Task<string?> LookUpAsync(string bucket, CancellationToken cancellationToken)
    {
        var lookup = _lookups.GetOrAdd(bucket, b => new Lazy<Task<string?>>(
            () => CallTally.CountAsync(CallTally.GetBucketLocation, () => _home.GetBucketRegionAsync(b, CancellationToken.None))));
        try
        {
            var region = await lookup.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
            if (region is not null)
            {
                _regions[bucket] = region;
            }

            return region;
        }
        catch (S3GatewayException)
        {
            _lookups.TryRemove(KeyValuePair.Create(bucket, lookup));
            throw;
        }
    }
}

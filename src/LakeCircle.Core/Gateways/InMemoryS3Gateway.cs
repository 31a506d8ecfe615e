using System.Collections.Concurrent;
using LakeCircle.Core.Model;

namespace LakeCircle.Core.Gateways;

/// <summary>
/// The buckets of an account and their lifecycle configurations, held in memory, for tests and embedding. Thread-safe.
/// It answers like S3: unknown buckets fail with <see cref="S3ErrorKind.NoSuchBucket"/>, and a PUT without rules, with more
/// than 1000 rules or with a duplicate rule ID with <see cref="S3ErrorKind.InvalidRequest"/>. Like S3, a stored rule
/// without an ID is given a random one, and a configuration PUT without a
/// <see cref="LifecycleConfiguration.TransitionDefaultMinimumObjectSize"/> is stored with
/// <see cref="DefaultTransitionMinimumObjectSize"/>. Every <see cref="IS3Gateway"/> call is counted per operation
/// (see <see cref="S3Operations"/>); the seeding and inspection helpers are not.
/// <para>
/// Each bucket has a region (<see cref="AddBucket"/>). <see cref="ListBucketsAsync"/> keeps its meaning, the names of the
/// buckets in this store's <see cref="Region"/> (as AWS S3 answers with the <c>bucket-region</c> filter of the home
/// region); a run lists the whole account, every bucket with its region (as ListBuckets without filter answers), and so
/// plans accounts whose buckets are in several regions (<see cref="LakeCircleClientOptions.Regions"/>). The lifecycle
/// calls reach every bucket, whatever its region.
/// </para>
/// </summary>
public sealed class InMemoryS3Gateway : IS3Gateway, IRegionalListing
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Bucket> _buckets = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _calls = new(StringComparer.Ordinal);

    /// <summary>Creates an empty store.</summary>
    /// <param name="region">The region <see cref="ListBucketsAsync"/> lists, and the default region of new buckets.</param>
    public InMemoryS3Gateway(string region = "us-east-1")
    {
        ArgumentException.ThrowIfNullOrEmpty(region);
        Region = region;
    }

    /// <summary>The region <see cref="ListBucketsAsync"/> lists buckets of, and the region of a bucket added without one.</summary>
    public string Region { get; }

    /// <summary>
    /// The value stored when a configuration is PUT without <see cref="LifecycleConfiguration.TransitionDefaultMinimumObjectSize"/>:
    /// <c>all_storage_classes_128K</c> by default, as S3 does; <see langword="null"/> stores the configuration as given.
    /// </summary>
    public string? DefaultTransitionMinimumObjectSize { get; init; } = TransitionDefaultMinimumObjectSizes.AllStorageClasses128K;

    /// <summary>How many times each operation was called, keyed by <see cref="S3Operations"/> names (a copy).</summary>
    public IReadOnlyDictionary<string, int> CallCounts => new Dictionary<string, int>(_calls, StringComparer.Ordinal);

    /// <summary>How many times an operation was called.</summary>
    /// <param name="operation">An <see cref="S3Operations"/> name.</param>
    /// <returns>The count (0 when never called).</returns>
    public int CallCount(string operation) => _calls.TryGetValue(operation, out var count) ? count : 0;

    /// <summary>Sets every call count back to zero.</summary>
    public void ResetCallCounts() => _calls.Clear();

    /// <summary>Adds a bucket (no error when it exists; its region and configuration are then kept).</summary>
    /// <param name="name">The bucket name.</param>
    /// <param name="region">Its region, or <see langword="null"/> for <see cref="Region"/>.</param>
    /// <returns>This store, to chain seeding calls.</returns>
    public InMemoryS3Gateway AddBucket(string name, string? region = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        lock (_gate)
        {
            _buckets.TryAdd(name, new Bucket(region ?? Region));
        }

        return this;
    }

    /// <summary>Stores a lifecycle configuration as is, adding the bucket when missing (no S3 checks, not counted).</summary>
    /// <param name="bucket">The bucket name.</param>
    /// <param name="configuration">The configuration, or <see langword="null"/> for none.</param>
    /// <returns>This store, to chain seeding calls.</returns>
    public InMemoryS3Gateway SetLifecycle(string bucket, LifecycleConfiguration? configuration)
    {
        AddBucket(bucket);
        lock (_gate)
        {
            _buckets[bucket].Lifecycle = configuration;
        }

        return this;
    }

    /// <summary>The lifecycle configuration stored for a bucket (not counted).</summary>
    /// <param name="bucket">The bucket name.</param>
    /// <returns>The configuration, or <see langword="null"/> when the bucket has none or does not exist.</returns>
    public LifecycleConfiguration? PeekLifecycle(string bucket)
    {
        lock (_gate)
        {
            return _buckets.TryGetValue(bucket, out var b) ? b.Lifecycle : null;
        }
    }

    /// <summary>The names of every bucket, whatever its region, in name order (not counted).</summary>
    public IReadOnlyList<string> BucketNames
    {
        get
        {
            lock (_gate)
            {
                return [.. _buckets.Keys.Order(StringComparer.Ordinal)];
            }
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> ListBucketsAsync(CancellationToken cancellationToken = default) =>
        Run(S3Operations.ListBuckets, null, cancellationToken, () => (IReadOnlyList<string>)[.. _buckets
            .Where(b => string.Equals(b.Value.Region, Region, StringComparison.Ordinal))
            .Select(b => b.Key)
            .Order(StringComparer.Ordinal)]);

    /// <inheritdoc />
    Task<IReadOnlyList<ListedBucket>> IRegionalListing.ListBucketsWithRegionsAsync(CancellationToken cancellationToken) =>
        Run(S3Operations.ListBuckets, null, cancellationToken, () => (IReadOnlyList<ListedBucket>)[.. _buckets
            .Select(b => new ListedBucket(b.Key, b.Value.Region))
            .OrderBy(b => b.Name, StringComparer.Ordinal)]);

    /// <inheritdoc />
    Task<string?> IRegionalListing.GetBucketRegionAsync(string bucket, CancellationToken cancellationToken) =>
        Run(S3Operations.GetBucketLocation, bucket, cancellationToken, b => (string?)b.Region);

    /// <inheritdoc />
    public Task<LifecycleConfiguration?> GetLifecycleAsync(string bucket, CancellationToken cancellationToken = default) =>
        Run(S3Operations.GetBucketLifecycleConfiguration, bucket, cancellationToken, b => b.Lifecycle);

    /// <inheritdoc />
    public Task PutLifecycleAsync(string bucket, LifecycleConfiguration configuration, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return Run(S3Operations.PutBucketLifecycleConfiguration, bucket, cancellationToken, b =>
        {
            S3LifecycleRules.EnsureAcceptable(bucket, configuration);
            b.Lifecycle = S3LifecycleRules.AsStored(configuration, DefaultTransitionMinimumObjectSize);
            return true;
        });
    }

    /// <inheritdoc />
    public Task DeleteLifecycleAsync(string bucket, CancellationToken cancellationToken = default) =>
        Run(S3Operations.DeleteBucketLifecycle, bucket, cancellationToken, b => b.Lifecycle = null);

    private Task<T> Run<T>(string operation, string? bucket, CancellationToken cancellationToken, Func<T> action) =>
        Run(operation, bucket, cancellationToken, _ => action());

    private Task<T> Run<T>(string operation, string? bucket, CancellationToken cancellationToken, Func<Bucket, T> action)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<T>(cancellationToken);
        }

        _calls.AddOrUpdate(operation, 1, (_, count) => count + 1);
        try
        {
            lock (_gate)
            {
                if (bucket is null)
                {
                    return Task.FromResult(action(null!));
                }

                return _buckets.TryGetValue(bucket, out var b)
                    ? Task.FromResult(action(b))
                    : throw S3LifecycleRules.NoSuchBucket(operation, bucket);
            }
        }
        catch (S3GatewayException e)
        {
            return Task.FromException<T>(e);
        }
    }

    private sealed class Bucket(string region)
    {
        public string Region { get; } = region;

        public LifecycleConfiguration? Lifecycle { get; set; }
    }
}

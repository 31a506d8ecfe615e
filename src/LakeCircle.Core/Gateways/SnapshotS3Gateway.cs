using LakeCircle.Core.Model;

namespace LakeCircle.Core.Gateways;

/// <summary>
/// The lifecycle configurations of an account, kept in a snapshot file:
/// <c>{"account":"123456789012","region":"us-east-1","buckets":{"logs":{"Rules":[...]},"bare":null}}</c>, where each
/// bucket maps to its configuration in the JSON shape <c>aws s3api get-bucket-lifecycle-configuration</c> prints, or to
/// <see langword="null"/> when it has none. Thread-safe.
/// <para>
/// <see cref="PutLifecycleAsync"/> and <see cref="DeleteLifecycleAsync"/> change the configurations in memory (reads see
/// them at once); <see cref="FlushAsync"/> saves them all to the file in one step (written to a temporary file in the
/// same folder, flushed to disk, then renamed over it), so the file holds either what it held or every write made, never
/// a part of a save. A writing run flushes once, when its writes end (also when it fails or is cancelled), before its
/// run record: a process killed during a run leaves the file as it was before the run, while the archive holds the
/// configuration each bucket had. A save that fails leaves the file as it was and undoes the unsaved writes in memory
/// too, so the store never shows what the file does not hold. Whoever writes through the gateway outside a run calls
/// <see cref="FlushAsync"/> (or disposes it, which flushes) to keep the writes.
/// </para>
/// <para>
/// PUTs are checked and stored as S3 does (see <see cref="InMemoryS3Gateway"/>). It holds no objects: an endpoint beside
/// a snapshot is a local folder.
/// </para>
/// </summary>
internal sealed class SnapshotS3Gateway : IS3Gateway, IRegionalListing, IBufferedGateway, IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<string, LifecycleConfiguration?> _buckets;

    /// <summary>What the file holds: the buckets as last read or saved.</summary>
    private Dictionary<string, LifecycleConfiguration?> _saved;

    /// <summary>The writes made since the file was last read or saved.</summary>
    private int _unsaved;

    private SnapshotS3Gateway(string path, SnapshotFile.Content content)
    {
        FilePath = path;
        Account = content.Account;
        Region = content.Region;
        _buckets = new Dictionary<string, LifecycleConfiguration?>(content.Buckets, StringComparer.Ordinal);
        _saved = new Dictionary<string, LifecycleConfiguration?>(_buckets, StringComparer.Ordinal);
    }

    /// <summary>The snapshot file.</summary>
    public string FilePath { get; }

    /// <summary>The account ID read from the file.</summary>
    public string Account { get; }

    /// <summary>The region read from the file.</summary>
    public string Region { get; }

    /// <summary>
    /// The value stored when a configuration is PUT without <see cref="LifecycleConfiguration.TransitionDefaultMinimumObjectSize"/>:
    /// <c>all_storage_classes_128K</c> by default, as S3 does; <see langword="null"/> stores the configuration as given.
    /// </summary>
    public string? DefaultTransitionMinimumObjectSize { get; set; } = TransitionDefaultMinimumObjectSizes.AllStorageClasses128K;

    /// <summary>How many writes were made since the file was last read or saved (the ones <see cref="FlushAsync"/> would save).</summary>
    public int UnsavedWrites => Volatile.Read(ref _unsaved);

    /// <summary>Opens a snapshot file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The gateway over the file's content.</returns>
    /// <exception cref="InvalidDataException">The content is malformed; the message names the file, line, column and property.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public static async Task<SnapshotS3Gateway> OpenAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var content = await SnapshotFile.ReadAsync(path, cancellationToken).ConfigureAwait(false);
        return new SnapshotS3Gateway(path, content);
    }

    /// <summary>Writes a new snapshot file (replacing any file at <paramref name="path"/>) and opens it.</summary>
    /// <param name="path">The file.</param>
    /// <param name="account">The account ID.</param>
    /// <param name="region">The region.</param>
    /// <param name="buckets">Each bucket and its configuration, or <see langword="null"/> for none.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The gateway over the new file.</returns>
    public static async Task<SnapshotS3Gateway> CreateAsync(string path, string account, string region, IReadOnlyDictionary<string, LifecycleConfiguration?> buckets, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(account);
        ArgumentException.ThrowIfNullOrEmpty(region);
        ArgumentNullException.ThrowIfNull(buckets);
        var content = new SnapshotFile.Content(account, region, buckets);
        await SnapshotFile.WriteAsync(path, content, cancellationToken).ConfigureAwait(false);
        return new SnapshotS3Gateway(path, content);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> ListBucketsAsync(CancellationToken cancellationToken = default) =>
        WithLockAsync(() => Task.FromResult<IReadOnlyList<string>>([.. _buckets.Keys.Order(StringComparer.Ordinal)]), cancellationToken);

    /// <inheritdoc />
    /// <remarks>A snapshot file is of one region: every bucket is of the file's <see cref="Region"/>.</remarks>
    public Task<IReadOnlyList<ListedBucket>> ListBucketsWithRegionsAsync(CancellationToken cancellationToken = default) =>
        WithLockAsync(() => Task.FromResult<IReadOnlyList<ListedBucket>>([.. _buckets.Keys.Order(StringComparer.Ordinal).Select(n => new ListedBucket(n, Region))]), cancellationToken);

    /// <inheritdoc />
    public Task<string?> GetBucketRegionAsync(string bucket, CancellationToken cancellationToken = default) =>
        WithLockAsync(() => _buckets.ContainsKey(bucket)
            ? Task.FromResult<string?>(Region)
            : Task.FromException<string?>(S3LifecycleRules.NoSuchBucket(S3Operations.GetBucketLocation, bucket)), cancellationToken);

    /// <inheritdoc />
    public Task<LifecycleConfiguration?> GetLifecycleAsync(string bucket, CancellationToken cancellationToken = default) =>
        WithLockAsync(() => Task.FromResult(_buckets.TryGetValue(bucket, out var configuration)
            ? configuration
            : throw S3LifecycleRules.NoSuchBucket(S3Operations.GetBucketLifecycleConfiguration, bucket)), cancellationToken);

    /// <inheritdoc />
    public Task PutLifecycleAsync(string bucket, LifecycleConfiguration configuration, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return WriteAsync(S3Operations.PutBucketLifecycleConfiguration, bucket, () =>
        {
            S3LifecycleRules.EnsureAcceptable(bucket, configuration);
            return S3LifecycleRules.AsStored(configuration, DefaultTransitionMinimumObjectSize);
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task DeleteLifecycleAsync(string bucket, CancellationToken cancellationToken = default) =>
        WriteAsync(S3Operations.DeleteBucketLifecycle, bucket, () => null, cancellationToken);

    /// <summary>
    /// Saves the writes made since the file was last read or saved, all at once: to a temporary file in the same folder,
    /// flushed to disk, then renamed over the file. Does nothing when there is none. When the save fails, the file is left
    /// as it was and the unsaved writes are undone in memory too (reads show what the file holds again); when it is
    /// cancelled, they stay unsaved.
    /// </summary>
    /// <param name="cancellationToken">Cancels the save.</param>
    /// <returns>A task that completes when the file holds every write.</returns>
    /// <exception cref="IOException">The file could not be written; the message names it.</exception>
    public Task FlushAsync(CancellationToken cancellationToken = default) =>
        WithLockAsync(async () =>
        {
            if (_unsaved == 0)
            {
                return true;
            }

            try
            {
                await SnapshotFile.WriteAsync(FilePath, new SnapshotFile.Content(Account, Region, _buckets), cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                var undone = _unsaved;
                _buckets.Clear();
                foreach (var (bucket, configuration) in _saved)
                {
                    _buckets[bucket] = configuration;
                }

                Volatile.Write(ref _unsaved, 0);
                var reason = e is UnauthorizedAccessException ? "permission denied" : e.Message.TrimEnd('.');
                throw new IOException(
                    $"Could not save the snapshot file '{FilePath}': {reason}. The file is unchanged; the {undone} write{(undone == 1 ? "" : "s")} not saved {(undone == 1 ? "was" : "were")} undone.", e);
            }

            _saved = new Dictionary<string, LifecycleConfiguration?>(_buckets, StringComparer.Ordinal);
            Volatile.Write(ref _unsaved, 0);
            return true;
        }, cancellationToken);

    /// <summary>Saves the writes not saved yet (<see cref="FlushAsync"/>).</summary>
    /// <returns>A task that completes when they are saved.</returns>
    /// <exception cref="IOException">The file could not be written.</exception>
    public async ValueTask DisposeAsync() => await FlushAsync(CancellationToken.None).ConfigureAwait(false);

    private Task WriteAsync(string operation, string bucket, Func<LifecycleConfiguration?> next, CancellationToken cancellationToken) =>
        WithLockAsync(() =>
        {
            if (!_buckets.ContainsKey(bucket))
            {
                throw S3LifecycleRules.NoSuchBucket(operation, bucket);
            }

            _buckets[bucket] = next();
            Volatile.Write(ref _unsaved, _unsaved + 1);
            return Task.FromResult(true);
        }, cancellationToken);

    private async Task<T> WithLockAsync<T>(Func<Task<T>> action, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await action().ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

}

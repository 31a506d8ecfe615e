using LakeCircle.Core.Model;

namespace LakeCircle.Core.Gateways;

/// <summary>
/// The lifecycle configurations of an account, kept in a snapshot file:
/// <c>{"account":"123456789012","region":"us-east-1","buckets":{"logs":{"Rules":[...]},"bare":null}}</c>, where each
/// bucket maps to its configuration in the JSON shape <c>aws s3api get-bucket-lifecycle-configuration</c> prints, or to
/// <see langword="null"/> when it has none. Thread-safe.
/// <para>
/// Every successful <see cref="PutLifecycleAsync"/> and <see cref="DeleteLifecycleAsync"/> is saved to the file at once
/// (written to a temporary file in the same folder, then renamed over it), so the file always holds the store's state
/// and an interrupted run loses nothing already applied. PUTs are checked and stored as S3 does (see
/// <see cref="InMemoryS3Gateway"/>). It holds no objects: an endpoint beside a snapshot is a local folder.
/// </para>
/// </summary>
internal sealed class SnapshotS3Gateway : IS3Gateway
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<string, LifecycleConfiguration?> _buckets;

    private SnapshotS3Gateway(string path, SnapshotFile.Content content)
    {
        FilePath = path;
        Account = content.Account;
        Region = content.Region;
        _buckets = new Dictionary<string, LifecycleConfiguration?>(content.Buckets, StringComparer.Ordinal);
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

    private Task WriteAsync(string operation, string bucket, Func<LifecycleConfiguration?> next, CancellationToken cancellationToken) =>
        WithLockAsync(async () =>
        {
            if (!_buckets.TryGetValue(bucket, out var previous))
            {
                throw S3LifecycleRules.NoSuchBucket(operation, bucket);
            }

            _buckets[bucket] = next();
            try
            {
                await SnapshotFile.WriteAsync(FilePath, new SnapshotFile.Content(Account, Region, _buckets), cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                _buckets[bucket] = previous;
                throw;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                _buckets[bucket] = previous;
                throw new S3GatewayException(S3ErrorKind.Other, operation, bucket, $"Could not save the snapshot file '{FilePath}': {e.Message}", innerException: e);
            }

            return true;
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

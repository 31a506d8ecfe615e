using LakeCircle.Core.Model;

namespace LakeCircle.Core.Gateways;

/// <summary>
/// The few S3 operations LakeCircle needs. Implementations: the AWS SDK adapter (AWS S3 and S3-compatible servers),
/// an in-memory store, and an account snapshot file. Failures are reported as <see cref="S3GatewayException"/>.
/// </summary>
public interface IS3Gateway
{
    /// <summary>Lists the names of the buckets of the account (in the configured region, where the store has regions), in name order.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The bucket names.</returns>
    Task<IReadOnlyList<string>> ListBucketsAsync(CancellationToken cancellationToken = default);

    /// <summary>Reads a bucket's lifecycle configuration.</summary>
    /// <param name="bucket">The bucket name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The configuration, or <see langword="null"/> when the bucket has no lifecycle configuration.</returns>
    /// <exception cref="S3GatewayException">The bucket does not exist (<see cref="S3ErrorKind.NoSuchBucket"/>) or the call failed.</exception>
    Task<LifecycleConfiguration?> GetLifecycleAsync(string bucket, CancellationToken cancellationToken = default);

    /// <summary>Replaces a bucket's whole lifecycle configuration (at least one rule).</summary>
    /// <param name="bucket">The bucket name.</param>
    /// <param name="configuration">The configuration to store.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the store has accepted the configuration.</returns>
    Task PutLifecycleAsync(string bucket, LifecycleConfiguration configuration, CancellationToken cancellationToken = default);

    /// <summary>Removes a bucket's lifecycle configuration.</summary>
    /// <param name="bucket">The bucket name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the configuration is removed.</returns>
    Task DeleteLifecycleAsync(string bucket, CancellationToken cancellationToken = default);

    /// <summary>Lists the keys of the objects under a prefix, across every page, in key order.</summary>
    /// <param name="bucket">The bucket name.</param>
    /// <param name="prefix">The key prefix (may be empty).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The keys.</returns>
    Task<IReadOnlyList<string>> ListObjectsAsync(string bucket, string prefix, CancellationToken cancellationToken = default);

    /// <summary>Reads an object's content.</summary>
    /// <param name="bucket">The bucket name.</param>
    /// <param name="key">The object key.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The content.</returns>
    /// <exception cref="S3GatewayException">The object does not exist (<see cref="S3ErrorKind.NoSuchKey"/>) or the call failed.</exception>
    Task<byte[]> GetObjectAsync(string bucket, string key, CancellationToken cancellationToken = default);

    /// <summary>Writes an object.</summary>
    /// <param name="bucket">The bucket name.</param>
    /// <param name="key">The object key.</param>
    /// <param name="content">The content.</param>
    /// <param name="ifNoneMatch">When <see langword="true"/>, the write succeeds only if no object has the key (an exclusive create); otherwise it fails with <see cref="S3ErrorKind.PreconditionFailed"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the object is stored.</returns>
    Task PutObjectAsync(string bucket, string key, ReadOnlyMemory<byte> content, bool ifNoneMatch = false, CancellationToken cancellationToken = default);

    /// <summary>Deletes an object (no error when it does not exist).</summary>
    /// <param name="bucket">The bucket name.</param>
    /// <param name="key">The object key.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the object is gone.</returns>
    Task DeleteObjectAsync(string bucket, string key, CancellationToken cancellationToken = default);
}

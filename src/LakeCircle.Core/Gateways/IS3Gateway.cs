using LakeCircle.Core.Model;

namespace LakeCircle.Core.Gateways;

/// <summary>
/// The lifecycle side of an account: its buckets and each bucket's lifecycle configuration, all a lifecycle source
/// needs. Implementations: the AWS SDK adapter (AWS S3 and S3-compatible servers), an in-memory store, and an account
/// snapshot file. The objects of the endpoint (definitions, lock, archive, run records) are reached through an endpoint
/// store, not through this interface. Failures are reported as <see cref="S3GatewayException"/>.
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
}

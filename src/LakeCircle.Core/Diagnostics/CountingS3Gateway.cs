using LakeCircle.Core.Gateways;
using LakeCircle.Core.Model;

namespace LakeCircle.Core.Diagnostics;

/// <summary>
/// An <see cref="IS3Gateway"/> decorator that counts each call, by operation, in the tally of the run it is made in
/// (<see cref="RunReporter.Current"/>), with the calls in flight; outside a run it only forwards. It sits over the
/// retries, so a call retried counts once. The listing with regions (<see cref="IRegionalListing"/>) passes through,
/// counted as <c>ListBuckets</c>, and a bucket's region as <c>GetBucketLocation</c> (only when the gateway under it asks).
/// </summary>
internal sealed class CountingS3Gateway(IS3Gateway inner) : IS3Gateway, IRegionalListing
{
    /// <summary>The gateway whose calls are counted, as the client was given or built it.</summary>
    public IS3Gateway Inner { get; } = inner ?? throw new ArgumentNullException(nameof(inner));

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> ListBucketsAsync(CancellationToken cancellationToken = default) =>
        CallTally.CountAsync(CallTally.ListBuckets, () => Inner.ListBucketsAsync(cancellationToken));

    /// <inheritdoc />
    public Task<LifecycleConfiguration?> GetLifecycleAsync(string bucket, CancellationToken cancellationToken = default) =>
        CallTally.CountAsync(CallTally.GetLifecycle, () => Inner.GetLifecycleAsync(bucket, cancellationToken));

    /// <inheritdoc />
    public Task PutLifecycleAsync(string bucket, LifecycleConfiguration configuration, CancellationToken cancellationToken = default) =>
        CallTally.CountAsync(CallTally.PutLifecycle, () => Inner.PutLifecycleAsync(bucket, configuration, cancellationToken));

    /// <inheritdoc />
    public Task DeleteLifecycleAsync(string bucket, CancellationToken cancellationToken = default) =>
        CallTally.CountAsync(CallTally.DeleteLifecycle, () => Inner.DeleteLifecycleAsync(bucket, cancellationToken));

    /// <inheritdoc />
    public Task<IReadOnlyList<ListedBucket>> ListBucketsWithRegionsAsync(CancellationToken cancellationToken = default) =>
        CallTally.CountAsync(CallTally.ListBuckets, () => Inner.ListWithRegionsAsync(cancellationToken));

    /// <inheritdoc />
    public Task<string?> GetBucketRegionAsync(string bucket, CancellationToken cancellationToken = default) =>
        Inner is IRegionalListing regional
            ? CallTally.CountAsync(CallTally.GetBucketLocation, () => regional.GetBucketRegionAsync(bucket, cancellationToken))
            : Task.FromResult<string?>(null);
}

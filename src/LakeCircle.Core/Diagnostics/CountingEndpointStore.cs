using LakeCircle.Core.Gateways;

namespace LakeCircle.Core.Diagnostics;

/// <summary>
/// An <see cref="IEndpointStore"/> decorator for an S3 endpoint (definitions, lock, archive, run records) that counts
/// each call as the S3 operation it is (a write or an exclusive create is a <c>PutObject</c>) in the tally of the run it
/// is made in, as <see cref="CountingS3Gateway"/> does for the account.
/// </summary>
internal sealed class CountingEndpointStore(IEndpointStore inner) : IEndpointStore
{
    /// <summary>The store whose calls are counted.</summary>
    public IEndpointStore Inner { get; } = inner ?? throw new ArgumentNullException(nameof(inner));

    /// <inheritdoc />
    public EndpointLocation Location => Inner.Location;

    /// <inheritdoc />
    public Task WriteAsync(string relativeKey, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default) =>
        CallTally.CountAsync(CallTally.PutObject, () => Inner.WriteAsync(relativeKey, content, cancellationToken));

    /// <inheritdoc />
    public Task<byte[]?> TryReadAsync(string relativeKey, CancellationToken cancellationToken = default) =>
        CallTally.CountAsync(CallTally.GetObject, () => Inner.TryReadAsync(relativeKey, cancellationToken));

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> ListAsync(string relativePrefix, CancellationToken cancellationToken = default) =>
        CallTally.CountAsync(CallTally.ListObjects, () => Inner.ListAsync(relativePrefix, cancellationToken));

    /// <inheritdoc />
    public Task<bool> CreateExclusiveAsync(string relativeKey, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default) =>
        CallTally.CountAsync(CallTally.PutObject, () => Inner.CreateExclusiveAsync(relativeKey, content, cancellationToken));

    /// <inheritdoc />
    public Task DeleteAsync(string relativeKey, CancellationToken cancellationToken = default) =>
        CallTally.CountAsync(CallTally.DeleteObject, () => Inner.DeleteAsync(relativeKey, cancellationToken));

    /// <inheritdoc />
    public string Describe(string relativeKey) => Inner.Describe(relativeKey);
}

using LakeCircle.Core.Gateways;

namespace LakeCircle.Core.Recovery;

/// <summary>
/// An <see cref="IEndpointStore"/> over the objects under a prefix of a bucket. S3 writes are atomic per object;
/// an exclusive create is a PUT with <c>If-None-Match: *</c>.
/// </summary>
internal sealed class S3EndpointStore : IEndpointStore
{
    private readonly IS3Gateway _gateway;
    private readonly string _bucket;
    private readonly string _prefix;

    /// <summary>Creates the store.</summary>
    /// <param name="gateway">The gateway that reaches the bucket.</param>
    /// <param name="bucket">The bucket.</param>
    /// <param name="prefix">The key prefix of the folder (a trailing slash is added when missing; may be empty).</param>
    public S3EndpointStore(IS3Gateway gateway, string bucket, string prefix)
    {
        ArgumentNullException.ThrowIfNull(gateway);
        _gateway = gateway;
        Location = EndpointLocation.S3(bucket, prefix);
        _bucket = Location.Bucket!;
        _prefix = Location.Prefix;
    }

    /// <inheritdoc />
    public EndpointLocation Location { get; }

    /// <inheritdoc />
    public Task WriteAsync(string relativeKey, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default) =>
        _gateway.PutObjectAsync(_bucket, KeyOf(relativeKey), content, ifNoneMatch: false, cancellationToken);

    /// <inheritdoc />
    public async Task<byte[]?> TryReadAsync(string relativeKey, CancellationToken cancellationToken = default)
    {
        try
        {
            return await _gateway.GetObjectAsync(_bucket, KeyOf(relativeKey), cancellationToken).ConfigureAwait(false);
        }
        catch (S3GatewayException e) when (e.Kind == S3ErrorKind.NoSuchKey)
        {
            return null;
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<string>> ListAsync(string relativePrefix, CancellationToken cancellationToken = default)
    {
        EndpointStore.CheckPrefix(relativePrefix);
        var keys = await _gateway.ListObjectsAsync(_bucket, _prefix + relativePrefix, cancellationToken).ConfigureAwait(false);
        return keys
            .Where(k => k.StartsWith(_prefix + relativePrefix, StringComparison.Ordinal) && !k.EndsWith('/'))
            .Select(k => k[_prefix.Length..])
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <inheritdoc />
    public async Task<bool> CreateExclusiveAsync(string relativeKey, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        try
        {
            await _gateway.PutObjectAsync(_bucket, KeyOf(relativeKey), content, ifNoneMatch: true, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (S3GatewayException e) when (IsLostRace(e))
        {
            return false;
        }
    }

    /// <inheritdoc />
    public Task DeleteAsync(string relativeKey, CancellationToken cancellationToken = default) =>
        _gateway.DeleteObjectAsync(_bucket, KeyOf(relativeKey), cancellationToken);

    /// <inheritdoc />
    public string Describe(string relativeKey) => $"s3://{_bucket}/{KeyOf(relativeKey)}";

    // 412 PreconditionFailed: the object exists. 409 ConditionalRequestConflict: another conditional write to the key
    // was in flight; S3 asks to retry, and the retry would meet the other writer's object, so the create is lost.
    private static bool IsLostRace(S3GatewayException e) =>
        e.Kind == S3ErrorKind.PreconditionFailed || e.ErrorCode == "ConditionalRequestConflict";

    private string KeyOf(string relativeKey)
    {
        EndpointStore.CheckKey(relativeKey);
        return _prefix + relativeKey;
    }
}

using System.Runtime.InteropServices;
using Amazon.S3;
using Amazon.S3.Model;
using LakeCircle.Core.Archive;
using LakeCircle.Core.Locking;
using LakeCircle.Core.Sync;

namespace LakeCircle.Core.Gateways;

/// <summary>
/// An <see cref="IEndpointStore"/> over the objects under a prefix of a bucket, through the AWS SDK (AWS S3 or any
/// S3-compatible endpoint). S3 writes are atomic per object; an exclusive create is a PUT with <c>If-None-Match: *</c>.
/// Every SDK failure becomes an <see cref="S3GatewayException"/> with the operation, bucket, key, HTTP status and S3
/// error code, as <see cref="AwsS3Gateway"/> reports them. No expected bucket owner is sent: the endpoint bucket may
/// belong to another account than the one whose lifecycles are managed.
/// </summary>
internal sealed class S3EndpointStore : IEndpointStore, IDisposable
{
    private const int PageSize = 1000;
    private readonly IAmazonS3 _client;
    private readonly bool _ownsClient;
    private readonly string _bucket;
    private readonly string _prefix;

    /// <summary>Creates the store with its own SDK client, built from <paramref name="options"/>, which it disposes.</summary>
    /// <param name="options">How to reach S3; <see cref="AwsS3GatewayOptions.ExpectedBucketOwner"/> is not used.</param>
    /// <param name="bucket">The bucket.</param>
    /// <param name="prefix">The key prefix of the folder (a trailing slash is added when missing; may be empty).</param>
    public S3EndpointStore(AwsS3GatewayOptions options, string bucket, string prefix)
        : this(AmazonS3ClientFactory.Create(options), bucket, prefix, ownsClient: true)
    {
    }

    /// <summary>Creates the store over an existing SDK client, which the caller keeps owning.</summary>
    /// <param name="client">The SDK client that reaches the bucket.</param>
    /// <param name="bucket">The bucket.</param>
    /// <param name="prefix">The key prefix of the folder (a trailing slash is added when missing; may be empty).</param>
    public S3EndpointStore(IAmazonS3 client, string bucket, string prefix)
        : this(client, bucket, prefix, ownsClient: false)
    {
    }

    /// <summary>Creates the store over an SDK client, owning it when <paramref name="ownsClient"/> is set.</summary>
    internal S3EndpointStore(IAmazonS3 client, string bucket, string prefix, bool ownsClient)
    {
        ArgumentNullException.ThrowIfNull(client);
        Location = EndpointLocation.S3(bucket, prefix);
        _client = client;
        _ownsClient = ownsClient;
        _bucket = Location.Bucket!;
        _prefix = Location.Prefix;
    }

    /// <inheritdoc />
    public EndpointLocation Location { get; }

    /// <inheritdoc />
    public Task WriteAsync(string relativeKey, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default) =>
        PutAsync(KeyOf(relativeKey), content, ifNoneMatch: false, cancellationToken);

    /// <inheritdoc />
    public async Task<byte[]?> TryReadAsync(string relativeKey, CancellationToken cancellationToken = default)
    {
        var key = KeyOf(relativeKey);
        var request = new GetObjectRequest { BucketName = _bucket, Key = key };
        try
        {
            return await AwsErrorMapper.CallAsync(S3Operations.GetObject, _bucket, key, async () =>
            {
                using var response = await _client.GetObjectAsync(request, cancellationToken).ConfigureAwait(false);
                using var buffer = new MemoryStream();
                await response.ResponseStream.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
                return buffer.ToArray();
            }, cancellationToken).ConfigureAwait(false);
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
        var prefix = _prefix + relativePrefix;
        var keys = new List<string>();
        string? token = null;
        do
        {
            var request = new ListObjectsV2Request
            {
                BucketName = _bucket,
                Prefix = string.IsNullOrEmpty(prefix) ? null : prefix,
                MaxKeys = PageSize,
                ContinuationToken = token,
            };
            var response = await AwsErrorMapper.CallAsync(
                S3Operations.ListObjectsV2, _bucket, null, () => _client.ListObjectsV2Async(request, cancellationToken), cancellationToken).ConfigureAwait(false);
            keys.AddRange((response.S3Objects ?? []).Select(o => o.Key));
            token = response.IsTruncated == true && !string.IsNullOrEmpty(response.NextContinuationToken) && response.NextContinuationToken != token
                ? response.NextContinuationToken
                : null;
        }
        while (token is not null);

        return keys
            .Where(k => k.StartsWith(prefix, StringComparison.Ordinal) && !k.EndsWith('/'))
            .Select(k => k[_prefix.Length..])
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <inheritdoc />
    public async Task<bool> CreateExclusiveAsync(string relativeKey, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        try
        {
            await PutAsync(KeyOf(relativeKey), content, ifNoneMatch: true, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (S3GatewayException e) when (IsLostRace(e))
        {
            return false;
        }
    }

    /// <inheritdoc />
    public async Task DeleteAsync(string relativeKey, CancellationToken cancellationToken = default)
    {
        var key = KeyOf(relativeKey);
        try
        {
            await AwsErrorMapper.CallAsync(S3Operations.DeleteObject, _bucket, key, () => _client.DeleteObjectAsync(
                new DeleteObjectRequest { BucketName = _bucket, Key = key }, cancellationToken), cancellationToken).ConfigureAwait(false);
        }
        catch (S3GatewayException e) when (e.Kind == S3ErrorKind.NoSuchKey)
        {
            // Deleting a missing object is not an error.
        }
    }

    /// <inheritdoc />
    public string Describe(string relativeKey) => $"s3://{_bucket}/{KeyOf(relativeKey)}";

    /// <summary>Disposes the SDK client when the store created it.</summary>
    public void Dispose()
    {
        if (_ownsClient)
        {
            _client.Dispose();
        }
    }

    // 412 PreconditionFailed: the object exists. 409 ConditionalRequestConflict: another conditional write to the key
    // was in flight; S3 asks to retry, and the retry would meet the other writer's object, so the create is lost.
    private static bool IsLostRace(S3GatewayException e) =>
        e.Kind == S3ErrorKind.PreconditionFailed || e.ErrorCode == "ConditionalRequestConflict";

    private Task PutAsync(string key, ReadOnlyMemory<byte> content, bool ifNoneMatch, CancellationToken cancellationToken)
    {
        var bytes = MemoryMarshal.TryGetArray(content, out var segment) && segment.Array is not null
            ? new MemoryStream(segment.Array, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(content.ToArray(), writable: false);
        var request = new PutObjectRequest
        {
            BucketName = _bucket,
            Key = key,
            InputStream = bytes,
            AutoCloseStream = true,
            IfNoneMatch = ifNoneMatch ? "*" : null,
        };
        return AwsErrorMapper.CallAsync(S3Operations.PutObject, _bucket, key, () => _client.PutObjectAsync(request, cancellationToken), cancellationToken);
    }

    private string KeyOf(string relativeKey)
    {
        EndpointStore.CheckKey(relativeKey);
        return _prefix + relativeKey;
    }
}

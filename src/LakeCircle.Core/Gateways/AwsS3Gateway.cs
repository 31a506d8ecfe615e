using System.Net;
using System.Runtime.InteropServices;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using LakeCircle.Core.Model;
using LifecycleConfiguration = LakeCircle.Core.Model.LifecycleConfiguration;

namespace LakeCircle.Core.Gateways;

/// <summary>
/// The <see cref="IS3Gateway"/> over the AWS SDK (AWSSDK.S3 4.1): AWS S3 or any S3-compatible endpoint. Every SDK failure
/// becomes an <see cref="S3GatewayException"/> with the operation, bucket, HTTP status and S3 error code; credentials
/// never appear in messages. <see cref="AwsS3GatewayOptions.ExpectedBucketOwner"/> is sent on every bucket call.
/// </summary>
public sealed class AwsS3Gateway : IS3Gateway, IDisposable
{
    private const int PageSize = 1000;
    private readonly IAmazonS3 _client;
    private readonly bool _ownsClient;
    private readonly AwsS3GatewayOptions _options;
    private readonly string? _region;
    private readonly bool _filterByRegion;

    /// <summary>Creates a gateway with its own SDK client, built from <paramref name="options"/>.</summary>
    /// <param name="options">How to reach S3 (copied).</param>
    public AwsS3Gateway(AwsS3GatewayOptions options)
        : this(AmazonS3ClientFactory.Create(options), options, ownsClient: true)
    {
    }

    /// <summary>Creates a gateway over an existing SDK client, which the caller keeps owning.</summary>
    /// <param name="client">The SDK client.</param>
    /// <param name="options">The options that apply beyond the client (expected owner, region filter); copied.</param>
    public AwsS3Gateway(IAmazonS3 client, AwsS3GatewayOptions? options = null)
        : this(client, options ?? new AwsS3GatewayOptions(), ownsClient: false)
    {
    }

    internal AwsS3Gateway(IAmazonS3 client, AwsS3GatewayOptions options, bool ownsClient)
    {
        ArgumentNullException.ThrowIfNull(client);
        _client = client;
        _ownsClient = ownsClient;
        _options = options.Clone();
        _region = !string.IsNullOrEmpty(_options.Region) ? _options.Region
            : ownsClient ? client.Config?.RegionEndpoint?.SystemName : null;
        _filterByRegion = _region is not null && (_options.FilterBucketsByRegion ?? string.IsNullOrEmpty(_options.ServiceUrl));
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<string>> ListBucketsAsync(CancellationToken cancellationToken = default)
    {
        var names = new List<string>();
        string? token = null;
        do
        {
            var request = new ListBucketsRequest { MaxBuckets = PageSize, ContinuationToken = token };
            if (_filterByRegion)
            {
                request.BucketRegion = _region;
            }

            var response = await CallAsync(S3Operations.ListBuckets, null, null, () => _client.ListBucketsAsync(request, cancellationToken), cancellationToken).ConfigureAwait(false);
            names.AddRange((response.Buckets ?? [])
                .Where(b => !_filterByRegion || string.IsNullOrEmpty(b.BucketRegion) || string.Equals(b.BucketRegion, _region, StringComparison.Ordinal))
                .Select(b => b.BucketName));
            token = string.IsNullOrEmpty(response.ContinuationToken) || response.ContinuationToken == token ? null : response.ContinuationToken;
        }
        while (token is not null);

        return [.. names.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }

    /// <inheritdoc />
    public async Task<LifecycleConfiguration?> GetLifecycleAsync(string bucket, CancellationToken cancellationToken = default)
    {
        const string operation = S3Operations.GetBucketLifecycleConfiguration;
        GetLifecycleConfigurationResponse response;
        try
        {
            response = await _client.GetLifecycleConfigurationAsync(
                new GetLifecycleConfigurationRequest { BucketName = bucket, ExpectedBucketOwner = _options.ExpectedBucketOwner }, cancellationToken).ConfigureAwait(false);
        }
        catch (AmazonS3Exception e) when (e.ErrorCode == "NoSuchLifecycleConfiguration")
        {
            return null;
        }
        catch (AmazonUnmarshallingException) when (_options.RawLifecycleReadFallback)
        {
            // A shape the SDK refuses (Ceph writes a Prefix next to the Tags of a filter): read the XML ourselves.
            return await RawLifecycleReader.ReadAsync(_client, bucket, _options.ExpectedBucketOwner, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (IsSdkFailure(e, cancellationToken))
        {
            throw AwsErrorMapper.Map(e, operation, bucket);
        }

        if (response.Configuration?.Rules is { Count: > 0 })
        {
            try
            {
                return SdkLifecycleReader.FromSdk(response.Configuration, response.TransitionDefaultMinimumObjectSize);
            }
            catch (NotSupportedException e)
            {
                throw new S3GatewayException(S3ErrorKind.Other, operation, bucket, e.Message, (int)response.HttpStatusCode, innerException: e);
            }
        }

        if (response.HttpStatusCode == HttpStatusCode.NotFound && _options.ConfirmBucketOnMissingLifecycle)
        {
            await ConfirmBucketAsync(operation, bucket, cancellationToken).ConfigureAwait(false);
        }

        return null;
    }

    /// <inheritdoc />
    public Task PutLifecycleAsync(string bucket, LifecycleConfiguration configuration, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var request = new PutLifecycleConfigurationRequest
        {
            BucketName = bucket,
            ExpectedBucketOwner = _options.ExpectedBucketOwner,
            Configuration = SdkLifecycleWriter.ToSdk(configuration),
            TransitionDefaultMinimumObjectSize = SdkLifecycleWriter.ToSdkMinimumObjectSize(configuration.TransitionDefaultMinimumObjectSize),
        };
        return CallAsync(S3Operations.PutBucketLifecycleConfiguration, bucket, null, () => _client.PutLifecycleConfigurationAsync(request, cancellationToken), cancellationToken);
    }

    /// <inheritdoc />
    public Task DeleteLifecycleAsync(string bucket, CancellationToken cancellationToken = default) =>
        CallAsync(S3Operations.DeleteBucketLifecycle, bucket, null, () => _client.DeleteLifecycleConfigurationAsync(
            new DeleteLifecycleConfigurationRequest { BucketName = bucket, ExpectedBucketOwner = _options.ExpectedBucketOwner }, cancellationToken), cancellationToken);

    /// <inheritdoc />
    public async Task<IReadOnlyList<string>> ListObjectsAsync(string bucket, string prefix, CancellationToken cancellationToken = default)
    {
        var keys = new List<string>();
        string? token = null;
        do
        {
            var request = new ListObjectsV2Request
            {
                BucketName = bucket,
                Prefix = string.IsNullOrEmpty(prefix) ? null : prefix,
                MaxKeys = PageSize,
                ContinuationToken = token,
                ExpectedBucketOwner = _options.ExpectedBucketOwner,
            };
            var response = await CallAsync(S3Operations.ListObjectsV2, bucket, null, () => _client.ListObjectsV2Async(request, cancellationToken), cancellationToken).ConfigureAwait(false);
            keys.AddRange((response.S3Objects ?? []).Select(o => o.Key));
            token = response.IsTruncated == true && !string.IsNullOrEmpty(response.NextContinuationToken) && response.NextContinuationToken != token
                ? response.NextContinuationToken
                : null;
        }
        while (token is not null);

        return [.. keys.Order(StringComparer.Ordinal)];
    }

    /// <inheritdoc />
    public async Task<byte[]> GetObjectAsync(string bucket, string key, CancellationToken cancellationToken = default)
    {
        var request = new GetObjectRequest { BucketName = bucket, Key = key, ExpectedBucketOwner = _options.ExpectedBucketOwner };
        return await CallAsync(S3Operations.GetObject, bucket, key, async () =>
        {
            using var response = await _client.GetObjectAsync(request, cancellationToken).ConfigureAwait(false);
            using var buffer = new MemoryStream();
            await response.ResponseStream.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
            return buffer.ToArray();
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task PutObjectAsync(string bucket, string key, ReadOnlyMemory<byte> content, bool ifNoneMatch = false, CancellationToken cancellationToken = default)
    {
        var bytes = MemoryMarshal.TryGetArray(content, out var segment) && segment.Array is not null
            ? new MemoryStream(segment.Array, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(content.ToArray(), writable: false);
        var request = new PutObjectRequest
        {
            BucketName = bucket,
            Key = key,
            InputStream = bytes,
            AutoCloseStream = true,
            IfNoneMatch = ifNoneMatch ? "*" : null,
            ExpectedBucketOwner = _options.ExpectedBucketOwner,
        };
        return CallAsync(S3Operations.PutObject, bucket, key, () => _client.PutObjectAsync(request, cancellationToken), cancellationToken);
    }

    /// <inheritdoc />
    public async Task DeleteObjectAsync(string bucket, string key, CancellationToken cancellationToken = default)
    {
        try
        {
            await CallAsync(S3Operations.DeleteObject, bucket, key, () => _client.DeleteObjectAsync(
                new DeleteObjectRequest { BucketName = bucket, Key = key, ExpectedBucketOwner = _options.ExpectedBucketOwner }, cancellationToken), cancellationToken).ConfigureAwait(false);
        }
        catch (S3GatewayException e) when (e.Kind == S3ErrorKind.NoSuchKey)
        {
            // Deleting a missing object is not an error.
        }
    }

    /// <summary>Disposes the SDK client when the gateway created it.</summary>
    public void Dispose()
    {
        if (_ownsClient)
        {
            _client.Dispose();
        }
    }

    private async Task ConfirmBucketAsync(string operation, string bucket, CancellationToken cancellationToken)
    {
        try
        {
            await _client.HeadBucketAsync(new HeadBucketRequest { BucketName = bucket, ExpectedBucketOwner = _options.ExpectedBucketOwner }, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (IsSdkFailure(e, cancellationToken))
        {
            throw AwsErrorMapper.Map(e, operation, bucket);
        }
    }

    private static async Task<T> CallAsync<T>(string operation, string? bucket, string? key, Func<Task<T>> call, CancellationToken cancellationToken)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (Exception e) when (IsSdkFailure(e, cancellationToken))
        {
            throw AwsErrorMapper.Map(e, operation, bucket, key);
        }
    }

    /// <summary>
    /// Whether a failure comes from the SDK or the network, rather than from the caller cancelling. A truncated or garbled
    /// answer can reach us as a bare <see cref="System.Xml.XmlException"/> from the SDK's unmarshaller.
    /// </summary>
    private static bool IsSdkFailure(Exception e, CancellationToken cancellationToken) =>
        e is AmazonServiceException or AmazonClientException or HttpRequestException or IOException or System.Xml.XmlException
        || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested);
}

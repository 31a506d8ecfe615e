using System.Net;
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
internal sealed class AwsS3Gateway : IS3Gateway, IRegionalListing, IDisposable
{
    // ListBuckets pages of 10,000 buckets: "you can create page sizes between 1 and 10,000 buckets" (Amazon S3 User Guide,
    // "Listing Amazon S3 general purpose buckets", https://docs.aws.amazon.com/AmazonS3/latest/userguide/list-buckets.html),
    // and the ListBuckets API reference (ContinuationToken) says a request with bucket-region, prefix or
    // continuation-token but no max-buckets gets "a default page size of 10,000". An account at the default quota of
    // 10,000 buckets is listed in one call. (The API reference once gave max-buckets a range of 1 to 1000.)
    private const int PageSize = 10_000;
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

    /// <summary>The region of the gateway's own client: the AWS endpoint's region, or the signing region of a server URL.</summary>
    public string? Region => _region;

    /// <summary>Whether the gateway talks to AWS S3 (no server URL), whose legacy region names apply.</summary>
    private bool IsAws => string.IsNullOrEmpty(_options.ServiceUrl) && string.IsNullOrEmpty(_client.Config?.ServiceURL);

    /// <inheritdoc />
    public async Task<IReadOnlyList<string>> ListBucketsAsync(CancellationToken cancellationToken = default)
    {
        var buckets = await ListAsync(_filterByRegion ? _region : null, cancellationToken).ConfigureAwait(false);
        return [.. buckets
            .Where(b => !_filterByRegion || b.Region is null || string.Equals(b.Region, _region, StringComparison.Ordinal))
            .Select(b => b.Name)];
    }

    /// <inheritdoc />
    /// <remarks>
    /// No <c>bucket-region</c> filter: every bucket of the account. Each page is asked with <c>max-buckets</c>, so that S3
    /// sends each bucket's region: "BucketRegion indicates the Amazon Web Services region where the bucket is located. If
    /// the request contains at least one valid parameter, it is included in the response." (Amazon S3 API Reference,
    /// data type Bucket, https://docs.aws.amazon.com/AmazonS3/latest/API/API_Bucket.html, the Buckets of the ListBuckets
    /// response, https://docs.aws.amazon.com/AmazonS3/latest/API/API_ListBuckets.html). A server that does not send it
    /// leaves the region unknown (<see langword="null"/>); <see cref="GetBucketRegionAsync"/> can then ask.
    /// </remarks>
    public Task<IReadOnlyList<ListedBucket>> ListBucketsWithRegionsAsync(CancellationToken cancellationToken = default) =>
        ListAsync(null, cancellationToken);

    /// <inheritdoc />
    /// <remarks>
    /// <c>GetBucketLocation</c>; AWS's legacy answers (none for us-east-1, <c>EU</c> for eu-west-1) are read as
    /// <see cref="RegionalListing.FromLocationConstraint"/> says. Against an S3-compatible server an empty answer is unknown.
    /// </remarks>
    public async Task<string?> GetBucketRegionAsync(string bucket, CancellationToken cancellationToken = default)
    {
        var response = await CallAsync(S3Operations.GetBucketLocation, bucket, null, () => _client.GetBucketLocationAsync(
            new GetBucketLocationRequest { BucketName = bucket, ExpectedBucketOwner = _options.ExpectedBucketOwner }, cancellationToken), cancellationToken).ConfigureAwait(false);
        return RegionalListing.FromLocationConstraint(response.Location?.Value, IsAws);
    }

    private async Task<IReadOnlyList<ListedBucket>> ListAsync(string? bucketRegion, CancellationToken cancellationToken)
    {
        var buckets = new List<ListedBucket>();
        string? token = null;
        do
        {
            var request = new ListBucketsRequest { MaxBuckets = PageSize, ContinuationToken = token };
            if (bucketRegion is not null)
            {
                request.BucketRegion = bucketRegion;
            }

            var response = await CallAsync(S3Operations.ListBuckets, null, null, () => _client.ListBucketsAsync(request, cancellationToken), cancellationToken).ConfigureAwait(false);
            buckets.AddRange((response.Buckets ?? []).Select(b => new ListedBucket(b.BucketName, string.IsNullOrEmpty(b.BucketRegion) ? null : b.BucketRegion)));
            token = string.IsNullOrEmpty(response.ContinuationToken) || response.ContinuationToken == token ? null : response.ContinuationToken;
        }
        while (token is not null);

        return [.. buckets.DistinctBy(b => b.Name, StringComparer.Ordinal).OrderBy(b => b.Name, StringComparer.Ordinal)];
    }

    /// <inheritdoc />
    /// <remarks>
    /// AWSSDK.S3 4.1 does not throw for a 404 answer to this GET: its request marshaller marks the request
    /// <c>Suppress404Exceptions</c> (aws/aws-sdk-net, sdk/src/Services/S3/Custom/Model/Internal/MarshallTransformations/
    /// GetLifecycleConfigurationRequestMarshaller.cs), so <c>HttpErrorResponseExceptionHandler.HandleSuppressed404</c>
    /// unmarshalls the error body as a <see cref="GetLifecycleConfigurationResponse"/> of status <c>NotFound</c> with an
    /// empty configuration and no error code. Seen against Ceph radosgw 16.2 with AWSSDK.S3 4.1.0: a bucket without
    /// lifecycle (body <c>&lt;Code&gt;NoSuchLifecycleConfiguration&lt;/Code&gt;</c>) and a missing bucket
    /// (<c>&lt;Code&gt;NoSuchBucket&lt;/Code&gt;</c>) both come back as such a response. The code is read from the body by
    /// <see cref="S3ErrorCaptureHandler"/> in the clients built by <see cref="AmazonS3ClientFactory"/>, so one GET tells
    /// the two apart; a HeadBucket is sent only when the code is unknown (an SDK client configured by the caller, a body
    /// without a readable code), as <see cref="AwsS3GatewayOptions.ConfirmBucketOnMissingLifecycle"/> says.
    /// </remarks>
    public async Task<LifecycleConfiguration?> GetLifecycleAsync(string bucket, CancellationToken cancellationToken = default)
    {
        const string operation = S3Operations.GetBucketLifecycleConfiguration;
        GetLifecycleConfigurationResponse response;
        using var capture = _options.ConfirmBucketOnMissingLifecycle ? S3ErrorCapture.Begin("lifecycle") : null;
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

        if (response.HttpStatusCode == HttpStatusCode.NotFound && capture is not null)
        {
            switch (capture.Error?.Code)
            {
                case "NoSuchLifecycleConfiguration":
                    return null;
                case "NoSuchBucket":
                    throw AwsErrorMapper.Map(
                        new AmazonS3Exception(capture.Error.Message ?? "The specified bucket does not exist", ErrorType.Sender, "NoSuchBucket", null, HttpStatusCode.NotFound),
                        operation,
                        bucket);
                default:
                    await ConfirmBucketAsync(operation, bucket, cancellationToken).ConfigureAwait(false);
                    break;
            }
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

    private static Task<T> CallAsync<T>(string operation, string? bucket, string? key, Func<Task<T>> call, CancellationToken cancellationToken) =>
        AwsErrorMapper.CallAsync(operation, bucket, key, call, cancellationToken);

    private static bool IsSdkFailure(Exception e, CancellationToken cancellationToken) => AwsErrorMapper.IsSdkFailure(e, cancellationToken);
}

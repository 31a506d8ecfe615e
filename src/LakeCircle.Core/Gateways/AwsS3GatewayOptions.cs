using Amazon.Runtime;

namespace LakeCircle.Core.Gateways;

/// <summary>
/// How <see cref="AwsS3Gateway"/> reaches S3. Every property is optional; the defaults talk to AWS S3 with the SDK's own
/// region and credential chains (profiles, environment, roles; <c>AWS_ENDPOINT_URL_S3</c> is honoured when
/// <see cref="ServiceUrl"/> is not set). Credentials are never part of the options.
/// </summary>
internal sealed class AwsS3GatewayOptions
{
    /// <summary>
    /// The region (such as <c>eu-west-1</c>): the AWS endpoint's region, or the signing region of an S3-compatible
    /// <see cref="ServiceUrl"/>. Default <see langword="null"/>: the SDK's region chain (<c>AWS_REGION</c>, profile).
    /// </summary>
    public string? Region { get; set; }

    /// <summary>The URL of an S3-compatible endpoint (such as <c>http://localhost:7480</c>). Default <see langword="null"/>: AWS S3.</summary>
    public string? ServiceUrl { get; set; }

    /// <summary>Addresses buckets as <c>endpoint/bucket</c> rather than <c>bucket.endpoint</c> (most S3-compatible servers need it). Default <see langword="false"/>.</summary>
    public bool ForcePathStyle { get; set; }

    /// <summary>
    /// The account ID that must own every bucket touched, sent as <c>x-amz-expected-bucket-owner</c> on every bucket call;
    /// a bucket of another account then fails with <see cref="S3ErrorKind.AccessDenied"/>. Default <see langword="null"/>: not sent.
    /// </summary>
    public string? ExpectedBucketOwner { get; set; }

    /// <summary>
    /// Computes and validates checksums only when S3 requires them (<c>WHEN_REQUIRED</c> for both requests and
    /// responses), as many S3-compatible servers need. Default <see langword="false"/>: the SDK default (<c>WHEN_SUPPORTED</c>).
    /// </summary>
    public bool ChecksumWhenRequired { get; set; }

    /// <summary>How many times the SDK retries a failed call. Default <see langword="null"/>: the SDK default for the retry mode.</summary>
    public int? MaxErrorRetry { get; set; }

    /// <summary>The timeout of each HTTP request. Default <see langword="null"/>: the SDK default.</summary>
    public TimeSpan? Timeout { get; set; }

    /// <summary>The SDK retry mode (<see cref="RequestRetryMode.Standard"/> or <see cref="RequestRetryMode.Adaptive"/>). Default <see langword="null"/>: the SDK default.</summary>
    public RequestRetryMode? RetryMode { get; set; }

    /// <summary>
    /// Lists only the buckets of <see cref="Region"/> (the <c>bucket-region</c> filter of ListBuckets, and the region S3
    /// reports for each bucket). Default <see langword="null"/>: on for AWS S3, off for a <see cref="ServiceUrl"/>, whose
    /// region names rarely match.
    /// </summary>
    public bool? FilterBucketsByRegion { get; set; }

    /// <summary>
    /// Whether a lifecycle GET answered by HTTP 404 tells a bucket without lifecycle configuration (<see langword="null"/>)
    /// from a missing bucket (<see cref="S3ErrorKind.NoSuchBucket"/>); AWSSDK.S3 4.1 reports both as a plain response of
    /// status <c>NotFound</c>. The error code of the answer's body decides, at no extra call, with the SDK clients the
    /// gateway builds (<see cref="AmazonS3ClientFactory"/>); where that code is unknown (an SDK client given by the
    /// caller, a body without a readable code) a HeadBucket decides, one more call. When <see langword="false"/>, every
    /// such 404 reads as no configuration. Default <see langword="true"/>.
    /// </summary>
    public bool ConfirmBucketOnMissingLifecycle { get; set; } = true;

    /// <summary>
    /// Whether a lifecycle configuration the SDK cannot parse (AWSSDK.S3 4.1 refuses a filter holding a <c>Prefix</c> next to
    /// <c>Tag</c>s outside <c>And</c>, as Ceph radosgw writes it) is read again as raw XML, through a URL signed by the same
    /// client, and parsed by LakeCircle's own tolerant reader. Default <see langword="true"/>.
    /// </summary>
    public bool RawLifecycleReadFallback { get; set; } = true;

    /// <summary>
    /// The HTTP clients of the SDK client built from these options. Default <see langword="null"/>:
    /// <see cref="AwsHttpClientFactory.Instance"/>. A test gives one whose transport answers without a network.
    /// </summary>
    public HttpClientFactory? HttpClientFactory { get; set; }

    /// <summary>A copy of these options.</summary>
    /// <returns>The copy.</returns>
    public AwsS3GatewayOptions Clone() => (AwsS3GatewayOptions)MemberwiseClone();
}

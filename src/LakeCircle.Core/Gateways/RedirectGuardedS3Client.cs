using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Amazon.S3;
using Amazon.S3.Internal;
using Amazon.S3.Util;

namespace LakeCircle.Core.Gateways;

/// <summary>
/// The SDK client lakecircle creates: an <see cref="AmazonS3Client"/> that follows a temporary redirect (HTTP 307) only
/// to an S3 address. Told to go anywhere else, the SDK's own handler fails with a bare <see cref="ArgumentException"/>
/// ("Invalid S3 URI"); here the call fails with an <see cref="S3RedirectException"/> that names the address.
/// </summary>
internal sealed class RedirectGuardedS3Client : AmazonS3Client
{
    public RedirectGuardedS3Client(AmazonS3Config config)
        : base(config)
    {
    }

    public RedirectGuardedS3Client(AWSCredentials credentials, AmazonS3Config config)
        : base(credentials, config)
    {
    }

    /// <inheritdoc />
    protected override void CustomizeRuntimePipeline(RuntimePipeline pipeline)
    {
        base.CustomizeRuntimePipeline(pipeline);
        pipeline.ReplaceHandler<AmazonS3RedirectHandler>(new GuardedRedirectHandler());
    }

    private sealed class GuardedRedirectHandler : AmazonS3RedirectHandler
    {
        protected override void FinalizeForRedirect(IExecutionContext executionContext, string redirectedLocation)
        {
            if (!Uri.TryCreate(redirectedLocation, UriKind.Absolute, out var target) || !AmazonS3Uri.IsAmazonS3Endpoint(target))
            {
                throw new S3RedirectException(307, redirectedLocation);
            }

            base.FinalizeForRedirect(executionContext, redirectedLocation);
        }
    }
}

/// <summary>An S3 endpoint answered with a redirect lakecircle does not follow.</summary>
internal sealed class S3RedirectException : AmazonClientException
{
    public S3RedirectException(int statusCode, string? location)
        : base(Describe(statusCode, location))
    {
        StatusCode = statusCode;
        Location = location;
    }

    /// <summary>The HTTP status of the redirect.</summary>
    public int StatusCode { get; }

    /// <summary>Where it pointed, as the server said it.</summary>
    public string? Location { get; }

    /// <summary>The message of a redirect that is not followed.</summary>
    internal static string Describe(int statusCode, string? location) =>
        $"the S3 endpoint answered with a redirect (HTTP {statusCode})"
        + (string.IsNullOrWhiteSpace(location) ? "" : $" to '{UserInfoText.Mask(location)}'")
        + ", which is not followed: check the S3 endpoint URL and the region";
}

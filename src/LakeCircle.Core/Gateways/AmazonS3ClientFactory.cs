using Amazon;
using Amazon.Runtime;
using Amazon.S3;

namespace LakeCircle.Core.Gateways;

/// <summary>
/// Builds the SDK client from <see cref="AwsS3GatewayOptions"/>; credentials come from the SDK's own chain. Its HTTP
/// clients come from <see cref="AwsHttpClientFactory"/>, which lets <see cref="AwsS3Gateway"/> read the error code of a
/// lifecycle GET answered 404 (see <see cref="S3ErrorCapture"/>).
/// </summary>
internal static class AmazonS3ClientFactory
{
    public static IAmazonS3 Create(AwsS3GatewayOptions options) => new RedirectGuardedS3Client(CreateConfig(options));

    public static AmazonS3Config CreateConfig(AwsS3GatewayOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var config = new AmazonS3Config { ForcePathStyle = options.ForcePathStyle, HttpClientFactory = options.HttpClientFactory ?? AwsHttpClientFactory.Instance };
        if (!string.IsNullOrEmpty(options.ServiceUrl))
        {
            // Setting RegionEndpoint would clear ServiceURL: the region of a custom endpoint is its signing region.
            config.ServiceURL = options.ServiceUrl;
            if (!string.IsNullOrEmpty(options.Region))
            {
                config.AuthenticationRegion = options.Region;
            }
        }
        else if (!string.IsNullOrEmpty(options.Region))
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(options.Region);
        }

        if (options.ChecksumWhenRequired)
        {
            config.RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED;
            config.ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED;
        }

        if (options.RetryMode is { } mode)
        {
            config.RetryMode = mode;
        }

        if (options.MaxErrorRetry is { } retries)
        {
            config.MaxErrorRetry = retries;
        }

        if (options.Timeout is { } timeout)
        {
            config.Timeout = timeout;
        }

        return config;
    }
}

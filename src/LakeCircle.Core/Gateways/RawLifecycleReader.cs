using System.Net;
using Amazon.S3;
using LifecycleConfiguration = LakeCircle.Core.Model.LifecycleConfiguration;

namespace LakeCircle.Core.Gateways;

/// <summary>
/// Reads a lifecycle configuration without the SDK's unmarshaller, for the answers AWSSDK.S3 4.1 cannot parse: a GET of
/// <c>/?lifecycle</c> signed with Signature Version 4 for the SDK client's own endpoint, addressing, signing region and
/// credentials (<see cref="SigV4GetRequest"/>), parsed by <see cref="LifecycleXmlReader"/>.
/// </summary>
internal static class RawLifecycleReader
{
    private const string MinimumObjectSizeHeader = "x-amz-transition-default-minimum-object-size";
    private static readonly HttpClient SharedHttp = new() { Timeout = TimeSpan.FromSeconds(100) };

    public static async Task<LifecycleConfiguration?> ReadAsync(
        IAmazonS3 client, string bucket, string? expectedBucketOwner, HttpClient? http = null, CancellationToken cancellationToken = default)
    {
        const string operation = S3Operations.GetBucketLifecycleConfiguration;
        var extraHeaders = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!string.IsNullOrEmpty(expectedBucketOwner))
        {
            extraHeaders["x-amz-expected-bucket-owner"] = expectedBucketOwner;
        }

        using var request = await SigV4GetRequest.CreateAsync(client, bucket, "lifecycle", extraHeaders).ConfigureAwait(false);
        HttpResponseMessage response;
        try
        {
            response = await (http ?? SharedHttp).SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw new S3GatewayException(S3ErrorKind.Transient, operation, bucket, e.Message, innerException: e);
        }

        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
            {
                var minimum = response.Headers.TryGetValues(MinimumObjectSizeHeader, out var values) ? values.FirstOrDefault() : null;
                try
                {
                    return LifecycleXmlReader.Read(body, minimum);
                }
                catch (FormatException e)
                {
                    throw new S3GatewayException(S3ErrorKind.Other, operation, bucket, e.Message, (int)response.StatusCode, innerException: e);
                }
            }

            var code = ErrorCode(body);
            if (code == "NoSuchLifecycleConfiguration")
            {
                return null;
            }

            var status = (int)response.StatusCode;
            var kind = code switch
            {
                "NoSuchBucket" => S3ErrorKind.NoSuchBucket,
                "AccessDenied" => S3ErrorKind.AccessDenied,
                _ => response.StatusCode switch
                {
                    HttpStatusCode.Forbidden => S3ErrorKind.AccessDenied,
                    HttpStatusCode.NotFound => S3ErrorKind.NoSuchBucket,
                    HttpStatusCode.TooManyRequests or >= HttpStatusCode.InternalServerError => S3ErrorKind.Transient,
                    _ => S3ErrorKind.Other,
                },
            };
            throw new S3GatewayException(kind, operation, bucket, $"raw read of the lifecycle configuration failed ({code ?? "no error code"})", status, code);
        }
    }

    private static string? ErrorCode(string body) => S3ErrorBody.Parse(body)?.Code;
}

using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Amazon.Runtime;
using Amazon.S3;

namespace LakeCircle.Core.Gateways;

/// <summary>
/// Builds a GET of a bucket sub-resource (such as <c>?lifecycle</c>) signed with AWS Signature Version 4, addressed and
/// signed as the SDK client would (its endpoint, path-style or virtual-hosted addressing, signing region, credentials).
/// </summary>
internal static class SigV4GetRequest
{
    private const string EmptyPayloadHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    public static async Task<HttpRequestMessage> CreateAsync(
        IAmazonS3 client, string bucket, string subResource, IReadOnlyDictionary<string, string> extraHeaders, DateTime? now = null)
    {
        var config = client.Config as AmazonS3Config ?? throw new NotSupportedException("The S3 client has no AmazonS3Config.");
        var credentials = config.DefaultAWSCredentials ?? await Amazon.Runtime.Credentials.DefaultAWSCredentialsIdentityResolver.GetCredentialsAsync(config).ConfigureAwait(false);
        var immutable = await credentials.GetCredentialsAsync().ConfigureAwait(false);
        var region = !string.IsNullOrEmpty(config.AuthenticationRegion) ? config.AuthenticationRegion : config.RegionEndpoint?.SystemName ?? "us-east-1";
        var endpoint = new Uri(!string.IsNullOrEmpty(config.ServiceURL) ? config.ServiceURL : $"https://s3.{region}.amazonaws.com/");
        var pathStyle = config.ForcePathStyle || bucket.Contains('.', StringComparison.Ordinal);
        var host = pathStyle ? endpoint.Authority : $"{bucket}.{endpoint.Authority}";
        var path = (pathStyle ? endpoint.AbsolutePath.TrimEnd('/') + "/" + Uri.EscapeDataString(bucket) : "") + "/";
        return Sign(new Uri($"{endpoint.Scheme}://{host}{path}?{subResource}"), host, path, subResource + "=", region, immutable, extraHeaders, now ?? DateTime.UtcNow);
    }

    internal static HttpRequestMessage Sign(
        Uri uri, string host, string path, string canonicalQuery, string region, ImmutableCredentials credentials, IReadOnlyDictionary<string, string> extraHeaders, DateTime now)
    {
        var amzDate = now.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var date = amzDate[..8];
        var headers = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["host"] = host,
            ["x-amz-content-sha256"] = EmptyPayloadHash,
            ["x-amz-date"] = amzDate,
        };
        if (credentials.UseToken)
        {
            headers["x-amz-security-token"] = credentials.Token;
        }

        foreach (var (name, value) in extraHeaders)
        {
            headers[name.ToLowerInvariant()] = value.Trim();
        }

        var signedHeaders = string.Join(';', headers.Keys);
        var canonicalRequest = string.Join('\n',
            "GET", path, canonicalQuery, string.Concat(headers.Select(h => $"{h.Key}:{h.Value}\n")), signedHeaders, EmptyPayloadHash);
        var scope = $"{date}/{region}/s3/aws4_request";
        var stringToSign = $"AWS4-HMAC-SHA256\n{amzDate}\n{scope}\n{Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest)))}";
        var key = Hmac(Encoding.UTF8.GetBytes("AWS4" + credentials.SecretKey), date);
        key = Hmac(Hmac(Hmac(key, region), "s3"), "aws4_request");
        var signature = Hex(Hmac(key, stringToSign));

        var request = new HttpRequestMessage(HttpMethod.Get, uri);
        foreach (var (name, value) in headers.Where(h => h.Key != "host"))
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        request.Headers.TryAddWithoutValidation("Authorization", $"AWS4-HMAC-SHA256 Credential={credentials.AccessKey}/{scope}, SignedHeaders={signedHeaders}, Signature={signature}");
        return request;
    }

    private static byte[] Hmac(byte[] key, string data) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(data));

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);
}

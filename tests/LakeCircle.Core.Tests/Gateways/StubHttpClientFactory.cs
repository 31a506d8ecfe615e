using System.Net;
using Amazon.Runtime;
using Amazon.S3;

namespace LakeCircle.Core.Tests.Gateways;

/// <summary>Serves canned HTTP answers to a real <see cref="AmazonS3Client"/>, so the SDK's own unmarshallers run.</summary>
internal sealed class StubHttpClientFactory(HttpStatusCode status, string body, IReadOnlyDictionary<string, string>? headers = null) : HttpClientFactory
{
    public override HttpClient CreateHttpClient(IClientConfig clientConfig) => new(new Handler(status, body, headers));

    public override bool UseSDKHttpClientCaching(IClientConfig clientConfig) => false;

    public static AmazonS3Client Client(HttpStatusCode status, string body, IReadOnlyDictionary<string, string>? headers = null) =>
        new(new AnonymousAWSCredentials(), new AmazonS3Config
        {
            ServiceURL = "http://localhost:9",
            ForcePathStyle = true,
            MaxErrorRetry = 0,
            HttpClientFactory = new StubHttpClientFactory(status, body, headers),
        });

    private sealed class Handler(HttpStatusCode status, string body, IReadOnlyDictionary<string, string>? headers) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = new HttpResponseMessage(status) { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/xml") };
            foreach (var (name, value) in headers ?? new Dictionary<string, string>())
            {
                response.Headers.TryAddWithoutValidation(name, value);
            }

            return Task.FromResult(response);
        }
    }
}

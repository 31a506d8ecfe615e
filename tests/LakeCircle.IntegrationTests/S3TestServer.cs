using Amazon.Runtime;
using Amazon.S3;
using LakeCircle.Core.Archive;
using LakeCircle.Core.Gateways;
using LakeCircle.Core.Locking;
using LakeCircle.Core.Sync;
using LakeCircle.IntegrationTests.Support;

namespace LakeCircle.IntegrationTests;

/// <summary>
/// The local S3 server the suite runs against, read from the LCC_TEST_S3_* variables that
/// <c>scripts/local-s3.sh env</c> prints. Missing variables or a server that does not answer fail the whole suite.
/// </summary>
[SetUpFixture]
public sealed class S3TestServer
{
    public const string EndpointVariable = "LCC_TEST_S3_ENDPOINT";
    public const string Region = "us-east-1";

    private static S3TestServer? _current;

    // The CLI's S3 clients take their credentials from the SDK's default chain, whose first source in AWSSDK 4 is the
    // process environment: the main user's keys are set there for this test process only, and put back at the end.
    private static readonly string[] CredentialVariables = ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN"];

    private readonly Dictionary<string, string?> _savedCredentials = new(StringComparer.Ordinal);
    private string _endpoint = "";
    private BasicAWSCredentials? _main;
    private BasicAWSCredentials? _other;

    /// <summary>The server of this run.</summary>
    public static S3TestServer Current => _current ?? throw new InvalidOperationException("The S3 test server is not set up.");

    public string Endpoint => _endpoint;

    public TestBuckets Buckets { get; private set; } = null!;

    /// <summary>The main user's access key id.</summary>
    public string AccessKeyId { get; private set; } = "";

    /// <summary>The main user's secret key: never to be seen in any output or stored object.</summary>
    public string SecretKey { get; private set; } = "";

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var name in new[] { EndpointVariable, "LCC_TEST_S3_ACCESS_KEY", "LCC_TEST_S3_SECRET_KEY", "LCC_TEST_S3_OTHER_ACCESS_KEY", "LCC_TEST_S3_OTHER_SECRET_KEY" })
        {
            values[name] = Environment.GetEnvironmentVariable(name);
        }

        var missing = values.Where(v => string.IsNullOrEmpty(v.Value)).Select(v => v.Key).ToList();
        if (missing.Count > 0)
        {
            Assert.Fail(
                $"The integration tests need a local S3 server; {string.Join(", ", missing)} not set. " +
                "Start one with `scripts/local-s3.sh start` and load its environment with `. <(scripts/local-s3.sh env)`, " +
                "or run `scripts/test.sh`, which does both.");
        }

        _endpoint = values[EndpointVariable]!;
        _main = new BasicAWSCredentials(values["LCC_TEST_S3_ACCESS_KEY"], values["LCC_TEST_S3_SECRET_KEY"]);
        _other = new BasicAWSCredentials(values["LCC_TEST_S3_OTHER_ACCESS_KEY"], values["LCC_TEST_S3_OTHER_SECRET_KEY"]);
        using var client = CreateClient();
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await client.ListBucketsAsync(new Amazon.S3.Model.ListBucketsRequest(), timeout.Token);
        }
        catch (Exception e) when (e is AmazonServiceException or HttpRequestException or OperationCanceledException or AmazonClientException)
        {
            Assert.Fail(
                $"The local S3 server at {_endpoint} does not answer a signed ListBuckets ({e.GetType().Name}: {e.Message}). " +
                "Check it with `scripts/local-s3.sh status`; restart it with `scripts/local-s3.sh stop && scripts/local-s3.sh start`.");
        }

        Buckets = new TestBuckets(CreateClient());
        AccessKeyId = values["LCC_TEST_S3_ACCESS_KEY"]!;
        SecretKey = values["LCC_TEST_S3_SECRET_KEY"]!;
        SetProcessCredentials([AccessKeyId, SecretKey, null]);
        _current = this;
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_current is not null)
        {
            await Buckets.DisposeAsync();
            foreach (var (name, value) in _savedCredentials)
            {
                Environment.SetEnvironmentVariable(name, value);
            }

            _current = null;
        }
    }

    private void SetProcessCredentials(string?[] values)
    {
        foreach (var (name, value) in CredentialVariables.Zip(values))
        {
            _savedCredentials[name] = Environment.GetEnvironmentVariable(name);
            Environment.SetEnvironmentVariable(name, value);
        }
    }

    /// <summary>The gateway options for this server: path-style, checksums only where required.</summary>
    internal AwsS3GatewayOptions Options() => new()
    {
        ServiceUrl = _endpoint,
        Region = Region,
        ForcePathStyle = true,
        ChecksumWhenRequired = true,
        MaxErrorRetry = 2,
    };

    /// <summary>An SDK client of the main user (or of the user without rights on its buckets).</summary>
    public IAmazonS3 CreateClient(bool other = false) => CreateClient(other, http: null);

    /// <summary>
    /// An SDK client of the main user whose every HTTP request is recorded in <paramref name="requests"/> as
    /// "METHOD path?query" (retries included), with LakeCircle's own HTTP stack above the recorder.
    /// </summary>
    public IAmazonS3 CreateRecordedClient(List<string> requests) =>
        CreateClient(other: false, new AwsHttpClientFactory(transport => new RecordingHandler(transport, requests)));

    private AmazonS3Client CreateClient(bool other, AwsHttpClientFactory? http)
    {
        var config = AmazonS3ClientFactory.CreateConfig(Options());
        config.DefaultAWSCredentials = other ? _other : _main;
        if (http is not null)
        {
            config.HttpClientFactory = http;
        }

        return new AmazonS3Client(config);
    }

    private sealed class RecordingHandler(HttpMessageHandler transport, List<string> requests) : DelegatingHandler(transport)
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            lock (requests)
            {
                requests.Add($"{request.Method} {request.RequestUri!.PathAndQuery}");
            }

            return base.SendAsync(request, cancellationToken);
        }
    }

    /// <summary>The store of the main user over the objects under <paramref name="prefix"/> of a bucket, owning its client.</summary>
    internal S3EndpointStore CreateStore(string bucket, string prefix = "") => new(CreateClient(), bucket, prefix, ownsClient: true);

    /// <summary>A gateway of the main user (or of the other user), owning its client.</summary>
    internal AwsS3Gateway CreateGateway(bool other = false) => new(CreateClient(other), Options(), ownsClient: true);
}

using Amazon.Runtime;
using Amazon.S3;
using LakeCircle.Core.Gateways;

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

    private string _endpoint = "";
    private BasicAWSCredentials? _main;
    private BasicAWSCredentials? _other;

    /// <summary>The server of this run.</summary>
    public static S3TestServer Current => _current ?? throw new InvalidOperationException("The S3 test server is not set up.");

    public string Endpoint => _endpoint;

    public TestBuckets Buckets { get; private set; } = null!;

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
        _current = this;
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_current is not null)
        {
            await Buckets.DisposeAsync();
            _current = null;
        }
    }

    /// <summary>The gateway options for this server: path-style, checksums only where required.</summary>
    public AwsS3GatewayOptions Options() => new()
    {
        ServiceUrl = _endpoint,
        Region = Region,
        ForcePathStyle = true,
        ChecksumWhenRequired = true,
        MaxErrorRetry = 2,
    };

    /// <summary>An SDK client of the main user (or of the user without rights on its buckets).</summary>
    public IAmazonS3 CreateClient(bool other = false)
    {
        var config = AmazonS3ClientFactory.CreateConfig(Options());
        config.DefaultAWSCredentials = other ? _other : _main;
        return new AmazonS3Client(config);
    }

    /// <summary>A gateway of the main user (or of the other user), owning its client.</summary>
    public AwsS3Gateway CreateGateway(bool other = false) => new(CreateClient(other), Options(), ownsClient: true);
}

using System.Net;
using System.Text;
using Amazon.Runtime;
using Amazon.S3;
using LakeCircle.Core.Gateways;

namespace LakeCircle.Core.Tests.Gateways;

public class S3ErrorCaptureTests
{
    private const string NoLifecycle = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>NoSuchLifecycleConfiguration</Code><Message>The lifecycle configuration does not exist</Message></Error>";
    private const string NoBucket = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>NoSuchBucket</Code><Message>The specified bucket does not exist</Message></Error>";

    private static HttpRequestMessage Get(string query) => new(HttpMethod.Get, "http://localhost:9/bucket/" + query);

    private static async Task<(HttpResponseMessage Response, byte[] Body)> SendAsync(ScriptedHandler transport, HttpRequestMessage request)
    {
        using var invoker = new HttpMessageInvoker(new S3ErrorCaptureHandler(transport), disposeHandler: false);
        var response = await invoker.SendAsync(request, CancellationToken.None);
        return (response, await response.Content.ReadAsByteArrayAsync());
    }

    [Test]
    public async Task Handler_Matching404InScope_RecordsCodeAndPassesTheSameBodyAndHeaders()
    {
        var transport = new ScriptedHandler(_ => ScriptedHandler.Answer(HttpStatusCode.NotFound, NoLifecycle));
        using var scope = S3ErrorCapture.Begin("lifecycle");

        var (response, body) = await SendAsync(transport, Get("?lifecycle"));

        scope.Error.Should().Be(new S3ErrorBody("NoSuchLifecycleConfiguration", "The lifecycle configuration does not exist"));
        scope.Answers.Should().Be(1);
        Encoding.UTF8.GetString(body).Should().Be(NoLifecycle);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/xml");
        response.Content.Headers.ContentLength.Should().Be(Encoding.UTF8.GetByteCount(NoLifecycle));
    }

    [Test]
    public async Task Handler_NoScope_LeavesTheContentAlone()
    {
        var transport = new ScriptedHandler(_ => ScriptedHandler.Answer(HttpStatusCode.NotFound, NoLifecycle));
        using var invoker = new HttpMessageInvoker(new S3ErrorCaptureHandler(transport));

        var response = await invoker.SendAsync(Get("?lifecycle"), CancellationToken.None);

        response.Content.Should().BeSameAs(transport.LastContent);
    }

    [TestCase("GET", "?tagging", HttpStatusCode.NotFound)]
    [TestCase("HEAD", "", HttpStatusCode.NotFound)]
    [TestCase("GET", "?lifecycle", HttpStatusCode.Forbidden)]
    [TestCase("GET", "?lifecycle", HttpStatusCode.OK)]
    [TestCase("GET", "?lifecycles", HttpStatusCode.NotFound)]
    [TestCase("GET", "key?x-id=lifecycle", HttpStatusCode.NotFound)]
    public async Task Handler_OtherAnswers_AreNotRecorded(string method, string query, HttpStatusCode status)
    {
        var transport = new ScriptedHandler(_ => ScriptedHandler.Answer(status, NoBucket));
        using var scope = S3ErrorCapture.Begin("lifecycle");
        using var invoker = new HttpMessageInvoker(new S3ErrorCaptureHandler(transport));

        var response = await invoker.SendAsync(new HttpRequestMessage(new HttpMethod(method), "http://localhost:9/bucket/" + query), CancellationToken.None);

        scope.Answers.Should().Be(0);
        scope.Error.Should().BeNull();
        response.Content.Should().BeSameAs(transport.LastContent);
    }

    [Test]
    public async Task Handler_EndedScope_RecordsNothing()
    {
        var transport = new ScriptedHandler(_ => ScriptedHandler.Answer(HttpStatusCode.NotFound, NoBucket));
        var scope = S3ErrorCapture.Begin("lifecycle");
        scope.Dispose();

        await SendAsync(transport, Get("?lifecycle"));

        scope.Answers.Should().Be(0);
        S3ErrorCapture.Current.Should().BeNull();
    }

    [Test]
    public async Task Handler_BodyOfUnknownLengthBeyondTheBound_GivesNoCodeAndTheWholeBodyToTheReader()
    {
        var huge = "<Error><Code>NoSuchBucket</Code><Message>" + new string('x', 200_000) + "</Message></Error>";
        var transport = new ScriptedHandler(_ => ScriptedHandler.Answer(HttpStatusCode.NotFound, huge, chunked: true));
        using var scope = S3ErrorCapture.Begin("lifecycle");

        var (_, body) = await SendAsync(transport, Get("?lifecycle"));

        scope.Answers.Should().Be(1);
        scope.Error.Should().BeNull();
        Encoding.UTF8.GetString(body).Should().Be(huge);
    }

    [Test]
    public async Task Handler_DeclaredLengthBeyondTheBound_IsNotRead()
    {
        var huge = new string('x', S3ErrorBody.MaxBodyBytes + 1);
        var transport = new ScriptedHandler(_ => ScriptedHandler.Answer(HttpStatusCode.NotFound, huge));
        using var scope = S3ErrorCapture.Begin("lifecycle");
        using var invoker = new HttpMessageInvoker(new S3ErrorCaptureHandler(transport));

        var response = await invoker.SendAsync(Get("?lifecycle"), CancellationToken.None);

        scope.Error.Should().BeNull();
        response.Content.Should().BeSameAs(transport.LastContent);
    }

    [Test]
    public async Task Handler_EmptyOrMalformedBody_GivesNoCode()
    {
        using var scope = S3ErrorCapture.Begin("lifecycle");

        var (_, empty) = await SendAsync(new ScriptedHandler(_ => ScriptedHandler.Answer(HttpStatusCode.NotFound, "")), Get("?lifecycle"));
        scope.Error.Should().BeNull();
        var (_, garbled) = await SendAsync(new ScriptedHandler(_ => ScriptedHandler.Answer(HttpStatusCode.NotFound, "<Error><Code>NoSuch")), Get("?lifecycle="));

        scope.Answers.Should().Be(2);
        scope.Error.Should().BeNull();
        empty.Should().BeEmpty();
        Encoding.UTF8.GetString(garbled).Should().Be("<Error><Code>NoSuch");
    }

    [TestCase("http://h/b/?lifecycle", true)]
    [TestCase("http://h/?lifecycle=", true)]
    [TestCase("http://h/b/?x=1&lifecycle", true)]
    [TestCase("http://h/b/", false)]
    [TestCase("http://h/b/?lifecycleX", false)]
    [TestCase("http://h/b/?prefix=lifecycle", false)]
    public void HasSubResource_ReadsQueryNames(string uri, bool expected) =>
        S3ErrorCapture.HasSubResource(new Uri(uri), "lifecycle").Should().Be(expected);

    // The gateway over the real SDK (its marshallers, 404 suppression and unmarshallers), with the capture handler in
    // front of a scripted transport as in the clients AmazonS3ClientFactory builds.

    private static AmazonS3Client SdkClient(ScriptedHandler transport) => new(new AnonymousAWSCredentials(), new AmazonS3Config
    {
        ServiceURL = "http://localhost:9",
        ForcePathStyle = true,
        MaxErrorRetry = 0,
        HttpClientFactory = new AwsHttpClientFactory(_ => transport),
    });

    [Test]
    public async Task Gateway_NoSuchLifecycleConfiguration_IsNullAfterOneRequest()
    {
        var transport = new ScriptedHandler(_ => ScriptedHandler.Answer(HttpStatusCode.NotFound, NoLifecycle));
        using var client = SdkClient(transport);
        using var gateway = new AwsS3Gateway(client);

        var read = await gateway.GetLifecycleAsync("bucket");

        read.Should().BeNull();
        transport.Requests.Should().Equal("GET /bucket/?lifecycle");
    }

    [Test]
    public async Task Gateway_NoSuchBucket_ThrowsNoSuchBucketAfterOneRequest()
    {
        var transport = new ScriptedHandler(_ => ScriptedHandler.Answer(HttpStatusCode.NotFound, NoBucket));
        using var client = SdkClient(transport);
        using var gateway = new AwsS3Gateway(client);

        var e = (await FluentActions.Awaiting(() => gateway.GetLifecycleAsync("gone")).Should().ThrowAsync<S3GatewayException>()).Which;

        e.Should().BeEquivalentTo(new
        {
            Kind = S3ErrorKind.NoSuchBucket,
            Bucket = "gone",
            StatusCode = 404,
            ErrorCode = "NoSuchBucket",
            Operation = S3Operations.GetBucketLifecycleConfiguration,
        });
        e.Message.Should().Contain("The specified bucket does not exist");
        transport.Requests.Should().Equal("GET /gone/?lifecycle");
    }

    [TestCase("")]
    [TestCase("<html>not found</html>")]
    [TestCase("<Error><Code>SomethingElse</Code></Error>")]
    public async Task Gateway_404WithoutAKnownCode_ConfirmsWithHeadBucket(string body)
    {
        var transport = new ScriptedHandler(request => request.Method == HttpMethod.Head
            ? ScriptedHandler.Answer(HttpStatusCode.OK, "")
            : ScriptedHandler.Answer(HttpStatusCode.NotFound, body));
        using var client = SdkClient(transport);
        using var gateway = new AwsS3Gateway(client);

        var read = await gateway.GetLifecycleAsync("bucket");

        read.Should().BeNull();
        transport.Requests.Should().Equal("GET /bucket/?lifecycle", "HEAD /bucket/");
    }

    [Test]
    public async Task Gateway_ConfirmationOff_Reads404AsNoConfigurationWithoutCapturing()
    {
        var transport = new ScriptedHandler(_ => ScriptedHandler.Answer(HttpStatusCode.NotFound, NoBucket));
        using var client = SdkClient(transport);
        using var gateway = new AwsS3Gateway(client, new AwsS3GatewayOptions { ConfirmBucketOnMissingLifecycle = false });

        (await gateway.GetLifecycleAsync("gone")).Should().BeNull();
        transport.Requests.Should().Equal("GET /gone/?lifecycle");
    }

    [Test]
    public async Task Gateway_ClientWithoutTheCaptureHandler_FallsBackToHeadBucket()
    {
        // An SDK client configured by the caller: its HTTP stack has no capture handler, the code stays unknown.
        var transport = new ScriptedHandler(request => ScriptedHandler.Answer(HttpStatusCode.NotFound, request.Method == HttpMethod.Head ? "" : NoBucket));
        using var client = new AmazonS3Client(new AnonymousAWSCredentials(), new AmazonS3Config
        {
            ServiceURL = "http://localhost:9",
            ForcePathStyle = true,
            MaxErrorRetry = 0,
            HttpClientFactory = new PlainFactory(transport),
        });
        using var gateway = new AwsS3Gateway(client);

        var e = (await FluentActions.Awaiting(() => gateway.GetLifecycleAsync("gone")).Should().ThrowAsync<S3GatewayException>()).Which;

        e.Kind.Should().Be(S3ErrorKind.NoSuchBucket);
        transport.Requests.Should().Equal("GET /gone/?lifecycle", "HEAD /gone/");
    }

    [Test]
    public async Task Gateway_ListBuckets_AsksForPagesOf10000()
    {
        var transport = new ScriptedHandler(_ => ScriptedHandler.Answer(HttpStatusCode.OK,
            "<ListAllMyBucketsResult><Buckets><Bucket><Name>a</Name></Bucket></Buckets></ListAllMyBucketsResult>"));
        using var client = SdkClient(transport);
        using var gateway = new AwsS3Gateway(client);

        (await gateway.ListBucketsAsync()).Should().Equal("a");
        transport.Requests.Should().Equal("GET /?max-buckets=10000");
    }

    [Test]
    public void Factory_ConfiguresTheTransportAsTheSdkDoes()
    {
        var config = AmazonS3ClientFactory.CreateConfig(new AwsS3GatewayOptions { Timeout = TimeSpan.FromSeconds(12) });
        config.MaxConnectionsPerServer = 7;
        config.ConnectTimeout = TimeSpan.FromSeconds(3);

        using var handler = AwsHttpClientFactory.CreateHandler(config);
        using var http = AwsHttpClientFactory.Instance.CreateHttpClient(config);

        config.HttpClientFactory.Should().BeSameAs(AwsHttpClientFactory.Instance);
        handler.MaxConnectionsPerServer.Should().Be(7);
        handler.ConnectTimeout.Should().Be(TimeSpan.FromSeconds(3));
        handler.AllowAutoRedirect.Should().Be(config.AllowAutoRedirect);
        handler.AutomaticDecompression.Should().Be(DecompressionMethods.None);
        handler.EnableMultipleHttp2Connections.Should().BeTrue();
        http.Timeout.Should().Be(TimeSpan.FromSeconds(12));
    }

    private sealed class PlainFactory(HttpMessageHandler transport) : HttpClientFactory
    {
        public override HttpClient CreateHttpClient(IClientConfig clientConfig) => new(transport, disposeHandler: false);

        public override bool UseSDKHttpClientCaching(IClientConfig clientConfig) => false;
    }
}

/// <summary>A transport that answers each request from a script and records it as "METHOD path?query".</summary>
internal sealed class ScriptedHandler(Func<HttpRequestMessage, HttpResponseMessage> answer) : HttpMessageHandler
{
    private readonly List<string> _requests = [];

    public IReadOnlyList<string> Requests => _requests;

    public HttpContent? LastContent { get; private set; }

    public static HttpResponseMessage Answer(HttpStatusCode status, string body, bool chunked = false)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        HttpContent content = chunked ? new StreamContent(new UnknownLengthStream(bytes)) : new ByteArrayContent(bytes);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/xml");
        if (!chunked)
        {
            content.Headers.ContentLength = bytes.Length;
        }

        return new HttpResponseMessage(status) { Content = content };
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        lock (_requests)
        {
            _requests.Add($"{request.Method} {request.RequestUri!.PathAndQuery}");
        }

        var response = answer(request);
        response.RequestMessage = request;
        LastContent = response.Content;
        return Task.FromResult(response);
    }

    /// <summary>A non-seekable stream of unknown length, as a chunked answer is.</summary>
    private sealed class UnknownLengthStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;

        public override long Length => throw new NotSupportedException();
    }
}

using System.Net;
using Amazon.Runtime;

namespace LakeCircle.Core.Gateways;

/// <summary>
/// The HTTP clients of the SDK clients LakeCircle configures (<see cref="AmazonS3ClientFactory.CreateConfig"/>): the
/// SDK's own handler settings (AWSSDK.Core 4.1 <c>HttpRequestMessageFactory.CreateManagedHttpClient</c> on .NET 8 and
/// later: a <see cref="SocketsHttpHandler"/> with several HTTP/2 connections, the config's connect timeout, connection
/// limit, redirect setting, no automatic decompression, proxy and its credentials, and the config's timeout on the
/// client), with an <see cref="S3ErrorCaptureHandler"/> in front so a gateway call can read the error code of a 404
/// answer the SDK reports as a plain response. The SDK keeps its per-client cache of these HTTP clients.
/// </summary>
internal sealed class AwsHttpClientFactory : HttpClientFactory
{
    /// <summary>The instance every configured SDK client shares; it holds no state.</summary>
    public static readonly AwsHttpClientFactory Instance = new(null);

    private readonly Func<HttpMessageHandler, HttpMessageHandler>? _wrapTransport;

    /// <summary>A factory whose transport handler is wrapped (by a test that counts the requests sent).</summary>
    /// <param name="wrapTransport">Given the transport handler, returns the handler to put under the capture handler.</param>
    internal AwsHttpClientFactory(Func<HttpMessageHandler, HttpMessageHandler>? wrapTransport)
    {
        _wrapTransport = wrapTransport;
    }

    /// <inheritdoc />
    public override HttpClient CreateHttpClient(IClientConfig clientConfig)
    {
        ArgumentNullException.ThrowIfNull(clientConfig);
        HttpMessageHandler transport = CreateHandler(clientConfig);
        var client = new HttpClient(new S3ErrorCaptureHandler(_wrapTransport?.Invoke(transport) ?? transport));
        if (clientConfig.Timeout is { } timeout)
        {
            client.Timeout = timeout;
        }

        return client;
    }

    /// <summary>The transport handler, configured as the SDK configures its own.</summary>
    internal static SocketsHttpHandler CreateHandler(IClientConfig clientConfig)
    {
        var handler = new SocketsHttpHandler
        {
            EnableMultipleHttp2Connections = true,
            AllowAutoRedirect = clientConfig.AllowAutoRedirect,
            AutomaticDecompression = DecompressionMethods.None,
        };
        if (clientConfig.ConnectTimeout is { } connect)
        {
            handler.ConnectTimeout = connect;
        }

        if (clientConfig.MaxConnectionsPerServer is { } connections)
        {
            handler.MaxConnectionsPerServer = connections;
        }

        if (clientConfig.GetWebProxy() is { } proxy)
        {
            handler.Proxy = proxy;
        }

        if (handler.Proxy is not null && clientConfig.ProxyCredentials is not null)
        {
            handler.Proxy.Credentials = clientConfig.ProxyCredentials;
        }

        return handler;
    }
}

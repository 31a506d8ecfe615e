using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security;
using System.Text;

namespace LakeCircle.Cli.Tests.Credentials;

/// <summary>
/// A stand-in for STS on 127.0.0.1 (an <see cref="HttpListener"/>): records each request as the SDK marshalled it
/// (form fields and the Authorization header) and answers AssumeRole with numbered credentials, or with what
/// <see cref="Answer"/> says.
/// </summary>
internal sealed class FakeSts : IDisposable
{
    private const string Namespace = "https://sts.amazonaws.com/doc/2011-06-15/";
    private readonly HttpListener _listener = new();
    private readonly Task _loop;
    private int _calls;

    public FakeSts()
    {
        var port = FreePort();
        Url = new Uri($"http://127.0.0.1:{port}/");
        _listener.Prefixes.Add(Url.ToString());
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    /// <summary>The endpoint to give the SDK.</summary>
    public Uri Url { get; }

    /// <summary>Every request received, in order.</summary>
    public ConcurrentQueue<Recorded> Requests { get; } = new();

    /// <summary>How long the credentials it hands out last.</summary>
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The answer to call n (1-based): status and body; <see langword="null"/> means credentials.</summary>
    public Func<int, (HttpStatusCode Status, string Body)?> Answer { get; set; } = _ => null;

    /// <summary>How many AssumeRole calls were answered with credentials.</summary>
    public int Issued => Volatile.Read(ref _issued);

    private int _issued;

    /// <summary>The access key id of the n-th credentials handed out.</summary>
    public static string AccessKeyOf(int n) => $"ASIAFAKE{n:D12}";

    /// <summary>An STS error body.</summary>
    public static string Error(string code, string message) =>
        $"""<ErrorResponse xmlns="{Namespace}"><Error><Type>Sender</Type><Code>{code}</Code><Message>{SecurityElement.Escape(message)}</Message></Error><RequestId>req-1</RequestId></ErrorResponse>""";

    public void Dispose()
    {
        // Close alone: Stop first makes the managed listener set its endpoint up again on Close.
        _listener.Close();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            await HandleAsync(context);
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        string body;
        using (var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8))
        {
            body = await reader.ReadToEndAsync();
        }

        var form = System.Web.HttpUtility.ParseQueryString(body);
        var fields = form.AllKeys.Where(k => k is not null).ToDictionary(k => k!, k => form[k] ?? "", StringComparer.Ordinal);
        Requests.Enqueue(new Recorded(context.Request.HttpMethod, context.Request.ContentType ?? "", context.Request.Headers["Authorization"] ?? "", fields));
        var call = Interlocked.Increment(ref _calls);
        var answer = Answer(call);
        HttpStatusCode status;
        string text;
        if (answer is { } given)
        {
            (status, text) = given;
        }
        else
        {
            var n = Interlocked.Increment(ref _issued);
            var expiration = (DateTime.UtcNow + Lifetime).ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
            status = HttpStatusCode.OK;
            text = $"""
                <AssumeRoleResponse xmlns="{Namespace}">
                  <AssumeRoleResult>
                    <AssumedRoleUser><AssumedRoleId>AROAFAKE:{fields.GetValueOrDefault("RoleSessionName")}</AssumedRoleId><Arn>arn:aws:sts::123456789012:assumed-role/fake/{fields.GetValueOrDefault("RoleSessionName")}</Arn></AssumedRoleUser>
                    <Credentials><AccessKeyId>{AccessKeyOf(n)}</AccessKeyId><SecretAccessKey>fake-secret-{n}</SecretAccessKey><SessionToken>fake-token-{n}</SessionToken><Expiration>{expiration}</Expiration></Credentials>
                  </AssumeRoleResult>
                  <ResponseMetadata><RequestId>req-{call}</RequestId></ResponseMetadata>
                </AssumeRoleResponse>
                """;
        }

        var bytes = Encoding.UTF8.GetBytes(text);
        context.Response.StatusCode = (int)status;
        context.Response.ContentType = "text/xml";
        context.Response.ContentLength64 = bytes.Length;
        await context.Response.OutputStream.WriteAsync(bytes);
        context.Response.Close();
    }

    /// <summary>One request: method, content type, Authorization header and form fields.</summary>
    internal sealed record Recorded(string Method, string ContentType, string Authorization, IReadOnlyDictionary<string, string> Form);
}

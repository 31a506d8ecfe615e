using System.Net;
using System.Net.Sockets;
using System.Text;

namespace LakeCircle.Cli.Tests.Hostile;

/// <summary>A server on 127.0.0.1 that gives every request the same raw answer (a redirect, garbage), then closes the connection.</summary>
internal sealed class FakeS3Server : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly byte[] _answer;
    private readonly Task _serving;

    public FakeS3Server(string answer)
        : this(Encoding.Latin1.GetBytes(answer))
    {
    }

    public FakeS3Server(byte[] answer)
    {
        _answer = answer;
        _listener.Start();
        _serving = Task.Run(ServeAsync);
    }

    public string Url => $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/";

    public static string Redirect(int status, string location) =>
        $"HTTP/1.1 {status} Redirect\r\nLocation: {location}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _serving;
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }

        _stop.Dispose();
    }

    private async Task ServeAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            _ = Task.Run(async () =>
            {
                using (client)
                {
                    try
                    {
                        var stream = client.GetStream();
                        var buffer = new byte[65536];
                        var read = new StringBuilder();
                        while (!read.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
                        {
                            var n = await stream.ReadAsync(buffer, _stop.Token);
                            if (n == 0)
                            {
                                return;
                            }

                            read.Append(Encoding.Latin1.GetString(buffer, 0, n));
                        }

                        await stream.WriteAsync(_answer, _stop.Token);
                        await stream.FlushAsync(_stop.Token);
                    }
                    catch (Exception e) when (e is IOException or SocketException or OperationCanceledException)
                    {
                    }
                }
            });
        }
    }
}

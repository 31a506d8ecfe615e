using System.Net;

namespace LakeCircle.Core.Gateways;

/// <summary>
/// Hands the error code of an HTTP 404 answer to a bucket sub-resource GET (such as <c>GET /?lifecycle</c>) to the code
/// that sent it, where the SDK does not: AWSSDK.S3 4.1 turns such an answer into an ordinary response of status
/// <c>NotFound</c> and drops the body's <c>&lt;Code&gt;</c>. A scope begun by <see cref="Begin"/> flows with the async
/// call; <see cref="S3ErrorCaptureHandler"/>, in the HTTP stack of the SDK clients LakeCircle configures, records the
/// answer in it. Without that handler (an SDK client configured elsewhere) nothing is recorded.
/// </summary>
internal sealed class S3ErrorCapture : IDisposable
{
    private static readonly AsyncLocal<S3ErrorCapture?> CurrentScope = new();

    private readonly S3ErrorCapture? _outer;
    private readonly string _subResource;
    private bool _disposed;

    private S3ErrorCapture(string subResource, S3ErrorCapture? outer)
    {
        _subResource = subResource;
        _outer = outer;
    }

    /// <summary>The scope of the current async flow, or <see langword="null"/>.</summary>
    internal static S3ErrorCapture? Current => CurrentScope.Value;

    /// <summary>The error of the last matching 404 answer, or <see langword="null"/> when none came or its body was unreadable.</summary>
    public S3ErrorBody? Error { get; private set; }

    /// <summary>How many matching 404 answers passed the handler (retries included).</summary>
    public int Answers { get; private set; }

    /// <summary>Starts capturing the 404 answers of <c>GET ?<paramref name="subResource"/></c> in this async flow.</summary>
    /// <param name="subResource">The sub-resource, such as <c>lifecycle</c>.</param>
    /// <returns>The scope; dispose it after the call.</returns>
    public static S3ErrorCapture Begin(string subResource)
    {
        var scope = new S3ErrorCapture(subResource, CurrentScope.Value);
        CurrentScope.Value = scope;
        return scope;
    }

    /// <summary>Whether an answer to <paramref name="request"/> belongs to this scope.</summary>
    internal bool Wants(HttpRequestMessage request, HttpResponseMessage response) =>
        !_disposed && response.StatusCode == HttpStatusCode.NotFound && request.Method == HttpMethod.Get && HasSubResource(request.RequestUri, _subResource);

    internal void Record(S3ErrorBody? error)
    {
        Answers++;
        Error = error;
    }

    /// <summary>Ends the scope.</summary>
    public void Dispose()
    {
        if (!_disposed)
        {
            _disposed = true;
            CurrentScope.Value = _outer;
        }
    }

    /// <summary>Whether the query of <paramref name="uri"/> names <paramref name="subResource"/> (<c>?lifecycle</c> or <c>?lifecycle=</c>).</summary>
    internal static bool HasSubResource(Uri? uri, string subResource)
    {
        var query = uri?.Query;
        if (string.IsNullOrEmpty(query))
        {
            return false;
        }

        foreach (var part in query.TrimStart('?').Split('&'))
        {
            var name = part.Split('=', 2)[0];
            if (string.Equals(name, subResource, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>
/// In the HTTP stack of an SDK client: for an answer an <see cref="S3ErrorCapture"/> of the current async flow wants,
/// reads at most <see cref="S3ErrorBody.MaxBodyBytes"/> bytes of the body, records its error in the scope, and gives the
/// SDK the same bytes (and the rest of a longer body, unread) behind the same headers. Every other answer passes untouched.
/// </summary>
internal sealed class S3ErrorCaptureHandler : DelegatingHandler
{
    public S3ErrorCaptureHandler()
    {
    }

    public S3ErrorCaptureHandler(HttpMessageHandler innerHandler)
        : base(innerHandler)
    {
    }

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (S3ErrorCapture.Current is { } scope && scope.Wants(request, response))
        {
            scope.Record(await BufferAsync(response, cancellationToken).ConfigureAwait(false));
        }

        return response;
    }

    /// <summary>Reads the start of the body, puts back an equivalent content, and parses the error when the whole body was read.</summary>
    internal static async Task<S3ErrorBody?> BufferAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var original = response.Content;
        if (original.Headers.ContentLength is > S3ErrorBody.MaxBodyBytes)
        {
            return null;
        }

        var stream = await original.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        var buffer = new byte[S3ErrorBody.MaxBodyBytes + 1];
        var length = 0;
        int read;
        while (length < buffer.Length && (read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false)) > 0)
        {
            length += read;
        }

        HttpContent replacement;
        S3ErrorBody? error = null;
        if (length > S3ErrorBody.MaxBodyBytes)
        {
            // Too long for an S3 error: the SDK gets what was read followed by the rest of the stream.
            replacement = new StreamContent(new PrefixedReadStream(buffer.AsMemory(0, length), stream));
        }
        else
        {
            replacement = new ByteArrayContent(buffer, 0, length);
            error = S3ErrorBody.Parse(buffer.AsSpan(0, length));
        }

        foreach (var (name, values) in original.Headers)
        {
            replacement.Headers.TryAddWithoutValidation(name, values);
        }

        response.Content = replacement;
        if (replacement is ByteArrayContent)
        {
            original.Dispose();
        }

        return error;
    }

    /// <summary>A read-only stream of some bytes already read followed by the rest of another stream, which it owns.</summary>
    private sealed class PrefixedReadStream(ReadOnlyMemory<byte> prefix, Stream rest) : Stream
    {
        private ReadOnlyMemory<byte> _prefix = prefix;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            if (!_prefix.IsEmpty)
            {
                return TakePrefix(buffer);
            }

            return rest.Read(buffer);
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            !_prefix.IsEmpty ? ValueTask.FromResult(TakePrefix(buffer.Span)) : rest.ReadAsync(buffer, cancellationToken);

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                rest.Dispose();
            }

            base.Dispose(disposing);
        }

        private int TakePrefix(Span<byte> buffer)
        {
            var count = Math.Min(buffer.Length, _prefix.Length);
            _prefix.Span[..count].CopyTo(buffer);
            _prefix = _prefix[count..];
            return count;
        }
    }
}

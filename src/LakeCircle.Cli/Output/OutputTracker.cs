using System.Text;

namespace LakeCircle.Cli.Output;

/// <summary>
/// Standard output, remembering whether anything was written to it: a failure that comes after a JSON document was
/// printed must not print a second one (one document per invocation).
/// </summary>
internal sealed class OutputTracker(TextWriter inner) : TextWriter
{
    /// <summary>Whether anything was written.</summary>
    public bool Written { get; private set; }

    public override Encoding Encoding => inner.Encoding;

    public override IFormatProvider FormatProvider => inner.FormatProvider;

    [System.Diagnostics.CodeAnalysis.AllowNull]
    public override string NewLine
    {
        get => inner.NewLine;
        set => inner.NewLine = value;
    }

    /// <summary>Whether <paramref name="output"/> already carries a document (a writer that is not tracked never does).</summary>
    public static bool HasWritten(TextWriter output) => output is OutputTracker { Written: true };

    public override void Write(char value)
    {
        Written = true;
        inner.Write(value);
    }

    public override void Write(string? value)
    {
        Written |= !string.IsNullOrEmpty(value);
        inner.Write(value);
    }

    public override void Write(char[] buffer, int index, int count)
    {
        Written |= count > 0;
        inner.Write(buffer, index, count);
    }

    public override void WriteLine(string? value)
    {
        Written = true;
        inner.WriteLine(value);
    }

    public override Task WriteAsync(char value)
    {
        Written = true;
        return inner.WriteAsync(value);
    }

    public override Task WriteAsync(string? value)
    {
        Written |= !string.IsNullOrEmpty(value);
        return inner.WriteAsync(value);
    }

    public override Task WriteAsync(ReadOnlyMemory<char> buffer, CancellationToken cancellationToken = default)
    {
        Written |= buffer.Length > 0;
        return inner.WriteAsync(buffer, cancellationToken);
    }

    public override Task WriteLineAsync(string? value)
    {
        Written = true;
        return inner.WriteLineAsync(value);
    }

    public override Task WriteLineAsync(ReadOnlyMemory<char> buffer, CancellationToken cancellationToken = default)
    {
        Written = true;
        return inner.WriteLineAsync(buffer, cancellationToken);
    }

    public override void Flush() => inner.Flush();

    public override Task FlushAsync() => inner.FlushAsync();

    public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);
}

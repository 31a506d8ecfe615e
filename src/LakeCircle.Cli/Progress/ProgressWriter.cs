using System.Text;

namespace LakeCircle.Cli.Progress;

/// <summary>
/// Standard error while a <see cref="ProgressLine"/> is on it: every write (log lines, messages, the confirmation)
/// goes through the line's lock, which erases the line first and draws it again once the text has ended its line.
/// </summary>
internal sealed class ProgressWriter(TextWriter inner, ProgressLine line) : TextWriter
{
    public override Encoding Encoding => inner.Encoding;

    public override IFormatProvider FormatProvider => inner.FormatProvider;

    [System.Diagnostics.CodeAnalysis.AllowNull]
    public override string NewLine
    {
        get => inner.NewLine;
        set => inner.NewLine = value;
    }

    public override void Write(char value) =>
        line.WriteAbove(value, static (writer, c) => writer.Write(c), value == '\n');

    public override void Write(string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            line.WriteAbove(value, static (writer, text) => writer.Write(text), value[^1] == '\n');
        }
    }

    public override void Write(char[] buffer, int index, int count)
    {
        if (count > 0)
        {
            Write(new string(buffer, index, count));
        }
    }

    public override void WriteLine() => Write(inner.NewLine);

    public override void WriteLine(string? value) => Write(value + inner.NewLine);

    // Writes to a terminal are short: done at once under the line's lock, which an await must not hold.
    public override Task WriteAsync(char value)
    {
        Write(value);
        return Task.CompletedTask;
    }

    public override Task WriteAsync(string? value)
    {
        Write(value);
        return Task.CompletedTask;
    }

    public override Task WriteAsync(ReadOnlyMemory<char> buffer, CancellationToken cancellationToken = default)
    {
        Write(buffer.ToString());
        return Task.CompletedTask;
    }

    public override Task WriteLineAsync()
    {
        WriteLine();
        return Task.CompletedTask;
    }

    public override Task WriteLineAsync(string? value)
    {
        WriteLine(value);
        return Task.CompletedTask;
    }

    public override Task WriteLineAsync(ReadOnlyMemory<char> buffer, CancellationToken cancellationToken = default)
    {
        WriteLine(buffer.ToString());
        return Task.CompletedTask;
    }

    public override void Flush() => inner.Flush();

    public override Task FlushAsync() => inner.FlushAsync();

    public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);
}

using System.Buffers;
using System.Text.Unicode;

namespace LakeCircle.Core.Definitions.Reading;

/// <summary>Decodes a definition file as strict UTF-8 (a leading byte order mark is allowed and dropped).</summary>
internal static class TextDecoder
{
    private static readonly byte[] ByteOrderMark = [0xEF, 0xBB, 0xBF];

    /// <summary>The content without its leading byte order mark, if any.</summary>
    public static ReadOnlyMemory<byte> WithoutByteOrderMark(ReadOnlyMemory<byte> content) =>
        content.Span.StartsWith(ByteOrderMark) ? content[ByteOrderMark.Length..] : content;

    /// <summary>Decodes <paramref name="content"/>; on invalid UTF-8 returns <see langword="null"/> and the position of the first bad byte.</summary>
    public static string? Decode(ReadOnlySpan<byte> content, out TextPoint invalidAt)
    {
        invalidAt = default;
        if (content.StartsWith(ByteOrderMark))
        {
            content = content[ByteOrderMark.Length..];
        }

        var chars = new char[content.Length];
        var status = Utf8.ToUtf16(content, chars, out var bytesRead, out var charsWritten, replaceInvalidSequences: false);
        if (status == OperationStatus.Done)
        {
            return new string(chars, 0, charsWritten);
        }

        var line = 1;
        var column = 1;
        foreach (var c in chars.AsSpan(0, charsWritten))
        {
            if (c == '\n')
            {
                line++;
                column = 1;
            }
            else if (!char.IsLowSurrogate(c))
            {
                column++; // one column per character, as Tomlyn counts them
            }
        }

        invalidAt = new TextPoint(line, column);
        _ = bytesRead;
        return null;
    }
}

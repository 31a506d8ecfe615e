using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.Json;
using LakeCircle.Core.Definitions.Reading;

namespace LakeCircle.Core.Definitions.Json;

/// <summary>
/// Reads a JSON definition file (strict RFC 8259 JSON: no comments, no trailing commas) into the same
/// <see cref="TableNode"/> tree as a TOML file, each key and value with its line and column, and reports duplicate
/// keys with the position of both (System.Text.Json's document model keeps either silently).
/// </summary>
/// <remarks>
/// Lines end at <c>\n</c> (a <c>\r</c> before it is the last column of its line); columns count characters (Unicode
/// scalar values) from 1, as for TOML files, so a character of two to four UTF-8 bytes takes one column.
/// </remarks>
internal sealed class JsonDocumentReader
{
    /// <summary>How deeply arrays and objects may nest (a definition needs 6 levels).</summary>
    internal const int MaxDepth = 64;

    private readonly ReadOnlyMemory<byte> _content;
    private readonly List<int> _lineStarts = [0];
    private readonly DiagnosticSink _sink;

    private JsonDocumentReader(ReadOnlyMemory<byte> content, DiagnosticSink sink)
    {
        _content = content;
        _sink = sink;
        var span = content.Span;
        for (var i = span.IndexOf((byte)'\n'); i >= 0; i = NextNewLine(span, i + 1))
        {
            _lineStarts.Add(i + 1);
        }
    }

    /// <summary>
    /// The document's root object, or <see langword="null"/> when it is not JSON (the first syntax error reported) or
    /// not an object.
    /// </summary>
    /// <param name="content">The file's bytes, valid UTF-8, without a byte order mark.</param>
    /// <param name="sink">Receives the problems.</param>
    public static TableNode? Read(ReadOnlyMemory<byte> content, DiagnosticSink sink) => new JsonDocumentReader(content, sink).Read();

    private static int NextNewLine(ReadOnlySpan<byte> span, int from)
    {
        var next = span[from..].IndexOf((byte)'\n');
        return next < 0 ? -1 : from + next;
    }

    private TableNode? Read()
    {
        var options = new JsonReaderOptions { CommentHandling = JsonCommentHandling.Allow, AllowTrailingCommas = false, MaxDepth = MaxDepth };
        var reader = new Utf8JsonReader(_content.Span, options);
        try
        {
            Next(ref reader);
            var root = ReadValue(ref reader, "");
            if (root is not TableNode table)
            {
                _sink.Add(root.Position, null, $"A JSON definition file holds one object ({{ \"BucketName\": …, \"LifecycleConfiguration\": … }}), not {root.Describe(DefinitionFormat.Json)}.");
                return null;
            }

            while (reader.Read())
            {
                Stop(ref reader); // only a comment can follow the root value without the reader throwing
            }

            return table;
        }
        catch (JsonException e)
        {
            var offset = Offset(e.LineNumber, e.BytePositionInLine);
            _sink.Add(Point(offset), null, "JSON syntax error: " + Explain(e, offset));
            return null;
        }
        catch (SyntaxProblem problem)
        {
            _sink.Add(Point(problem.Offset), null, "JSON syntax error: " + problem.Message);
            return null;
        }
    }

    /// <summary>Moves to the next token, refusing comments (JSON has none; the reader would accept them only by an option).</summary>
    private static void Next(ref Utf8JsonReader reader)
    {
        if (!reader.Read())
        {
            throw new SyntaxProblem(reader.TokenStartIndex, "the file ends before the value is complete.");
        }

        if (reader.TokenType == JsonTokenType.Comment)
        {
            Stop(ref reader);
        }
    }

    private static void Stop(ref Utf8JsonReader reader) =>
        throw new SyntaxProblem(reader.TokenStartIndex, "comments are not allowed in JSON.");

    private ValueNode ReadValue(ref Utf8JsonReader reader, string path)
    {
        var position = Point(reader.TokenStartIndex);
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                var table = new TableNode(position, path, TableOrigin.Inline);
                for (Next(ref reader); reader.TokenType != JsonTokenType.EndObject; Next(ref reader))
                {
                    var key = String(ref reader);
                    var keyPosition = Point(reader.TokenStartIndex);
                    var childPath = table.ChildPath(key);
                    Next(ref reader);
                    var value = ReadValue(ref reader, childPath);
                    if (table.TryGet(key, out var existing))
                    {
                        _sink.Add(keyPosition, childPath, $"Duplicate key '{key}': already defined at line {existing.KeyPosition.Line}, column {existing.KeyPosition.Column}.");
                    }
                    else
                    {
                        table.Add(new TableEntry(key, keyPosition, value));
                    }
                }

                return table;
            case JsonTokenType.StartArray:
                var array = new ArrayNode(position, path, isTableArray: false);
                for (Next(ref reader); reader.TokenType != JsonTokenType.EndArray; Next(ref reader))
                {
                    array.Items.Add(ReadValue(ref reader, array.ItemPath(array.Items.Count)));
                }

                return array;
            case JsonTokenType.String:
                return new ScalarNode(position, path, String(ref reader));
            case JsonTokenType.Number:
                return new ScalarNode(position, path, Number(ref reader));
            case JsonTokenType.True or JsonTokenType.False:
                return new ScalarNode(position, path, reader.GetBoolean());
            default:
                return new ScalarNode(position, path, JsonNull.Value);
        }
    }

    /// <summary>A string or key; one escaping a lone UTF-16 surrogate (<c>"\ud800"</c>) is no text and stops the read.</summary>
    private static string String(ref Utf8JsonReader reader)
    {
        try
        {
            return reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            throw new SyntaxProblem(reader.TokenStartIndex, "the string escapes a lone UTF-16 surrogate (such as \\ud800), which is not text.");
        }
    }

    /// <summary>An integer literal as a <see cref="long"/> (a <see cref="BigInteger"/> beyond 64 bits), any other number as a <see cref="double"/>.</summary>
    private static object Number(ref Utf8JsonReader reader)
    {
        var literal = reader.ValueSpan;
        if (literal.IndexOfAny((byte)'.', (byte)'e', (byte)'E') >= 0)
        {
            return reader.TryGetDouble(out var number) ? number : double.PositiveInfinity;
        }

        return reader.TryGetInt64(out var integer)
            ? (object)integer
            : BigInteger.Parse(Encoding.ASCII.GetString(literal), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
    }

    /// <summary>The reader's message without its own position (given as line and column instead) and, for a trailing comma, in plain words.</summary>
    private string Explain(JsonException e, long offset)
    {
        if (IsTrailingComma(offset))
        {
            return "a comma after the last item of an object or array is not allowed in JSON.";
        }

        var message = e.Message;
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (cut < 0 ? message : message[..cut]).Trim();
    }

    /// <summary>Whether the error is at a <c>}</c> or <c>]</c> whose previous token is a comma.</summary>
    private bool IsTrailingComma(long offset)
    {
        var span = _content.Span;
        var at = (int)Math.Min(offset, span.Length);
        for (var i = at; i < span.Length && i <= at + 1; i++)
        {
            if (span[i] is (byte)'}' or (byte)']')
            {
                at = i;
                break;
            }
        }

        if (at >= span.Length || span[at] is not ((byte)'}' or (byte)']'))
        {
            return false;
        }

        for (var i = at - 1; i >= 0; i--)
        {
            if (span[i] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
            {
                continue;
            }

            return span[i] == (byte)',';
        }

        return false;
    }

    /// <summary>The byte offset of a 0-based line and byte in that line, as the reader reports them.</summary>
    private long Offset(long? line, long? byteInLine)
    {
        var index = (int)Math.Clamp(line ?? 0, 0, _lineStarts.Count - 1);
        return Math.Min(_lineStarts[index] + (byteInLine ?? 0), _content.Length);
    }

    private TextPoint Point(long offset)
    {
        offset = Math.Clamp(offset, 0, _content.Length);
        var line = _lineStarts.BinarySearch((int)offset);
        if (line < 0)
        {
            line = ~line - 1;
        }

        // One column per character (Unicode scalar value), as Tomlyn counts them: every byte but UTF-8's continuation bytes.
        var column = 1;
        foreach (var b in _content.Span[_lineStarts[line]..(int)offset])
        {
            if ((b & 0xC0) != 0x80)
            {
                column++;
            }
        }

        return new TextPoint(line + 1, column);
    }

    /// <summary>A syntax problem the reader does not raise itself (a comment, a lone surrogate, the end of the file), at a byte offset.</summary>
    private sealed class SyntaxProblem(long offset, string message) : Exception(message)
    {
        public long Offset { get; } = offset;
    }
}

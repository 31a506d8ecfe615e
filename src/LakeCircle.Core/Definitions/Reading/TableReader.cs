using System.Globalization;
using System.Numerics;
using Tomlyn;

namespace LakeCircle.Core.Definitions.Reading;

/// <summary>
/// Reads typed values from one table, reporting every problem (unknown key, wrong type, out of range, missing)
/// with the field path and position, and returning <see langword="null"/> for a value it could not read. The same for
/// TOML and JSON files: only the words naming kinds of values follow the file's format (a table, an object).
/// </summary>
internal sealed class TableReader(TableNode table, DiagnosticSink sink, string? ruleId = null)
{
    public TableNode Table { get; } = table;

    public DiagnosticSink Sink { get; } = sink;

    public string? RuleId { get; set; } = ruleId;

    public bool Has(string key) => Table.TryGet(key, out _);

    /// <summary>Reports each key not in <paramref name="known"/>, suggesting the closest known key.</summary>
    public void CheckKeys(params string[] known)
    {
        foreach (var entry in Table.Entries)
        {
            if (known.Contains(entry.Key, StringComparer.Ordinal))
            {
                continue;
            }

            var suggestion = KeySuggester.Closest(entry.Key, known);
            var hint = suggestion is null ? $"expected one of {string.Join(", ", known)}." : $"did you mean {suggestion}?";
            Sink.Add(entry.KeyPosition, entry.Node.Path, $"Unknown key '{entry.Key}': {hint}", RuleId);
        }
    }

    public void ReportMissing(string key) =>
        Sink.Add(Table.Position, Table.ChildPath(key), $"Required key '{key}' is missing.", RuleId);

    public string? String(string key, bool required = false) =>
        Read(key, required, Expected.String, node => node is ScalarNode { Value: string text } ? text : null);

    public bool? Boolean(string key) =>
        Read(key, false, Expected.Boolean, node => node is ScalarNode { Value: bool value } ? value : (bool?)null);

    public int? Int32(string key) => checked((int?)Integer(key, int.MinValue, int.MaxValue));

    public long? Int64(string key) => Integer(key, long.MinValue, long.MaxValue);

    public DateTimeOffset? Date(string key) =>
        Read(key, false, Expected.Date, node => node switch
        {
            ScalarNode { Value: TomlDateTime { Kind: not TomlDateTimeKind.LocalTime } value } => ToUtc(value),
            ScalarNode { Value: string text } => ParseIsoDate(node, text),
            _ => null,
        });

    public TableReader? Child(string key) =>
        Read(key, false, Expected.Table, node => node is TableNode child ? new TableReader(child, Sink, RuleId) : null);

    /// <summary>Reads an array of tables, written as <c>[[..]]</c> or as an array of inline tables (in JSON, an array of objects).</summary>
    public IReadOnlyList<TableReader>? Tables(string key, bool required = false) =>
        Read(key, required, Expected.TableArray, node =>
        {
            if (node is not ArrayNode array)
            {
                return null;
            }

            var readers = new List<TableReader>();
            foreach (var item in array.Items)
            {
                if (item is TableNode child)
                {
                    readers.Add(new TableReader(child, Sink, RuleId));
                }
                else
                {
                    Sink.Add(item.Position, item.Path, $"Expected {FormatWords.Table(Sink.Format)}, got {item.Describe(Sink.Format)}.", RuleId);
                }
            }

            return readers;
        });

    private long? Integer(string key, long minimum, long maximum) =>
        Read(key, false, Expected.Integer, node =>
        {
            if (node is ScalarNode { Value: BigInteger huge })
            {
                Sink.Add(node.Position, node.Path, $"Value {huge} is out of range: expected an integer from {minimum} to {maximum}.", RuleId);
                return null;
            }

            if (node is not ScalarNode { Value: long value })
            {
                return (long?)null;
            }

            if (value < minimum || value > maximum)
            {
                Sink.Add(node.Position, node.Path, $"Value {value} is out of range: expected an integer from {minimum} to {maximum}.", RuleId);
                return null;
            }

            return value;
        });

    private T? Read<T>(string key, bool required, Expected expected, Func<ValueNode, T?> convert)
    {
        if (!Table.TryGet(key, out var entry))
        {
            if (required)
            {
                ReportMissing(key);
            }

            return default;
        }

        var value = convert(entry.Node);
        if (value is null && !IsOfType(entry.Node, expected))
        {
            Sink.Add(entry.Node.Position, entry.Node.Path, $"Expected {Words(expected)}, got {entry.Node.Describe(Sink.Format)}.", RuleId);
        }

        return value;
    }

    /// <summary>Whether a node failed for a reason other than its type (already reported by the converter).</summary>
    private static bool IsOfType(ValueNode node, Expected expected) => expected switch
    {
        Expected.Integer => node is ScalarNode { Value: long or BigInteger },
        Expected.Table => node is TableNode,
        Expected.TableArray => node is ArrayNode,
        Expected.Date => node is ScalarNode { Value: string },
        _ => false,
    };

    private string Words(Expected expected) => expected switch
    {
        Expected.String => "a string",
        Expected.Boolean => "a boolean",
        Expected.Integer => "an integer",
        Expected.Date => FormatWords.Date(Sink.Format),
        Expected.Table => FormatWords.Table(Sink.Format),
        _ => FormatWords.TableArray(Sink.Format),
    };

    private static DateTimeOffset ToUtc(TomlDateTime value) => value.Kind switch
    {
        TomlDateTimeKind.OffsetDateTimeByZ or TomlDateTimeKind.OffsetDateTimeByNumber => value.DateTime.ToUniversalTime(),
        _ => new DateTimeOffset(DateTime.SpecifyKind(value.DateTime.DateTime, DateTimeKind.Unspecified), TimeSpan.Zero),
    };

    private DateTimeOffset? ParseIsoDate(ValueNode node, string text)
    {
        string[] formats = ["yyyy-MM-dd", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK"];
        if (DateTimeOffset.TryParseExact(text, formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
        {
            return parsed;
        }

        Sink.Add(node.Position, node.Path, $"'{text}' is not an ISO-8601 date such as 2027-01-01 or 2027-01-01T00:00:00Z.", RuleId);
        return null;
    }

    /// <summary>The kinds of values a key may expect.</summary>
    private enum Expected
    {
        String,
        Boolean,
        Integer,
        Date,
        Table,
        TableArray,
    }
}

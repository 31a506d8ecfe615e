using System.Globalization;
using Tomlyn;

namespace LakeCircle.Core.Definitions.Toml;

/// <summary>
/// Reads typed values from one table, reporting every problem (unknown key, wrong type, out of range, missing)
/// with the field path and position, and returning <see langword="null"/> for a value it could not read.
/// </summary>
internal sealed class TableReader(TomlTableNode table, DiagnosticSink sink, string? ruleId = null)
{
    public TomlTableNode Table { get; } = table;

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
        Read(key, required, "a string", node => node is TomlScalarNode { Value: string text } ? text : null);

    public bool? Boolean(string key) =>
        Read(key, false, "a boolean", node => node is TomlScalarNode { Value: bool value } ? value : (bool?)null);

    public int? Int32(string key) => checked((int?)Integer(key, int.MinValue, int.MaxValue));

    public long? Int64(string key) => Integer(key, long.MinValue, long.MaxValue);

    public DateTimeOffset? Date(string key) =>
        Read(key, false, "a date (such as 2027-01-01) or an ISO-8601 date string", node => node switch
        {
            TomlScalarNode { Value: TomlDateTime { Kind: not TomlDateTimeKind.LocalTime } value } => ToUtc(value),
            TomlScalarNode { Value: string text } => ParseIsoDate(node, text),
            _ => null,
        });

    public TableReader? Child(string key) =>
        Read(key, false, "a table", node => node is TomlTableNode child ? new TableReader(child, Sink, RuleId) : null);

    /// <summary>Reads an array of tables, written as <c>[[..]]</c> or as an array of inline tables.</summary>
    public IReadOnlyList<TableReader>? Tables(string key, bool required = false) =>
        Read(key, required, "an array of tables", node =>
        {
            if (node is not TomlArrayNode array)
            {
                return null;
            }

            var readers = new List<TableReader>();
            foreach (var item in array.Items)
            {
                if (item is TomlTableNode child)
                {
                    readers.Add(new TableReader(child, Sink, RuleId));
                }
                else
                {
                    Sink.Add(item.Position, item.Path, $"Expected a table, got {item.Description}.", RuleId);
                }
            }

            return readers;
        });

    private long? Integer(string key, long minimum, long maximum) =>
        Read(key, false, "an integer", node =>
        {
            if (node is not TomlScalarNode { Value: long value })
            {
                return (long?)null;
            }

            if (value < minimum || value > maximum)
            {
                Sink.Add(node.Position, node.Path, $"Value {value} is out of range: expected an integer from {minimum} to {maximum}.", RuleId);
                return null;
            }

            return value;
        }, reportType: true);

    private T? Read<T>(string key, bool required, string expected, Func<TomlNode, T?> convert, bool reportType = true)
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
        if (value is null && reportType && !IsOfType(entry.Node, expected))
        {
            Sink.Add(entry.Node.Position, entry.Node.Path, $"Expected {expected}, got {entry.Node.Description}.", RuleId);
        }

        return value;
    }

    /// <summary>Whether a node failed for a reason other than its type (already reported by the converter).</summary>
    private static bool IsOfType(TomlNode node, string expected) => expected switch
    {
        "an integer" => node is TomlScalarNode { Value: long },
        "a table" => node is TomlTableNode,
        "an array of tables" => node is TomlArrayNode,
        _ when expected.StartsWith("a date", StringComparison.Ordinal) => node is TomlScalarNode { Value: string },
        _ => false,
    };

    private static DateTimeOffset ToUtc(TomlDateTime value) => value.Kind switch
    {
        TomlDateTimeKind.OffsetDateTimeByZ or TomlDateTimeKind.OffsetDateTimeByNumber => value.DateTime.ToUniversalTime(),
        _ => new DateTimeOffset(DateTime.SpecifyKind(value.DateTime.DateTime, DateTimeKind.Unspecified), TimeSpan.Zero),
    };

    private DateTimeOffset? ParseIsoDate(TomlNode node, string text)
    {
        string[] formats = ["yyyy-MM-dd", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK"];
        if (DateTimeOffset.TryParseExact(text, formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
        {
            return parsed;
        }

        Sink.Add(node.Position, node.Path, $"'{text}' is not an ISO-8601 date such as 2027-01-01 or 2027-01-01T00:00:00Z.", RuleId);
        return null;
    }
}

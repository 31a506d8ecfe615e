using System.Numerics;

namespace LakeCircle.Core.Definitions.Reading;

/// <summary>
/// A value of a definition file as LakeCircle reads it, whatever the file's format: a table (a TOML table or a JSON
/// object), an array or a scalar, with its position and its key path. The TOML and JSON readers build this tree; every
/// check after that (<see cref="TableReader"/>, <see cref="RuleReader"/>, <see cref="SourceMap"/>) is shared.
/// </summary>
internal abstract class ValueNode(TextPoint position, string path)
{
    /// <summary>The key path from the document root, such as <c>LifecycleConfiguration.Rules[0].Expiration</c>.</summary>
    public string Path { get; } = path;

    /// <summary>Where the value starts (the header of a TOML table declared with <c>[..]</c> or <c>[[..]]</c>).</summary>
    public TextPoint Position { get; set; } = position;

    /// <summary>The kind of value, as said in messages (<c>a string</c>, <c>a table</c>, …), in the words of <paramref name="format"/>.</summary>
    public abstract string Describe(DefinitionFormat format);
}

/// <summary>How a table came to exist; decides whether a later TOML header or dotted key may still define it.</summary>
internal enum TableOrigin
{
    /// <summary>Created as the parent of a header (<c>[a.b]</c> creates <c>a</c>); a later <c>[a]</c> may define it.</summary>
    Implicit,

    /// <summary>Defined by a <c>[header]</c> or <c>[[header]]</c>, or the document root.</summary>
    Header,

    /// <summary>Created by a dotted key (<c>a.b = 1</c> creates <c>a</c>).</summary>
    Dotted,

    /// <summary>An inline table (<c>{ .. }</c>) or a JSON object, closed once written.</summary>
    Inline,
}

/// <summary>A table (TOML) or object (JSON): keys in the order written, each with the key's own position.</summary>
internal sealed class TableNode(TextPoint position, string path, TableOrigin origin) : ValueNode(position, path)
{
    private readonly List<TableEntry> _entries = [];
    private readonly Dictionary<string, TableEntry> _byKey = new(StringComparer.Ordinal);

    public TableOrigin Origin { get; set; } = origin;

    public IReadOnlyList<TableEntry> Entries => _entries;

    public override string Describe(DefinitionFormat format) => FormatWords.Table(format);

    /// <summary>The path of the value at <paramref name="key"/>.</summary>
    public string ChildPath(string key) => Path.Length == 0 ? key : Path + "." + key;

    public bool TryGet(string key, out TableEntry entry) => _byKey.TryGetValue(key, out entry!);

    public void Add(TableEntry entry)
    {
        _entries.Add(entry);
        _byKey.Add(entry.Key, entry);
    }
}

/// <summary>A key of a table with the position of the key itself and its value.</summary>
internal sealed record TableEntry(string Key, TextPoint KeyPosition, ValueNode Node);

/// <summary>An array: a TOML static array (<c>[..]</c>) or array of tables (<c>[[..]]</c>), or a JSON array.</summary>
internal sealed class ArrayNode(TextPoint position, string path, bool isTableArray) : ValueNode(position, path)
{
    public bool IsTableArray { get; } = isTableArray;

    public List<ValueNode> Items { get; } = [];

    public override string Describe(DefinitionFormat format) => "an array";

    /// <summary>The path of the item at <paramref name="index"/>.</summary>
    public string ItemPath(int index) => $"{Path}[{index}]";
}

/// <summary>
/// A scalar: <see cref="string"/>, <see cref="long"/>, <see cref="double"/>, <see cref="bool"/>,
/// <see cref="Tomlyn.TomlDateTime"/> (TOML), a <see cref="BigInteger"/> for a JSON integer beyond 64 bits (reported as
/// out of range where an integer is read) or <see cref="JsonNull"/> (JSON <c>null</c>).
/// </summary>
internal sealed class ScalarNode(TextPoint position, string path, object value) : ValueNode(position, path)
{
    public object Value { get; } = value;

    public override string Describe(DefinitionFormat format) => Value switch
    {
        string => "a string",
        long or BigInteger => "an integer",
        double => FormatWords.Float(format),
        bool => "a boolean",
        JsonNull => "null",
        Tomlyn.TomlDateTime { Kind: Tomlyn.TomlDateTimeKind.LocalTime } => "a local time",
        _ => "a date-time",
    };
}

/// <summary>The JSON value <c>null</c>: never a valid value of a definition key.</summary>
internal sealed class JsonNull
{
    public static readonly JsonNull Value = new();

    private JsonNull()
    {
    }
}

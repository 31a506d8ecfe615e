namespace LakeCircle.Core.Definitions.Toml;

/// <summary>A value of the TOML document as LakeCircle reads it: a table, an array or a scalar, with its position.</summary>
internal abstract class TomlNode(TextPoint position, string path)
{
    /// <summary>The key path from the document root, such as <c>LifecycleConfiguration.Rules[0].Expiration</c>.</summary>
    public string Path { get; } = path;

    /// <summary>Where the value starts (the header of a table declared with <c>[..]</c> or <c>[[..]]</c>).</summary>
    public TextPoint Position { get; set; } = position;

    /// <summary>The kind of value, as said in messages (<c>a string</c>, <c>a table</c>, …).</summary>
    public abstract string Description { get; }
}

/// <summary>How a table came to exist; decides whether a later header or dotted key may still define it.</summary>
internal enum TableOrigin
{
    /// <summary>Created as the parent of a header (<c>[a.b]</c> creates <c>a</c>); a later <c>[a]</c> may define it.</summary>
    Implicit,

    /// <summary>Defined by a <c>[header]</c> or <c>[[header]]</c>, or the document root.</summary>
    Header,

    /// <summary>Created by a dotted key (<c>a.b = 1</c> creates <c>a</c>).</summary>
    Dotted,

    /// <summary>An inline table (<c>{ .. }</c>), closed once written.</summary>
    Inline,
}

/// <summary>A TOML table: keys in the order written, each with the key's own position.</summary>
internal sealed class TomlTableNode(TextPoint position, string path, TableOrigin origin) : TomlNode(position, path)
{
    private readonly List<TomlEntry> _entries = [];
    private readonly Dictionary<string, TomlEntry> _byKey = new(StringComparer.Ordinal);

    public TableOrigin Origin { get; set; } = origin;

    public IReadOnlyList<TomlEntry> Entries => _entries;

    public override string Description => "a table";

    /// <summary>The path of the value at <paramref name="key"/>.</summary>
    public string ChildPath(string key) => Path.Length == 0 ? key : Path + "." + key;

    public bool TryGet(string key, out TomlEntry entry) => _byKey.TryGetValue(key, out entry!);

    public void Add(TomlEntry entry)
    {
        _entries.Add(entry);
        _byKey.Add(entry.Key, entry);
    }
}

/// <summary>A key of a table with the position of the key itself and its value.</summary>
internal sealed record TomlEntry(string Key, TextPoint KeyPosition, TomlNode Node);

/// <summary>A TOML array: a static array (<c>[..]</c>) or an array of tables (<c>[[..]]</c>).</summary>
internal sealed class TomlArrayNode(TextPoint position, string path, bool isTableArray) : TomlNode(position, path)
{
    public bool IsTableArray { get; } = isTableArray;

    public List<TomlNode> Items { get; } = [];

    public override string Description => "an array";

    /// <summary>The path of the item at <paramref name="index"/>.</summary>
    public string ItemPath(int index) => $"{Path}[{index}]";
}

/// <summary>A TOML scalar: <see cref="string"/>, <see cref="long"/>, <see cref="double"/>, <see cref="bool"/> or <see cref="Tomlyn.TomlDateTime"/>.</summary>
internal sealed class TomlScalarNode(TextPoint position, string path, object value) : TomlNode(position, path)
{
    public object Value { get; } = value;

    public override string Description => Value switch
    {
        string => "a string",
        long => "an integer",
        double => "a float",
        bool => "a boolean",
        Tomlyn.TomlDateTime { Kind: Tomlyn.TomlDateTimeKind.LocalTime } => "a local time",
        _ => "a date-time",
    };
}

using LakeCircle.Core.Definitions.Reading;
using Tomlyn.Syntax;

namespace LakeCircle.Core.Definitions.Toml;

/// <summary>
/// Turns Tomlyn's syntax tree into a <see cref="TableNode"/> tree, applying TOML's table rules itself so that
/// duplicate keys and tables are reported with the position of both definitions (Tomlyn's serializer accepts them).
/// A header or key that cannot be placed is still read into a detached table, so its content is checked too.
/// </summary>
internal sealed class TomlTreeBuilder
{
    private readonly DiagnosticSink _sink;

    private TomlTreeBuilder(DiagnosticSink sink) => _sink = sink;

    public static TableNode Build(DocumentSyntax document, DiagnosticSink sink)
    {
        var builder = new TomlTreeBuilder(sink);
        var root = new TableNode(TextPoint.Start, "", TableOrigin.Header);
        foreach (var keyValue in document.KeyValues)
        {
            builder.AddKeyValue(root, keyValue);
        }

        foreach (var table in document.Tables)
        {
            var target = builder.OpenTable(root, table);
            foreach (var keyValue in table.Items)
            {
                builder.AddKeyValue(target, keyValue);
            }
        }

        return root;
    }

    private TableNode OpenTable(TableNode root, TableSyntaxBase table)
    {
        var position = Point(table.Span.Start);
        var parts = KeyParts(table.Name);
        var isArray = table is TableArraySyntax;
        var current = root;
        for (var i = 0; i < parts.Count - 1; i++)
        {
            var next = Descend(current, parts[i], position, TableOrigin.Implicit);
            if (next is null)
            {
                return Detached(position, isArray);
            }

            current = next;
        }

        var (name, namePosition) = parts[^1];
        if (!current.TryGet(name, out var existing))
        {
            if (!isArray)
            {
                var created = new TableNode(position, current.ChildPath(name), TableOrigin.Header);
                current.Add(new TableEntry(name, namePosition, created));
                return created;
            }

            var array = new ArrayNode(position, current.ChildPath(name), isTableArray: true);
            current.Add(new TableEntry(name, namePosition, array));
            return AppendTable(array, position);
        }

        switch (existing.Node)
        {
            case TableNode { Origin: TableOrigin.Implicit } implicitTable when !isArray:
                implicitTable.Origin = TableOrigin.Header;
                implicitTable.Position = position;
                return implicitTable;
            case ArrayNode { IsTableArray: true } tableArray when isArray:
                return AppendTable(tableArray, position);
            case ArrayNode { IsTableArray: true } tableArray:
                _sink.Add(position, tableArray.Path, $"Table [{tableArray.Path}] is already an array of tables (line {existing.Node.Position.Line}); write [[{tableArray.Path}]] to add an item.");
                return Detached(position, isArray);
            default:
                var path = current.ChildPath(name);
                _sink.Add(position, path, $"Duplicate table [{path}]: already defined at line {existing.Node.Position.Line}, column {existing.Node.Position.Column}.");
                return Detached(position, isArray);
        }
    }

    private static TableNode AppendTable(ArrayNode array, TextPoint position)
    {
        var item = new TableNode(position, array.ItemPath(array.Items.Count), TableOrigin.Header);
        array.Items.Add(item);
        return item;
    }

    private static TableNode Detached(TextPoint position, bool isArray) =>
        new(position, isArray ? "(duplicate)[0]" : "(duplicate)", TableOrigin.Header);

    /// <summary>Steps into the table at <paramref name="part"/>, creating it when absent; null (reported) when impossible.</summary>
    private TableNode? Descend(TableNode table, (string Name, TextPoint Position) part, TextPoint position, TableOrigin origin)
    {
        if (!table.TryGet(part.Name, out var entry))
        {
            var created = new TableNode(position, table.ChildPath(part.Name), origin);
            table.Add(new TableEntry(part.Name, part.Position, created));
            return created;
        }

        switch (entry.Node)
        {
            case TableNode { Origin: not TableOrigin.Inline } child when origin == TableOrigin.Implicit || child.Origin != TableOrigin.Header:
                return child;
            case ArrayNode { IsTableArray: true } array when origin == TableOrigin.Implicit:
                return (TableNode)array.Items[^1];
            default:
                _sink.Add(part.Position, entry.Node.Path, $"Key '{part.Name}' is already defined at line {entry.KeyPosition.Line}, column {entry.KeyPosition.Column} as {entry.Node.Describe(DefinitionFormat.Toml)} that cannot be extended here.");
                return null;
        }
    }

    private void AddKeyValue(TableNode table, KeyValueSyntax keyValue)
    {
        if (keyValue.Key is null || keyValue.Value is null)
        {
            return;
        }

        var parts = KeyParts(keyValue.Key);
        var current = table;
        for (var i = 0; i < parts.Count - 1; i++)
        {
            var next = Descend(current, parts[i], parts[i].Position, TableOrigin.Dotted);
            if (next is null)
            {
                return;
            }

            current = next;
        }

        var (name, keyPosition) = parts[^1];
        var path = current.ChildPath(name);
        if (current.TryGet(name, out var existing))
        {
            _sink.Add(keyPosition, path, $"Duplicate key '{name}': already defined at line {existing.KeyPosition.Line}, column {existing.KeyPosition.Column}.");
            return;
        }

        current.Add(new TableEntry(name, keyPosition, Convert(keyValue.Value, path)));
    }

    private ValueNode Convert(ValueSyntax value, string path)
    {
        var position = Point(value.Span.Start);
        switch (value)
        {
            case InlineTableSyntax inline:
                var table = new TableNode(position, path, TableOrigin.Dotted);
                foreach (var item in inline.Items)
                {
                    if (item.KeyValue is not null)
                    {
                        AddKeyValue(table, item.KeyValue);
                    }
                }

                table.Origin = TableOrigin.Inline;
                return table;
            case ArraySyntax arraySyntax:
                var array = new ArrayNode(position, path, isTableArray: false);
                foreach (var item in arraySyntax.Items)
                {
                    if (item.Value is not null)
                    {
                        array.Items.Add(Convert(item.Value, array.ItemPath(array.Items.Count)));
                    }
                }

                return array;
            case StringValueSyntax text:
                return new ScalarNode(position, path, text.Value ?? "");
            case IntegerValueSyntax integer:
                return new ScalarNode(position, path, integer.Value);
            case FloatValueSyntax number:
                return new ScalarNode(position, path, number.Value);
            case BooleanValueSyntax boolean:
                return new ScalarNode(position, path, boolean.Value);
            case DateTimeValueSyntax dateTime:
                return new ScalarNode(position, path, dateTime.Value);
            default:
                return new ScalarNode(position, path, value.ToString() ?? "");
        }
    }

    /// <summary>Converts Tomlyn's 0-based position.</summary>
    internal static TextPoint Point(TextPosition position) => new(position.Line + 1, position.Column + 1);

    private static List<(string Name, TextPoint Position)> KeyParts(KeySyntax? key)
    {
        var parts = new List<(string, TextPoint)>();
        if (key?.Key is { } first)
        {
            parts.Add((KeyText(first), Point(first.Span.Start)));
        }

        if (key is not null)
        {
            foreach (var dotted in key.DotKeys)
            {
                if (dotted.Key is { } part)
                {
                    parts.Add((KeyText(part), Point(part.Span.Start)));
                }
            }
        }

        return parts;
    }

    private static string KeyText(BareKeyOrStringValueSyntax key) => key switch
    {
        BareKeySyntax bare => bare.Key?.Text ?? "",
        StringValueSyntax quoted => quoted.Value ?? "",
        _ => key.ToString() ?? "",
    };
}

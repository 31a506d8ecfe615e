using Tomlyn.Syntax;

namespace LakeCircle.Core.Definitions.Toml;

/// <summary>
/// Turns Tomlyn's syntax tree into a <see cref="TomlTableNode"/> tree, applying TOML's table rules itself so that
/// duplicate keys and tables are reported with the position of both definitions (Tomlyn's serializer accepts them).
/// A header or key that cannot be placed is still read into a detached table, so its content is checked too.
/// </summary>
internal sealed class TomlTreeBuilder
{
    private readonly DiagnosticSink _sink;

    private TomlTreeBuilder(DiagnosticSink sink) => _sink = sink;

    public static TomlTableNode Build(DocumentSyntax document, DiagnosticSink sink)
    {
        var builder = new TomlTreeBuilder(sink);
        var root = new TomlTableNode(TextPoint.Start, "", TableOrigin.Header);
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

    private TomlTableNode OpenTable(TomlTableNode root, TableSyntaxBase table)
    {
        var position = TextPoint.From(table.Span.Start);
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
                var created = new TomlTableNode(position, current.ChildPath(name), TableOrigin.Header);
                current.Add(new TomlEntry(name, namePosition, created));
                return created;
            }

            var array = new TomlArrayNode(position, current.ChildPath(name), isTableArray: true);
            current.Add(new TomlEntry(name, namePosition, array));
            return AppendTable(array, position);
        }

        switch (existing.Node)
        {
            case TomlTableNode { Origin: TableOrigin.Implicit } implicitTable when !isArray:
                implicitTable.Origin = TableOrigin.Header;
                implicitTable.Position = position;
                return implicitTable;
            case TomlArrayNode { IsTableArray: true } tableArray when isArray:
                return AppendTable(tableArray, position);
            case TomlArrayNode { IsTableArray: true } tableArray:
                _sink.Add(position, tableArray.Path, $"Table [{tableArray.Path}] is already an array of tables (line {existing.Node.Position.Line}); write [[{tableArray.Path}]] to add an item.");
                return Detached(position, isArray);
            default:
                var path = current.ChildPath(name);
                _sink.Add(position, path, $"Duplicate table [{path}]: already defined at line {existing.Node.Position.Line}, column {existing.Node.Position.Column}.");
                return Detached(position, isArray);
        }
    }

    private static TomlTableNode AppendTable(TomlArrayNode array, TextPoint position)
    {
        var item = new TomlTableNode(position, array.ItemPath(array.Items.Count), TableOrigin.Header);
        array.Items.Add(item);
        return item;
    }

    private static TomlTableNode Detached(TextPoint position, bool isArray) =>
        new(position, isArray ? "(duplicate)[0]" : "(duplicate)", TableOrigin.Header);

    /// <summary>Steps into the table at <paramref name="part"/>, creating it when absent; null (reported) when impossible.</summary>
    private TomlTableNode? Descend(TomlTableNode table, (string Name, TextPoint Position) part, TextPoint position, TableOrigin origin)
    {
        if (!table.TryGet(part.Name, out var entry))
        {
            var created = new TomlTableNode(position, table.ChildPath(part.Name), origin);
            table.Add(new TomlEntry(part.Name, part.Position, created));
            return created;
        }

        switch (entry.Node)
        {
            case TomlTableNode { Origin: not TableOrigin.Inline } child when origin == TableOrigin.Implicit || child.Origin != TableOrigin.Header:
                return child;
            case TomlArrayNode { IsTableArray: true } array when origin == TableOrigin.Implicit:
                return (TomlTableNode)array.Items[^1];
            default:
                _sink.Add(part.Position, entry.Node.Path, $"Key '{part.Name}' is already defined at line {entry.KeyPosition.Line}, column {entry.KeyPosition.Column} as {entry.Node.Description} that cannot be extended here.");
                return null;
        }
    }

    private void AddKeyValue(TomlTableNode table, KeyValueSyntax keyValue)
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

        current.Add(new TomlEntry(name, keyPosition, Convert(keyValue.Value, path)));
    }

    private TomlNode Convert(ValueSyntax value, string path)
    {
        var position = TextPoint.From(value.Span.Start);
        switch (value)
        {
            case InlineTableSyntax inline:
                var table = new TomlTableNode(position, path, TableOrigin.Dotted);
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
                var array = new TomlArrayNode(position, path, isTableArray: false);
                foreach (var item in arraySyntax.Items)
                {
                    if (item.Value is not null)
                    {
                        array.Items.Add(Convert(item.Value, array.ItemPath(array.Items.Count)));
                    }
                }

                return array;
            case StringValueSyntax text:
                return new TomlScalarNode(position, path, text.Value ?? "");
            case IntegerValueSyntax integer:
                return new TomlScalarNode(position, path, integer.Value);
            case FloatValueSyntax number:
                return new TomlScalarNode(position, path, number.Value);
            case BooleanValueSyntax boolean:
                return new TomlScalarNode(position, path, boolean.Value);
            case DateTimeValueSyntax dateTime:
                return new TomlScalarNode(position, path, dateTime.Value);
            default:
                return new TomlScalarNode(position, path, value.ToString() ?? "");
        }
    }

    private static List<(string Name, TextPoint Position)> KeyParts(KeySyntax? key)
    {
        var parts = new List<(string, TextPoint)>();
        if (key?.Key is { } first)
        {
            parts.Add((KeyText(first), TextPoint.From(first.Span.Start)));
        }

        if (key is not null)
        {
            foreach (var dotted in key.DotKeys)
            {
                if (dotted.Key is { } part)
                {
                    parts.Add((KeyText(part), TextPoint.From(part.Span.Start)));
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

namespace LakeCircle.Core.Definitions.Reading;

/// <summary>
/// The position of every key path of one file (<c>LifecycleConfiguration.Rules[0].Expiration.Days</c> → 9:21),
/// used to place problems found later on the model (semantic validation, merging).
/// </summary>
internal sealed class SourceMap
{
    private readonly Dictionary<string, TextPoint> _positions = new(StringComparer.Ordinal);

    public static SourceMap Build(TableNode root)
    {
        var map = new SourceMap();
        map.Walk(root);
        return map;
    }

    public bool Contains(string path) => _positions.ContainsKey(path);

    /// <summary>The position of <paramref name="path"/>, or of its nearest parent present in the file (the file start at worst).</summary>
    public TextPoint Resolve(string path)
    {
        var current = path;
        while (current.Length > 0)
        {
            if (_positions.TryGetValue(current, out var position))
            {
                return position;
            }

            current = Parent(current);
        }

        return TextPoint.Start;
    }

    internal static string Parent(string path)
    {
        var cut = path.EndsWith(']') ? path.LastIndexOf('[') : path.LastIndexOf('.');
        return cut <= 0 ? "" : path[..cut];
    }

    private void Walk(ValueNode node)
    {
        if (node.Path.Length > 0)
        {
            _positions.TryAdd(node.Path, node.Position);
        }

        switch (node)
        {
            case TableNode table:
                foreach (var entry in table.Entries)
                {
                    Walk(entry.Node);
                }

                break;
            case ArrayNode array:
                foreach (var item in array.Items)
                {
                    Walk(item);
                }

                break;
        }
    }
}

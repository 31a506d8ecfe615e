using System.Globalization;
using LakeCircle.Core.Model;

namespace LakeCircle.Core.Impact;

/// <summary>A cell of the <see cref="ObjectSpace"/>: indices of its key, tag set and size, and the count of newer noncurrent versions.</summary>
internal readonly record struct Cell(int Key, int Tags, int Size, int Newer);

/// <summary>
/// Puts a set of cells into words: <c>objects under `logs/` larger than 1 MiB</c>. The words describe the set as
/// closely as prefixes, size ranges and tags allow; the classification itself never depends on them.
/// </summary>
internal sealed class CellDescriber(ObjectSpace space)
{
    private const int MaxParts = 4;

    public string Describe(IReadOnlyCollection<Cell> cells, bool noncurrent)
    {
        var noun = noncurrent ? "noncurrent versions" : "objects";
        var newer = noncurrent ? NewerText(cells.Select(c => c.Newer).ToHashSet()) : "";

        // Keys that share one set of (tags, size) cells are described together.
        var byKey = cells.GroupBy(c => c.Key)
            .Select(g => (Key: g.Key, Cells: g.Select(c => (c.Tags, c.Size)).ToHashSet()))
            .ToList();
        var parts = new List<string>();
        foreach (var group in byKey.GroupBy(k => RestSignature(k.Cells)).OrderBy(g => g.Min(k => k.Key)))
        {
            var keys = group.Select(k => k.Key).ToHashSet();
            var rest = group.First().Cells;
            var text = string.Join(" ", new[] { KeyText(keys), RestText(rest) }.Where(t => t.Length > 0));
            parts.Add(text);
        }

        var described = parts.Count > MaxParts
            ? string.Join("; ", parts.Take(MaxParts)) + $"; and {parts.Count - MaxParts} more sets"
            : string.Join("; ", parts);
        return string.Join(" ", new[] { noun, described, newer }.Where(t => t.Length > 0));
    }

    private static string RestSignature(HashSet<(int Tags, int Size)> rest) =>
        string.Join(",", rest.OrderBy(r => r.Tags).ThenBy(r => r.Size).Select(r => $"{r.Tags}:{r.Size}"));

    /// <summary>The key part: nothing for every key, else <c>under `a/` (except under `a/b/`)</c> and <c>outside `x/`</c>.</summary>
    private string KeyText(HashSet<int> keys)
    {
        if (keys.Count == space.Keys.Count)
        {
            return "";
        }

        var roots = keys.Where(k => Parent(k) is not { } parent || !keys.Contains(parent)).OrderBy(k => space.Keys[k], StringComparer.Ordinal).ToList();
        var phrases = new List<string>();
        foreach (var root in roots)
        {
            var exceptions = Enumerable.Range(0, space.Keys.Count)
                .Where(k => !keys.Contains(k) && IsUnder(k, root) && Ancestors(k).Where(a => IsUnder(a, root)).All(keys.Contains))
                .Select(k => Quote(space.Keys[k]))
                .ToList();
            var except = exceptions.Count == 0 ? "" : " except under " + Join(exceptions);
            phrases.Add(space.Keys[root].Length == 0
                ? (exceptions.Count == 0 ? "" : "outside " + Join(exceptions))
                : "under " + Quote(space.Keys[root]) + except);
        }

        return Join(phrases.Where(p => p.Length > 0).ToList());
    }

    /// <summary>The longest other named prefix that is a prefix of key <paramref name="k"/>, or <see langword="null"/>.</summary>
    private int? Parent(int k)
    {
        int? parent = null;
        foreach (var a in Ancestors(k))
        {
            if (parent is null || space.Keys[a].Length > space.Keys[parent.Value].Length)
            {
                parent = a;
            }
        }

        return parent;
    }

    private IEnumerable<int> Ancestors(int k) =>
        Enumerable.Range(0, space.Keys.Count).Where(a => a != k && IsUnder(k, a));

    private bool IsUnder(int k, int ancestor) =>
        space.Keys[k].Length > space.Keys[ancestor].Length && space.Keys[k].StartsWith(space.Keys[ancestor], StringComparison.Ordinal);

    private string RestText(HashSet<(int Tags, int Size)> rest)
    {
        var tags = rest.Select(r => r.Tags).ToHashSet();
        var sizes = rest.Select(r => r.Size).ToHashSet();
        var exact = rest.Count == tags.Count * sizes.Count;
        var text = string.Join(" ", new[] { SizeText(sizes), TagText(tags) }.Where(t => t.Length > 0));
        return exact || text.Length == 0 ? text : text + " (in some combinations)";
    }

    /// <summary>Size ranges: <c>larger than 1 MiB</c>, <c>smaller than 128 KiB</c>, or both bounds.</summary>
    private string SizeText(HashSet<int> sizes)
    {
        if (sizes.Count == space.Sizes.Count)
        {
            return "";
        }

        var ranges = new List<string>();
        var sorted = sizes.Order().ToList();
        var i = 0;
        while (i < sorted.Count)
        {
            var j = i;
            while (j + 1 < sorted.Count && sorted[j + 1] == sorted[j] + 1)
            {
                j++;
            }

            var low = space.Sizes[sorted[i]];
            long? high = sorted[j] + 1 < space.Sizes.Count ? space.Sizes[sorted[j] + 1] : null;
            ranges.Add((low, high) switch
            {
                (0, { } h) => Below(h),
                (var l, null) => Above(l),
                (var l, { } h) => Above(l) + " and " + Below(h),
            });
            i = j + 1;
        }

        return string.Join(" or ", ranges);
    }

    /// <summary>Tag conditions: <c>tagged a=1</c>, <c>not tagged a=1</c>.</summary>
    private string TagText(HashSet<int> tagSets)
    {
        if (tagSets.Count == space.TagSets.Count)
        {
            return "";
        }

        var parts = new List<string>();
        foreach (var key in space.TagKeys)
        {
            var values = space.TagValues[key];
            var seen = tagSets.Select(t => space.TagSets[t].FirstOrDefault(tag => tag.Key == key)?.Value).ToHashSet();
            if (seen.Count == values.Count + 1)
            {
                continue;
            }

            var tagged = seen.Where(v => v is not null).Select(v => Quote($"{key}={v}")).ToList();
            parts.Add(seen.Contains(null)
                ? "not tagged " + Join(values.Where(v => !seen.Contains(v)).Select(v => Quote($"{key}={v}")).ToList(), "or")
                : "tagged " + Join(tagged, "or"));
        }

        return string.Join(" and ", parts);
    }

    /// <summary>The newer-noncurrent-version counts: nothing for all, else <c>with 3 or more newer noncurrent versions</c>.</summary>
    private string NewerText(HashSet<int> counts)
    {
        var all = space.NewerCounts;
        if (counts.Count == all.Count)
        {
            return "";
        }

        var indices = Enumerable.Range(0, all.Count).Where(i => counts.Contains(all[i])).ToList();
        var first = indices[0];
        var last = indices[^1];
        var contiguous = last - first + 1 == indices.Count;
        if (contiguous && last == all.Count - 1)
        {
            return $"with {all[first]} or more newer noncurrent versions";
        }

        if (contiguous && first == 0)
        {
            return $"with fewer than {all[last + 1]} newer noncurrent versions";
        }

        return "with " + Join(indices.Select(i => i + 1 < all.Count && all[i + 1] - 1 > all[i]
            ? $"{all[i]} to {all[i + 1] - 1}" : i + 1 < all.Count ? $"{all[i]}" : $"{all[i]} or more").ToList(), "or") + " newer noncurrent versions";
    }

    /// <summary>Sizes from <paramref name="low"/> on, in the rounder of two equal words.</summary>
    private static string Above(long low) =>
        IsRound(low) && !IsRound(low - 1) ? $"of {Bytes(low)} or more" : $"larger than {Bytes(low - 1)}";

    /// <summary>Sizes below <paramref name="high"/>, in the rounder of two equal words.</summary>
    private static string Below(long high) =>
        IsRound(high - 1) && !IsRound(high) ? $"of at most {Bytes(high - 1)}" : $"smaller than {Bytes(high)}";

    private static bool IsRound(long value) => value >= 1024 && value % 1024 == 0;

    internal static string Bytes(long value)
    {
        const long KiB = 1024;
        foreach (var (unit, size) in new[] { ("TiB", KiB * KiB * KiB * KiB), ("GiB", KiB * KiB * KiB), ("MiB", KiB * KiB), ("KiB", KiB) })
        {
            if (value >= size && value % size == 0)
            {
                return (value / size).ToString(CultureInfo.InvariantCulture) + " " + unit;
            }
        }

        return value.ToString("N0", CultureInfo.InvariantCulture) + (value == 1 ? " byte" : " bytes");
    }

    private static string Quote(string text) => "`" + text + "`";

    private static string Join(IReadOnlyList<string> items, string conjunction = "and") => items.Count switch
    {
        0 => "",
        1 => items[0],
        _ => string.Join(", ", items.Take(items.Count - 1)) + $" {conjunction} " + items[^1],
    };
}

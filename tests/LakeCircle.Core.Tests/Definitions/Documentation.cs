namespace LakeCircle.Core.Tests.Definitions;

/// <summary>
/// The user documentation (docs/*.md, copied next to the test assembly), read by tests that keep it honest: the rules
/// table of validation.md and the TOML and JSON examples of definitions.md.
/// </summary>
internal static class Documentation
{
    public static string Folder { get; } = Path.Combine(AppContext.BaseDirectory, "docs");

    /// <summary>The first cell of each row of the table under <c>## Rules</c> in validation.md.</summary>
    public static IReadOnlyList<string> ValidationRuleNames() => ValidationRules().Keys.ToList();

    /// <summary>Each row of the table under <c>## Rules</c> in validation.md: its first cell and its Severity cell.</summary>
    public static IReadOnlyDictionary<string, string> ValidationRules()
    {
        var rows = File.ReadAllLines(Path.Combine(Folder, "validation.md"))
            .SkipWhile(l => l.Trim() != "## Rules")
            .Skip(1)
            .TakeWhile(l => !l.StartsWith("## ", StringComparison.Ordinal))
            .Where(l => l.StartsWith('|'))
            .Select(l => l.Split('|').Select(c => c.Trim()).ToArray())
            .ToList();
        var severity = Array.IndexOf(rows[0], "Severity");
        return rows.Skip(2) // header and separator
            .ToDictionary(r => r[1], r => severity < 0 ? "" : r[severity], StringComparer.Ordinal);
    }

    /// <summary>The content of every <c>```toml</c> block of a document, in order.</summary>
    public static IReadOnlyList<string> TomlBlocks(string document) => Blocks(document, "toml");

    /// <summary>The content of every <c>```json</c> block of a document, in order.</summary>
    public static IReadOnlyList<string> JsonBlocks(string document) => Blocks(document, "json");

    private static List<string> Blocks(string document, string language)
    {
        var blocks = new List<string>();
        List<string>? current = null;
        foreach (var line in File.ReadLines(Path.Combine(Folder, document)))
        {
            if (current is null && line.Trim() == "```" + language)
            {
                current = [];
            }
            else if (current is not null && line.Trim() == "```")
            {
                blocks.Add(string.Join('\n', current) + "\n");
                current = null;
            }
            else
            {
                current?.Add(line);
            }
        }

        return blocks;
    }
}

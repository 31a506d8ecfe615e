namespace LakeCircle.Core.Tests.Definitions;

/// <summary>
/// The user documentation (docs/*.md, copied next to the test assembly), read by tests that keep it honest: the rules
/// table of validation.md and the TOML examples of definitions.md.
/// </summary>
internal static class Documentation
{
    public static string Folder { get; } = Path.Combine(AppContext.BaseDirectory, "docs");

    /// <summary>The first cell of each row of the table under <c>## Rules</c> in validation.md.</summary>
    public static IReadOnlyList<string> ValidationRuleNames() =>
        File.ReadAllLines(Path.Combine(Folder, "validation.md"))
            .SkipWhile(l => l.Trim() != "## Rules")
            .Skip(1)
            .TakeWhile(l => !l.StartsWith("## ", StringComparison.Ordinal))
            .Where(l => l.StartsWith('|'))
            .Skip(2) // header and separator
            .Select(l => l.Split('|')[1].Trim())
            .ToList();

    /// <summary>The content of every <c>```toml</c> block of a document, in order.</summary>
    public static IReadOnlyList<string> TomlBlocks(string document)
    {
        var blocks = new List<string>();
        List<string>? current = null;
        foreach (var line in File.ReadLines(Path.Combine(Folder, document)))
        {
            if (current is null && line.Trim() == "```toml")
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

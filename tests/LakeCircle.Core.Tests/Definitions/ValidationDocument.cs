namespace LakeCircle.Core.Tests.Definitions;

/// <summary>
/// docs/validation.md, copied next to the test assembly: the names (first column) of its table of rules, so that
/// tests can check every documented rule against the fixtures.
/// </summary>
internal static class ValidationDocument
{
    public static string Path { get; } = System.IO.Path.Combine(AppContext.BaseDirectory, "docs", "validation.md");

    /// <summary>The first cell of each row of the table under <c>## Rules</c>.</summary>
    public static IReadOnlyList<string> RuleNames()
    {
        var lines = File.ReadAllLines(Path);
        return lines
            .SkipWhile(l => l.Trim() != "## Rules")
            .Skip(1)
            .TakeWhile(l => !l.StartsWith("## ", StringComparison.Ordinal))
            .Where(l => l.StartsWith('|'))
            .Skip(2) // header and separator
            .Select(l => l.Split('|')[1].Trim())
            .ToList();
    }
}

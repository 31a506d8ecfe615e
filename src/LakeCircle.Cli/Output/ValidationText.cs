using LakeCircle.Core.Definitions;
using LakeCircle.Core.Rendering;

namespace LakeCircle.Cli.Output;

/// <summary>Writes a validation result for people: one line per problem, then a summary line.</summary>
internal static class ValidationText
{
    public static async Task WriteAsync(TextWriter output, ValidationOutcome set)
    {
        foreach (var diagnostic in set.Diagnostics)
        {
            await output.WriteLineAsync(SafeText.Escape(diagnostic.ToString())).ConfigureAwait(false);
        }

        await output.WriteLineAsync(Summary(set)).ConfigureAwait(false);
    }

    internal static string Summary(ValidationOutcome set)
    {
        if (set.IsValid)
        {
            var rules = set.Buckets.Values.Sum(c => c.Rules.Count);
            return $"{Count(set.Buckets.Count, "bucket")}, {Count(rules, "rule")}, no problems";
        }

        var files = set.Diagnostics.Select(d => d.Location?.File).Where(f => f is not null).Distinct(StringComparer.Ordinal).Count();
        return $"{Count(set.Diagnostics.Count, "problem")} in {Count(files, "file")}";
    }

    private static string Count(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";
}

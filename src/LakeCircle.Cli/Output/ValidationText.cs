using LakeCircle.Core.Definitions;
using LakeCircle.Core.Diagnostics;
using LakeCircle.Core.Rendering;

namespace LakeCircle.Cli.Output;

/// <summary>Writes a validation result for people: one line per problem (warnings marked <c>warning:</c>), then a summary line.</summary>
internal static class ValidationText
{
    public static async Task WriteAsync(TextWriter output, ValidationOutcome set, bool strict)
    {
        foreach (var diagnostic in set.Diagnostics)
        {
            await output.WriteLineAsync(SafeText.Escape(diagnostic.ToString())).ConfigureAwait(false);
        }

        await output.WriteLineAsync(Summary(set, strict)).ConfigureAwait(false);
    }

    internal static string Summary(ValidationOutcome set, bool strict)
    {
        var warnings = set.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Warning);
        var errors = set.Diagnostics.Count - warnings;
        if (errors == 0)
        {
            var rules = set.Buckets.Values.Sum(c => c.Rules.Count);
            var head = $"{Count(set.Buckets.Count, "bucket")}, {Count(rules, "rule")}";
            return warnings == 0 ? head + ", no problems"
                : $"{head}, no errors, {Count(warnings, "warning")}" + (strict ? " (--strict: warnings count as errors)" : "");
        }

        var files = set.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)
            .Select(d => d.Location?.File).Where(f => f is not null).Distinct(StringComparer.Ordinal).Count();
        var invalid = set.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error && d.Bucket is not null)
            .Select(d => d.Bucket!).ToHashSet(StringComparer.Ordinal);
        var valid = set.Buckets.Keys.Count(b => !invalid.Contains(b));
        return $"{Count(errors, "problem")} in {Count(files, "file")}"
            + (warnings == 0 ? "" : $" (and {Count(warnings, "warning")})")
            + $"; {(valid == 1 ? "1 other definition was" : $"{valid} other definitions were")} valid; one invalid definition stops the whole run";
    }

    private static string Count(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";
}

using System.Text;
using LakeCircle.Core.Definitions;

namespace LakeCircle.Core.Tests.Definitions;

/// <summary>The definition fixtures (tests/fixtures/definitions), copied next to the test assembly, and small helpers.</summary>
internal static class DefinitionFixtures
{
    public static string Root { get; } = Path.Combine(AppContext.BaseDirectory, "fixtures", "definitions");

    public static string Valid { get; } = Path.Combine(Root, "valid");

    public static string Invalid { get; } = Path.Combine(Root, "invalid");

    public static string S3Rules { get; } = Path.Combine(Invalid, "s3-rules");

    /// <summary>The invalid fixtures checked by the corpus test (those of <c>invalid/</c> itself, not its subfolders).</summary>
    public static IEnumerable<string> InvalidFiles() =>
        Directory.EnumerateFiles(Invalid, "*.toml").Select(Path.GetFileName).Order(StringComparer.Ordinal)!;

    public static IEnumerable<string> S3RuleFiles() =>
        Directory.EnumerateFiles(S3Rules, "*.toml").Select(Path.GetFileName).Order(StringComparer.Ordinal)!;

    /// <summary>The rule of docs/validation.md an S3-rule fixture breaks, from its second line <c># rule: What</c>.</summary>
    public static string RuleOf(string path)
    {
        const string Marker = "# rule: ";
        var second = File.ReadLines(path).Skip(1).First();
        return second.StartsWith(Marker, StringComparison.Ordinal)
            ? second[Marker.Length..].Trim()
            : throw new FormatException($"An S3-rule fixture's second line must start with '{Marker}': {path}");
    }

    public static DefinitionDocument Document(string path, string toml) => new(path, Encoding.UTF8.GetBytes(toml));

    public static DefinitionSet Load(string toml, string path = "b.toml") => DefinitionLoader.Load([Document(path, toml)]);

    /// <summary>Wraps rule lines into a file with one rule.</summary>
    public static string OneRule(string ruleBody, string bucket = "b-bucket") =>
        $"BucketName = \"{bucket}\"\n\n[LifecycleConfiguration]\n\n[[LifecycleConfiguration.Rules]]\n{ruleBody}\n";
}

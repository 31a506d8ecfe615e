using LakeCircle.Cli.Configuration;

namespace LakeCircle.Cli.Tests.Configuration;

/// <summary>Minimal valid environments for settings tests.</summary>
internal static class SettingsFixtures
{
    public static string BaseDirectory { get; } = Path.Combine(Path.GetTempPath(), "lakecircle-settings");

    public static Dictionary<string, string?> Environment(params (string Name, string? Value)[] extra)
    {
        var values = new Dictionary<string, string?>
        {
            ["LCC_ENDPOINT"] = "s3://config-bucket/lifecycle/",
            ["LCC_AWS_ACCOUNT"] = "123456789012",
            ["LCC_AWS_REGION"] = "eu-west-1",
        };
        foreach (var (name, value) in extra)
        {
            values[name] = value;
        }

        return values;
    }

    public static SettingsResult Build(
        IReadOnlyDictionary<string, string?> environment, IReadOnlyDictionary<string, string?>? overrides = null) =>
        SettingsBuilder.BuildRelativeTo(environment, overrides, BaseDirectory);

    public static Settings Valid(params (string Name, string? Value)[] extra)
    {
        var result = Build(Environment(extra));
        result.Errors.Should().BeEmpty();
        return result.Settings!;
    }
}

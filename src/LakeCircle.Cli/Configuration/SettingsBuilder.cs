using System.Collections;
using System.Text.RegularExpressions;
using LakeCircle.Core.Model;
using Microsoft.Extensions.Logging;

namespace LakeCircle.Cli.Configuration;

/// <summary>Builds <see cref="Settings"/> from <c>LCC_*</c> environment variables and command-line overrides.</summary>
internal static partial class SettingsBuilder
{
    [GeneratedRegex(@"\A[0-9]{12}\z", RegexOptions.CultureInvariant)]
    internal static partial Regex AccountPattern();

    [GeneratedRegex(@"\A[a-z]{2}(-[a-z]+)+-[0-9]{1,2}\z", RegexOptions.CultureInvariant)]
    internal static partial Regex RegionPattern();

    /// <summary>Reads, checks and types every variable, reporting all problems at once.</summary>
    /// <param name="environment">The environment variables (only the <c>LCC_*</c> ones are read).</param>
    /// <param name="overrides">Values from command-line flags, keyed by variable name; they win over the environment.
    /// Blank values, here and in the environment, count as unset.</param>
    /// <returns>The settings, or every problem (each naming its variable; secret values are never shown).</returns>
    /// <param name="withEndpoint">Whether <c>LCC_ENDPOINT</c> is read (and required); the commands that read the account
    /// alone (export, snapshot) neither read nor require it.</param>
    public static SettingsResult Build(
        IReadOnlyDictionary<string, string?> environment, IReadOnlyDictionary<string, string?>? overrides = null, bool withEndpoint = true) =>
        BuildRelativeTo(environment, overrides, Environment.CurrentDirectory, withEndpoint);

    /// <summary>The <c>LCC_*</c> variables of the current process.</summary>
    /// <returns>The variables by name.</returns>
    public static IReadOnlyDictionary<string, string?> ReadProcessEnvironment()
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            if (entry.Key is string name && name.StartsWith("LCC_", StringComparison.Ordinal))
            {
                values[name] = entry.Value as string;
            }
        }

        return values;
    }

    internal static SettingsResult BuildRelativeTo(
        IReadOnlyDictionary<string, string?> environment, IReadOnlyDictionary<string, string?>? overrides, string baseDirectory, bool withEndpoint = true)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var reader = new SettingReader(environment, overrides, baseDirectory);
        var endpoint = withEndpoint ? reader.Location(SettingDefinitions.Get(SettingDefinitions.Endpoint)) : null;
        var account = reader.Matching(SettingDefinitions.Get(SettingDefinitions.AwsAccount), AccountPattern(), "12 digits");
        var region = reader.Matching(
            SettingDefinitions.Get(SettingDefinitions.AwsRegion), RegionPattern(), "an AWS region such as eu-west-1");
        var regions = ReadRegions(reader);
        var action = reader.Choice(SettingDefinitions.Get(SettingDefinitions.Actions));
        var parameters = ReadParameters(reader);
        var level = reader.Choice(SettingDefinitions.Get(SettingDefinitions.AppLevel));
        var format = reader.Choice(SettingDefinitions.Get(SettingDefinitions.LogFormat));
        var name = reader.Raw(SettingDefinitions.Get(SettingDefinitions.AppName));
        var s3Endpoint = reader.Url(SettingDefinitions.Get(SettingDefinitions.S3Endpoint));
        var snapshot = reader.FilePath(SettingDefinitions.Get(SettingDefinitions.Snapshot));
        var output = reader.Choice(SettingDefinitions.Get(SettingDefinitions.Output));

        if (reader.Errors.Count > 0)
        {
            return new SettingsResult { Errors = reader.Errors.ToValueList() };
        }

        LogLevelNames.TryParse(level, out var logLevel);
        return new SettingsResult
        {
            Settings = new Settings
            {
                Endpoint = withEndpoint ? endpoint! : null,
                AwsAccount = account!,
                AwsRegion = region!,
                AwsRegions = regions,
                Action = action == "DRYRUN" ? WorkAction.DryRun : WorkAction.Sync,
                ActionParameters = parameters ?? ActionParameters.Default,
                AppLevel = logLevel,
                LogFormat = Enum.Parse<LogFormat>(format!, ignoreCase: true),
                AppName = name!,
                S3Endpoint = s3Endpoint,
                SnapshotPath = snapshot,
                Output = output == "json" ? OutputFormat.Json : OutputFormat.Text,
            },
        };
    }

    /// <summary><c>LCC_AWS_REGIONS</c>: regions separated by commas, each checked; blanks between commas are skipped.</summary>
    private static ValueList<string> ReadRegions(SettingReader reader)
    {
        var definition = SettingDefinitions.Get(SettingDefinitions.AwsRegions);
        var regions = (reader.Raw(definition) ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        foreach (var wrong in regions.Where(r => !RegionPattern().IsMatch(r)))
        {
            reader.Error(definition, $"{definition.Name} must be AWS regions separated by commas, such as us-east-1,eu-west-1; '{wrong}' is not a region.");
        }

        return regions.Distinct(StringComparer.Ordinal).ToValueList();
    }

    private static ActionParameters? ReadParameters(SettingReader reader)
    {
        var definition = SettingDefinitions.Get(SettingDefinitions.ActionParams);
        var text = reader.Raw(definition);
        if (text is null)
        {
            return null;
        }

        var messages = new List<string>();
        var parameters = ActionParametersParser.Parse(text, messages);
        foreach (var message in messages)
        {
            reader.Error(definition, message);
        }

        return parameters;
    }
}

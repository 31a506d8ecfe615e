using LakeCircle.Core.Gateways;
using LakeCircle.Core.Model;

namespace LakeCircle.Cli.Configuration;

/// <summary>The <c>LCC_*</c> environment variables LakeCircle reads, with their names as constants.</summary>
internal static class SettingDefinitions
{
    /// <summary>Where definitions live and where snapshots and history are written.</summary>
    public const string Endpoint = "LCC_ENDPOINT";

    /// <summary>The 12-digit AWS account ID.</summary>
    public const string AwsAccount = "LCC_AWS_ACCOUNT";

    /// <summary>The AWS region, such as <c>eu-west-1</c>.</summary>
    public const string AwsRegion = "LCC_AWS_REGION";

    /// <summary>The regions a run is limited to, comma-separated.</summary>
    public const string AwsRegions = "LCC_AWS_REGIONS";

    /// <summary>The workflow: <c>SYNC</c> or <c>DRYRUN</c>.</summary>
    public const string Actions = "LCC_ACTIONS";

    /// <summary>The workflow parameters as a JSON object.</summary>
    public const string ActionParams = "LCC_ACTION_PARAMS";

    /// <summary>The minimum log level.</summary>
    public const string AppLevel = "LCC_APP_LEVEL";

    /// <summary>The log format.</summary>
    public const string LogFormat = "LCC_LOG_FORMAT";

    /// <summary>The application name shown in logs.</summary>
    public const string AppName = "LCC_APP_NAME";

    /// <summary>The URL of an S3-compatible server.</summary>
    public const string S3Endpoint = "LCC_S3_ENDPOINT";

    /// <summary>The path of an account snapshot file read instead of S3.</summary>
    public const string Snapshot = "LCC_SNAPSHOT";

    /// <summary>The report format: <c>text</c> or <c>json</c>.</summary>
    public const string Output = "LCC_OUTPUT";

    /// <summary>Every variable, in the order they are documented and checked.</summary>
    public static ValueList<SettingDefinition> All { get; } = ValueList.Of(
        new SettingDefinition
        {
            Name = Endpoint, Kind = SettingKind.Location, Required = true, Flag = "--endpoint",
            Description = $"Base location of definitions, snapshots and history: {EndpointText.Forms}.",
        },
        new SettingDefinition
        {
            Name = AwsAccount, Kind = SettingKind.String, Required = true, Flag = "--account",
            Description = "The AWS account ID (12 digits) whose buckets are managed.",
        },
        new SettingDefinition
        {
            Name = AwsRegion, Kind = SettingKind.String, Required = true, Flag = "--region",
            Description = "The AWS region, such as eu-west-1.",
        },
        new SettingDefinition
        {
            Name = AwsRegions, Kind = SettingKind.String, Flag = "--regions",
            Description = "Only the buckets of these regions, comma-separated (such as us-east-1,eu-west-1); "
                + "a defined bucket elsewhere is reported as in another region, not read. Default: every region.",
        },
        new SettingDefinition
        {
            Name = Actions, Kind = SettingKind.Choice, Default = "SYNC", Choices = ValueList.Of("SYNC", "DRYRUN"),
            Flag = "--action", Description = "The workflow: SYNC applies the definitions, DRYRUN only shows the plan.",
        },
        new SettingDefinition
        {
            Name = ActionParams, Kind = SettingKind.Json, Flag = "--params",
            Description = "Workflow parameters as a JSON object: buckets, concurrency, writeConcurrency, maxChanges, "
                + "maxDeletions, maxDestructive, allowDestructive, detailedExitCode, wait, waitTimeout.",
        },
        new SettingDefinition
        {
            Name = AppLevel, Kind = SettingKind.Choice, Default = "INFO", Flag = "--log-level",
            Choices = ValueList.Of("TRACE", "DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"),
            Description = "The minimum level of log events written to standard error.",
        },
        new SettingDefinition
        {
            Name = LogFormat, Kind = SettingKind.Choice, Default = "TREE", Flag = "--log-format",
            Choices = ValueList.Of("TREE", "COLORTREE", "TEXT", "COLORTEXT", "JSON"),
            Description = "The shape of log lines.",
        },
        new SettingDefinition
        {
            Name = AppName, Kind = SettingKind.String, Default = "LakeCircle", Flag = "--app-name",
            Description = "The application name shown in logs.",
        },
        new SettingDefinition
        {
            Name = S3Endpoint, Kind = SettingKind.Url, Flag = "--s3-endpoint",
            Description = "The URL of an S3-compatible server (AWS_ENDPOINT_URL_S3 is honoured by the AWS SDK itself).",
        },
        new SettingDefinition
        {
            Name = Snapshot, Kind = SettingKind.Path, Flag = "--snapshot",
            Description = "The path of an account snapshot file to read buckets from instead of S3.",
        },
        new SettingDefinition
        {
            Name = Output, Kind = SettingKind.Choice, Default = "text", Choices = ValueList.Of("text", "json"),
            Flag = "--output", Description = "The format of the report on standard output.",
        });

    /// <summary>Finds a variable by name.</summary>
    /// <param name="name">The variable name, such as <c>LCC_ENDPOINT</c>.</param>
    /// <returns>The definition.</returns>
    /// <exception cref="KeyNotFoundException">No variable has that name.</exception>
    public static SettingDefinition Get(string name) =>
        All.FirstOrDefault(d => d.Name == name) ?? throw new KeyNotFoundException($"No setting is named '{name}'.");
}

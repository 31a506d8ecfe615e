using LakeCircle.Core.Gateways;
using LakeCircle.Core.Model;
using Microsoft.Extensions.Logging;

namespace LakeCircle.Cli.Configuration;

/// <summary>
/// The validated, typed values of the <c>LCC_*</c> variables, one property per variable. Built by
/// <see cref="SettingsBuilder.Build"/>, which sets every property: the defaults of unset variables are
/// <see cref="SettingDefinition.Default"/> in <see cref="SettingDefinitions.All"/>. The nested view is <see cref="Payload"/>.
/// </summary>
internal sealed record Settings
{
    /// <summary>
    /// <c>LCC_ENDPOINT</c>: the base folder of definitions, snapshots and history; <see langword="null"/> only for the
    /// commands that read the account alone (export, snapshot), which do not read the variable.
    /// </summary>
    public required EndpointLocation? Endpoint { get; init; }

    /// <summary><c>LCC_AWS_ACCOUNT</c>: the 12-digit account ID.</summary>
    public required string AwsAccount { get; init; }

    /// <summary><c>LCC_AWS_REGION</c>: the region, such as <c>eu-west-1</c>.</summary>
    public required string AwsRegion { get; init; }

    /// <summary><c>LCC_AWS_REGIONS</c>: the regions a run is limited to; empty for every region.</summary>
    public ValueList<string> AwsRegions { get; init; } = ValueList<string>.Empty;

    /// <summary><c>LCC_ACTIONS</c>: the workflow.</summary>
    public required WorkAction Action { get; init; }

    /// <summary><c>LCC_ACTION_PARAMS</c>: the workflow parameters.</summary>
    public required ActionParameters ActionParameters { get; init; }

    /// <summary><c>LCC_APP_LEVEL</c>: the minimum log level.</summary>
    public required LogLevel AppLevel { get; init; }

    /// <summary><c>LCC_LOG_FORMAT</c>: the log format.</summary>
    public required LogFormat LogFormat { get; init; }

    /// <summary><c>LCC_APP_NAME</c>: the application name shown in logs.</summary>
    public required string AppName { get; init; }

    /// <summary><c>LCC_S3_ENDPOINT</c>: the URL of an S3-compatible server, or <see langword="null"/> for AWS.</summary>
    public Uri? S3Endpoint { get; init; }

    /// <summary><c>LCC_SNAPSHOT</c>: the absolute path of an account snapshot file, or <see langword="null"/>.</summary>
    public string? SnapshotPath { get; init; }

    /// <summary><c>LCC_OUTPUT</c>: the report format.</summary>
    public required OutputFormat Output { get; init; }
}

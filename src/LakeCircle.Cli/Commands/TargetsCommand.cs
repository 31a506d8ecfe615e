using System.CommandLine;
using System.Text;
using LakeCircle.Cli.Configuration;
using LakeCircle.Cli.Output;
using LakeCircle.Cli.Targets;
using LakeCircle.Core.Rendering;

namespace LakeCircle.Cli.Commands;

/// <summary>
/// <c>lakecircle targets --targets FILE</c>: checks a targets file and lists its targets (one per line, or JSON with a
/// <c>names</c> array a CI matrix or a scheduler fans out over, one job per <c>--target NAME</c>). Reads nothing else.
/// </summary>
internal sealed class TargetsCommand(CliContext context) : ICliCommand
{
    public IReadOnlyList<string> Examples { get; } =
    [
        "lakecircle targets --targets targets.toml",
        "lakecircle targets --targets targets.toml --output json | jq -c .names",
    ];

    public Command Create()
    {
        var (file, names) = RunOptions.TargetOptions("The targets file (TOML: docs/cli.md \"Targets\"). [required] [no variable]");
        file.Required = true;
        var output = CommonOptions.Output();
        var region = new Option<string?>("--region") { HelpName = "REGION", Description = $"The home region of targets that give none. [env: {SettingDefinitions.AwsRegion}]" };
        var s3 = new Option<string?>("--s3-endpoint") { HelpName = "URL", Description = $"The S3-compatible server of targets that name none. [env: {SettingDefinitions.S3Endpoint}]" };
        var command = new Command(
            "targets",
            "Check a targets file and list its targets: name, account, home region, regions, credentials and endpoint (no "
            + "secret). Reads no account. Exit code 0, 1 when the file has problems (each with its line and field).")
        {
            file, names, output, region, s3,
        };
        command.SetAction((parseResult, cancellationToken) =>
        {
            var overrides = new Dictionary<string, string?>(StringComparer.Ordinal)
            {
                [SettingDefinitions.AwsRegion] = parseResult.GetValue(region),
                [SettingDefinitions.S3Endpoint] = parseResult.GetValue(s3),
            };
            var arguments = new RunArguments { Overrides = overrides };
            var json = parseResult.GetValue(output) == CommonOptions.Json;
            return RunAsync(arguments, parseResult.GetValue(file)!, parseResult.GetValue(names) ?? [], json, parseResult.InvocationConfiguration.Output, parseResult.InvocationConfiguration.Error, cancellationToken);
        });
        return command;
    }

    /// <summary>The members of the JSON listing of one target.</summary>
    public static TargetDocument Describe(Target target) => new(
        target.Name,
        target.Account,
        target.Region,
        target.Regions,
        target.Endpoint,
        target.Definitions,
        new CredentialsDocument(
            target.RoleArn is not null ? "role" : target.Profile is not null ? "profile" : target.Snapshot is not null ? "snapshot" : "caller",
            target.Profile,
            target.RoleArn,
            target.SourceProfile,
            target.SessionName,
            target.RoleArn is null ? null : target.ExternalId is not null),
        target.S3Url?.ToString(),
        target.DeclaredAt);

    private async Task<int> RunAsync(RunArguments arguments, string file, string[] names, bool json, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var (targets, problems) = TargetsRun.Load(context, arguments, file, [.. names.Select(n => n.Trim()).Distinct(StringComparer.Ordinal)]);
        if (problems.Count > 0)
        {
            foreach (var problem in problems)
            {
                await ErrorLine.WriteAsync(error, problem).ConfigureAwait(false);
            }

            var message = problems.Count == 1 ? problems[0] : $"{problems.Count} problems in the targets file {file}.";
            await JsonOutput.WriteErrorAsync(output, context, json ? OutputFormat.Json : OutputFormat.Text, "configuration", message, problems).ConfigureAwait(false);
            return ExitCodes.Error;
        }

        if (json)
        {
            await JsonOutput.WriteAsync(output, context, null, null, true, null, new ListingDocument([.. targets.Select(t => t.Name)], [.. targets.Select(Describe)]), cancellationToken)
                .ConfigureAwait(false);
            return ExitCodes.Ok;
        }

        string[] headers = ["NAME", "ACCOUNT", "REGION", "REGIONS", "CREDENTIALS", "ENDPOINT"];
        var rows = targets.Select(t => new[] { t.Name, t.Account, t.Region, t.Regions.Count == 0 ? "all" : string.Join(",", t.Regions), t.CredentialsText, t.Endpoint }).ToList();
        await output.WriteAsync(Table(headers, rows)).ConfigureAwait(false);
        return ExitCodes.Ok;
    }

    /// <summary>Columns padded to their widest cell, outside text escaped.</summary>
    public static string Table(string[] headers, IReadOnlyList<string[]> rows)
    {
        var cells = rows.Select(r => r.Select(c => SafeText.Escape(c)).ToArray()).ToList();
        var widths = headers.Select((h, i) => Math.Max(h.Length, cells.Count == 0 ? 0 : cells.Max(r => r[i].Length))).ToArray();
        var text = new StringBuilder();
        foreach (var row in cells.Prepend(headers))
        {
            text.AppendLine(string.Join("  ", row.Select((c, i) => i == row.Length - 1 ? c : c.PadRight(widths[i]))).TrimEnd());
        }

        return text.ToString();
    }

    /// <summary>The listing: the names alone (for a matrix), and each target.</summary>
    private sealed record ListingDocument(IReadOnlyList<string> Names, IReadOnlyList<TargetDocument> Targets);

    /// <summary>One target as listed.</summary>
    internal sealed record TargetDocument(
        string Name, string Account, string Region, IReadOnlyList<string> Regions, string Endpoint, IReadOnlyList<string> Definitions,
        CredentialsDocument Credentials, string? S3Url, string DeclaredAt);

    /// <summary>How a target's credentials are had; whether an external ID is set, never its value.</summary>
    internal sealed record CredentialsDocument(string Kind, string? Profile, string? RoleArn, string? SourceProfile, string? SessionName, bool? ExternalId);
}

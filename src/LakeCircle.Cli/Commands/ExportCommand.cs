using System.CommandLine;
using LakeCircle.Cli.Configuration;
using LakeCircle.Cli.Output;
using LakeCircle.Cli.Running;
using LakeCircle.Core.Diagnostics;
using LakeCircle.Core.Export;
using LakeCircle.Core.Rendering;

namespace LakeCircle.Cli.Commands;

/// <summary>
/// <c>lakecircle export --out DIR</c>: writes one definition per bucket of the account that has a lifecycle
/// configuration, so that a plan over the folder finds every one in sync — how an account is adopted.
/// </summary>
internal sealed class ExportCommand(CliContext context) : ICliCommand
{
    public IReadOnlyList<string> Examples { get; } =
    [
        "lakecircle export --out defs/definition --account 123456789012 --region eu-west-1",
        "lakecircle export --out defs/definition --snapshot account.json --bucket acme-logs --format json --force -o json",
    ];

    public Command Create()
    {
        var folder = AccountCommand.Out("DIR", "The folder to write the definitions to (created when missing), one BUCKET.toml (or .json) per bucket. [required]");
        var format = new Option<string>("--format")
        {
            HelpName = "toml|json",
            Description = "toml (default): definition files with a comment header; json: the AWS shape {\"BucketName\", \"LifecycleConfiguration\"}, no header.",
            DefaultValueFactory = _ => "toml",
        };
        format.AcceptOnlyFromAmong("toml", "json");
        var includeEmpty = new Option<bool>("--include-empty")
        {
            Description = "Also write the buckets without lifecycle configuration, with Rules = [], so that they become managed (otherwise they are only listed).",
        };
        var force = AccountCommand.Force("Replace existing files. Without it, any existing target file stops the export before anything is written.");
        var command = new Command(
            "export",
            "Write the account's lifecycle configurations as definitions, one file per bucket that has one, exactly as S3 returns "
            + "them (rules in S3's order, IDs kept): 'lakecircle dryrun' over the folder then plans no change. Reads the account only "
            + "(or --snapshot); no endpoint, no definitions, no lock. Either every file is written or none. Exit code 0, or 1 on an "
            + "error (an existing file, a bucket that cannot be read, an exported definition that does not validate).")
        {
            folder, format, includeEmpty, force,
        };
        var options = AccountCommand.Options();
        options.AddTo(command);
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            RunArguments.From(parseResult, options, WorkAction.DryRun),
            parseResult.GetValue(folder)!,
            new ExportOptions
            {
                Buckets = parseResult.GetValue(options.Buckets!) is { Length: > 0 } buckets ? [.. buckets.Select(b => b.Trim())] : null,
                Format = parseResult.GetValue(format) == "json" ? ExportFormat.Json : ExportFormat.Toml,
                IncludeEmpty = parseResult.GetValue(includeEmpty),
                Overwrite = parseResult.GetValue(force),
                Generator = $"{Output.JsonOutput.ToolName} {AccountExporter.PlainVersion(CliVersion.Informational)}",
            },
            parseResult.InvocationConfiguration.Output,
            parseResult.InvocationConfiguration.Error,
            cancellationToken));
        return command;
    }

    private async Task<int> RunAsync(RunArguments arguments, string folder, ExportOptions exportOptions, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var session = await EndpointSession.OpenAsync(context, arguments, "lakecircle export", output, error, cancellationToken).ConfigureAwait(false);
        if (session is null)
        {
            return ExitCodes.Error;
        }

        await using var closing = session.ConfigureAwait(false);
        ExportOutcome outcome;
        try
        {
            outcome = await session.Client.ExportAsync(folder, exportOptions, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            var message = e is UnauthorizedAccessException ? $"Cannot write to '{folder}': permission denied." : e.Message;
            await Output.ErrorLine.WriteAsync(error, message).ConfigureAwait(false);
            await session.WriteJsonErrorAsync("failed", message).ConfigureAwait(false);
            return ExitCodes.Error;
        }

        foreach (var problem in outcome.Errors)
        {
            await Output.ErrorLine.WriteAsync(error, problem).ConfigureAwait(false);
        }

        foreach (var diagnostic in outcome.Diagnostics)
        {
            var line = SafeText.Escape(diagnostic.ToString());
            await error.WriteLineAsync(diagnostic.Severity == DiagnosticSeverity.Warning ? "warning: " + line : "error: " + line).ConfigureAwait(false);
        }

        var summary = Summary(outcome);
        if (session.Settings.Output == OutputFormat.Json)
        {
            var failure = outcome.Succeeded ? null
                : outcome.Existing.Count > 0 ? JsonEnvelope.Error("exists", summary, outcome.Errors)
                : outcome.Errors.Count > 0 ? JsonEnvelope.Error("failed", summary, outcome.Errors)
                : JsonEnvelope.Error("definitions", summary, outcome.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()));
            await session.WriteJsonAsync(outcome.Succeeded, failure, Document(outcome, exportOptions.Format)).ConfigureAwait(false);
            return outcome.Succeeded ? ExitCodes.Ok : ExitCodes.Error;
        }

        foreach (var file in outcome.Files)
        {
            var rules = file.Rules == 1 ? "1 rule" : $"{file.Rules} rules";
            await output.WriteLineAsync($"+ {SafeText.Escape(file.Bucket)}: {SafeText.Escape(file.Path)} ({rules}{(file.Replaced ? ", replaced" : "")})").ConfigureAwait(false);
        }

        foreach (var bucket in outcome.WithoutLifecycle)
        {
            await output.WriteLineAsync($"= {bucket}: no lifecycle configuration (not written; --include-empty writes it with Rules = [])").ConfigureAwait(false);
        }

        foreach (var bucket in outcome.Skipped)
        {
            await output.WriteLineAsync($"? {SafeText.Escape(bucket)}: not an S3 bucket name, no definition can name it (skipped)").ConfigureAwait(false);
        }

        await output.WriteLineAsync(SafeText.Escape(summary)).ConfigureAwait(false);
        return outcome.Succeeded ? ExitCodes.Ok : ExitCodes.Error;
    }

    /// <summary>The last line: what was written where, and what to run next.</summary>
    internal static string Summary(ExportOutcome outcome)
    {
        if (outcome.Errors.Count > 0)
        {
            return $"Nothing was written to {outcome.Folder}: {(outcome.Errors.Count == 1 ? "1 problem" : $"{outcome.Errors.Count} problems")}.";
        }

        var files = outcome.Files.Count == 1 ? "1 definition" : $"{outcome.Files.Count} definitions";
        var empty = outcome.WithoutLifecycle.Count == 0 ? "" : $", {outcome.WithoutLifecycle.Count} without lifecycle not written";
        var errors = outcome.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
        if (errors > 0)
        {
            return $"Wrote {files} to {outcome.Folder}{empty}; {errors} {(errors == 1 ? "problem" : "problems")} in them that validation rejects: fix them before a dryrun.";
        }

        var next = Path.GetFileName(outcome.Folder) == "definition"
            ? $" Next: lakecircle dryrun --endpoint {Path.GetDirectoryName(outcome.Folder)}"
            : "";
        return $"Wrote {files} to {outcome.Folder}{empty}.{next}";
    }

    private static ExportDocument Document(ExportOutcome outcome, ExportFormat format) => new(
        outcome.Folder,
        format == ExportFormat.Json ? "json" : "toml",
        [.. outcome.Files.Select(f => new ExportFileJson(f.Bucket, f.Path, f.Rules, f.Fingerprint, f.Replaced))],
        [.. outcome.WithoutLifecycle],
        [.. outcome.Skipped],
        [.. outcome.Existing],
        [.. outcome.Diagnostics.Select(DiagnosticJson.From)]);

    /// <summary>The members of the JSON document after its head.</summary>
    private sealed record ExportDocument(
        string Folder, string Format, List<ExportFileJson> Files, List<string> WithoutLifecycle, List<string> Skipped, List<string> Existing, List<DiagnosticJson> Problems);

    private sealed record ExportFileJson(string Bucket, string Path, int Rules, string Fingerprint, bool Replaced);

}

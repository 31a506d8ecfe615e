using System.CommandLine;
using System.Globalization;
using LakeCircle.Cli.Configuration;
using LakeCircle.Cli.Logging;
using LakeCircle.Cli.Output;
using LakeCircle.Cli.Targets;
using LakeCircle.Core.Sync;
using Microsoft.Extensions.Logging;

namespace LakeCircle.Cli.Commands;

/// <summary>
/// <c>lakecircle report --targets FILE</c>: the newest run record of each target's endpoint, one table (target, when,
/// action, status, applied, failed, pending): how the runs of every job of an organisation went, wherever they ran.
/// Writes nothing.
/// </summary>
internal sealed class ReportCommand(CliContext context) : ICliCommand
{
    public IReadOnlyList<string> Examples { get; } =
    [
        "lakecircle report --targets targets.toml",
        "lakecircle report --targets targets.toml --output json",
    ];

    public Command Create()
    {
        var command = new Command(
            "report",
            "Read the newest run record (log/) of each target of a targets file and print one table: target, when, action, "
            + "status, applied, failed, pending. Writes nothing. Exit code 0 when every target's last run succeeded, 1 when "
            + "any failed, did not finish, has no run record, or could not be read.");
        var options = new RunOptions(RunOptionGroups.Output | RunOptionGroups.Targets);
        options.Targets!.Required = true;
        options.AddTo(command);
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            RunArguments.From(parseResult, options, WorkAction.DryRun),
            parseResult.InvocationConfiguration.Output,
            parseResult.InvocationConfiguration.Error,
            cancellationToken));
        return command;
    }

    private async Task<int> RunAsync(RunArguments arguments, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var prepared = await TargetsRun.PrepareAsync(context, arguments, "lakecircle report", output, error, cancellationToken).ConfigureAwait(false);
        if (prepared is null)
        {
            return ExitCodes.Error;
        }

        var (targets, configurations) = prepared.Value;
        var settings = configurations.First(c => c.Settings is not null).Settings!;
        using var loggers = LoggingSetup.CreateLoggerFactory(context.Color.LogFormat(settings.LogFormat), settings.AppLevel, error, context.ErrorIsTerminal);
        var logger = loggers.CreateLogger("LakeCircle.Cli");
        var rows = await TargetsRun.ForEachAsync(
            [.. targets.Select((t, i) => (Target: t, Configuration: configurations[i]))],
            arguments.Parallel ?? TargetsRun.DefaultParallel,
            async item =>
            {
                using var scope = logger.BeginScope(new[] { new KeyValuePair<string, object?>("target", item.Target.Name) });
                try
                {
                    var (session, problem) = await TargetsRun.OpenClientAsync(context, item.Target, item.Configuration, arguments, loggers, cancellationToken).ConfigureAwait(false);
                    if (session is null)
                    {
                        return new Row(item.Target, null, problem);
                    }

                    await using (session.ConfigureAwait(false))
                    {
                        var report = await session.Client.GetLatestRunAsync(cancellationToken).ConfigureAwait(false);
                        // A held lock tells a run going on now, or one that died holding it (its record is never written).
                        var unlock = await session.Client.UnlockAsync(force: false, cancellationToken).ConfigureAwait(false);
                        return new Row(item.Target, report, null) { Lock = unlock.Status == UnlockStatus.Held ? unlock.Holder ?? "?" : null };
                    }
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    throw;
                }
                catch (Exception e)
                {
                    return new Row(item.Target, null, SecretMasker.MaskUserInfo(e.Message));
                }
            },
            cancellationToken).ConfigureAwait(false);

        foreach (var row in rows.Where(r => r.Problem is not null))
        {
            await ErrorLine.WriteAsync(error, $"target {row.Target.Name}: {row.Problem}").ConfigureAwait(false);
        }

        var locked = rows.Where(r => r.Lock is not null).Select(r => $"{r.Target.Name}: the lock is held by {r.Lock} (a run going on, or one that died: 'lakecircle unlock')").ToList();

        var bad = rows.Where(r => r.Status != "succeeded").Select(r => r.Target.Name).ToList();
        if (settings.Output == OutputFormat.Json)
        {
            var document = new ReportDocument([.. rows.Select(r => new ReportEntry(
                r.Target.Name, r.Target.Account, r.Target.Endpoint, r.Status, r.Report?.RunId, r.Report?.Action,
                r.Report is null ? null : Core.Rendering.JsonEnvelope.Timestamp(r.Report.StartedAt),
                r.Report?.FinishedAt is { } finished ? Core.Rendering.JsonEnvelope.Timestamp(finished) : null,
                r.Report?.Planned, r.Report?.Applied, r.Report?.Failed, r.Report?.Pending, r.Report?.Location, r.Problem, r.Report?.Errors, r.Lock))]);
            var failure = bad.Count > 0 ? Core.Rendering.JsonEnvelope.Error("failed", $"{bad.Count} of {rows.Count} targets did not last run well: {string.Join(", ", bad)}.") : null;
            await JsonOutput.WriteAsync(output, context, null, null, bad.Count == 0, failure, document, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            string[] headers = ["TARGET", "ACCOUNT", "WHEN", "ACTION", "STATUS", "APPLIED", "FAILED", "PENDING"];
            var cells = rows.Select(r => new[]
            {
                r.Target.Name, r.Target.Account,
                r.Report is null ? "-" : r.Report.StartedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                r.Report?.Action ?? "-", r.Status, Number(r.Report?.Applied), Number(r.Report?.Failed), Number(r.Report?.Pending),
            }).ToList();
            await output.WriteAsync(TargetsCommand.Table(headers, cells)).ConfigureAwait(false);
            foreach (var line in locked)
            {
                await output.WriteLineAsync(Core.Rendering.SafeText.Escape(line)).ConfigureAwait(false);
            }

            await output.WriteLineAsync($"{rows.Count} targets: {rows.Count - bad.Count} last ran well" + (bad.Count > 0 ? $", {bad.Count} did not ({string.Join(", ", bad)})." : ".")).ConfigureAwait(false);
        }

        return bad.Count > 0 ? ExitCodes.Error : ExitCodes.Ok;
    }

    private static string Number(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "-";

    /// <summary>One target's line: its newest run, or why it could not be read.</summary>
    private sealed record Row(Target Target, RunReport? Report, string? Problem)
    {
        /// <summary>Who holds the target's lock, or <see langword="null"/> when it is free.</summary>
        public string? Lock { get; init; }

        /// <summary><c>succeeded</c>, <c>failed</c>, <c>unfinished</c> (a record never completed), <c>no-run</c>, or <c>unreadable</c>.</summary>
        public string Status =>
            Problem is not null ? "unreadable"
            : Report is null ? "no-run"
            : Report.FinishedAt is null ? "unfinished"
            : Report.Succeeded ? "succeeded" : "failed";
    }

    private sealed record ReportDocument(IReadOnlyList<ReportEntry> Targets);

    private sealed record ReportEntry(
        string Name, string Account, string Endpoint, string Status, string? RunId, string? Action, string? StartedAt, string? FinishedAt,
        int? Planned, int? Applied, int? Failed, int? Pending, string? Record, string? Error, IReadOnlyList<string>? Errors, string? LockHeldBy);
}

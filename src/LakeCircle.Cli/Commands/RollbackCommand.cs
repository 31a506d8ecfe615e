using System.CommandLine;
using System.Globalization;
using LakeCircle.Cli.Configuration;
using LakeCircle.Cli.Output;
using LakeCircle.Cli.Running;
using LakeCircle.Core.Archive;
using LakeCircle.Core.Gateways;
using LakeCircle.Core.Locking;
using LakeCircle.Core.Model;
using LakeCircle.Core.Planning;
using LakeCircle.Core.Rendering;
using LakeCircle.Core.Sync;
using Microsoft.Extensions.Logging;

namespace LakeCircle.Cli.Commands;

/// <summary>
/// <c>lakecircle rollback --bucket NAME [--to TIME] [--dry-run] [--force-unlock]</c>: puts a stored version of a bucket's
/// configuration back, showing the plan first, then applying it along the SYNC path (account check, lock, re-check,
/// archive with reason <c>before-rollback</c>, run record).
/// </summary>
internal sealed class RollbackCommand(CliContext context) : ICliCommand
{
    /// <summary>The flags of rollback besides the endpoint, account and log flags (and its own <c>--to</c>, <c>--dry-run</c>).</summary>
    public const RunOptionGroups Groups = RunOptionGroups.Output | RunOptionGroups.OneBucket | RunOptionGroups.Wait | RunOptionGroups.ForceUnlock
        | RunOptionGroups.Confirm;

    public IReadOnlyList<string> Examples { get; } =
    [
        "lakecircle rollback --bucket acme-logs --endpoint s3://acme-config/lakecircle/ --account 123456789012 --region eu-west-1 --dry-run",
        "lakecircle rollback --bucket acme-logs --endpoint s3://acme-config/lakecircle/ --account 123456789012 --region eu-west-1 --to 20260314T091500.250Z",
    ];

    public Command Create()
    {
        var to = new Option<string?>("--to")
        {
            HelpName = "TIME",
            Description = "Put back the newest version captured at or before this time (a stamp from 'history' such as "
                + "20260314T091500.250Z, or an ISO 8601 time, UTC unless it says otherwise). [default: the version in previous/]",
        };
        var dryRun = new Option<bool>("--dry-run") { Description = "Show the plan only; write nothing and take no lock." };
        var command = new Command(
            "rollback",
            "Restore a bucket's lifecycle configuration to a stored version: shows the plan, then applies it like a sync "
            + "(the replaced configuration is saved, so the rollback is in history too). Change the definition as well, or "
            + "the next sync undoes the rollback. On a terminal, asks before writing unless --auto-approve. "
            + "Exit code 0 when restored (or already so), 1 on an error, a refusal or an answer that is not yes.")
        {
            to, dryRun,
        };
        var options = new RunOptions(Groups);
        var forceUnlock = options.ForceUnlock!;
        forceUnlock.Description = "Remove the endpoint's lock first, whoever holds it (only when no sync runs, after a crash). [no variable]";
        options.AddTo(command);
        command.Validators.Add(result =>
        {
            if (result.GetValue(to) is { } text && ParseTime(text) is null)
            {
                result.AddError($"--to must be a time stamp such as 20260314T091500.250Z or an ISO 8601 time, got '{text}'.");
            }
        });
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            RunArguments.From(parseResult, options, WorkAction.Sync),
            parseResult.GetValue(options.Buckets!)![0],
            parseResult.GetValue(to) is { } text ? ParseTime(text) : null,
            parseResult.GetValue(dryRun),
            parseResult.GetValue(forceUnlock),
            parseResult.GetValue(options.AutoApprove!),
            parseResult.InvocationConfiguration.Output,
            parseResult.InvocationConfiguration.Error,
            cancellationToken));
        return command;
    }

    internal static DateTimeOffset? ParseTime(string text) =>
        ArchiveTime.TryParse(text.Trim(), out var stamp) ? stamp
        : DateTimeOffset.TryParse(text.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) ? time
        : null;

    private async Task<int> RunAsync(
        RunArguments arguments, string bucket, DateTimeOffset? to, bool dryRun, bool forceUnlock, bool autoApprove, TextWriter output, TextWriter error,
        CancellationToken cancellationToken)
    {
        var session = await EndpointSession.OpenAsync(context, arguments, "lakecircle rollback", output, error, cancellationToken, forceUnlock)
            .ConfigureAwait(false);
        if (session is null)
        {
            return ExitCodes.Error;
        }

        await using var closing = session.ConfigureAwait(false);
        error = session.Error;

        var format = session.Settings.Output;
        var render = new PlanRenderOptions { Color = context.OutputIsTerminal };
        var json = session.JsonOptions;
        var talk = session.Settings.AppLevel <= LogLevel.Information;
        try
        {
            if (dryRun)
            {
                var plan = await session.Client.PlanRollbackAsync(bucket, to, cancellationToken).ConfigureAwait(false);
                if (!await ReportVersionAsync(bucket, plan.Plan, plan.Error, plan.RestoredVersion, error, talk).ConfigureAwait(false))
                {
                    await WriteJsonAsync(format, output, JsonPlanRenderer.Render(plan, json)).ConfigureAwait(false);
                    return ExitCodes.Error;
                }

                await RunOutput.WriteAsync(plan, format, output, render, json, cancellationToken).ConfigureAwait(false);
                return ExitCodes.Ok;
            }

            RunOutcome outcome;
            var reported = false;
            if (Confirmation.MustAsk(context, autoApprove)
                && await session.Client.PlanRollbackAsync(bucket, to, cancellationToken).ConfigureAwait(false) is { Plan: not null, HasChanges: true } shown)
            {
                // On a terminal: the version and what putting it back changes, then a yes, before anything is written.
                reported = await ReportVersionAsync(bucket, shown.Plan, shown.Error, shown.RestoredVersion, error, talk: true).ConfigureAwait(false);
                if (!await Confirmation.AskAsync(context, error, shown, cancellationToken).ConfigureAwait(false))
                {
                    await error.WriteLineAsync(Confirmation.Declined).ConfigureAwait(false);
                    await session.WriteJsonErrorAsync("declined", Confirmation.Declined).ConfigureAwait(false);
                    return ExitCodes.Error;
                }

                outcome = await session.Client.ApplyAsync(shown, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                outcome = await session.Client.RollbackAsync(bucket, to, cancellationToken).ConfigureAwait(false);
            }

            if (outcome.Refusal is not null)
            {
                return await RunOutput.WriteAsync(outcome, format, output, error, render, json, cancellationToken).ConfigureAwait(false);
            }

            if (!await ReportVersionAsync(bucket, outcome.Plan, outcome.Error, outcome.RestoredVersion, error, talk && !reported).ConfigureAwait(false))
            {
                await WriteJsonAsync(format, output, JsonPlanRenderer.Render(outcome, json)).ConfigureAwait(false);
                return ExitCodes.Error;
            }

            if (!outcome.HasChanges)
            {
                var unchanged = new PlanOutcome { Plan = outcome.Plan, RestoredVersion = outcome.RestoredVersion, Account = outcome.Account, Region = outcome.Region };
                await RunOutput.WriteAsync(unchanged, format, output, render, json, cancellationToken).ConfigureAwait(false);
                return ExitCodes.Ok;
            }

            return await RunOutput.WriteAsync(outcome, format, output, error, render, json, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException or Core.Gateways.S3GatewayException)
        {
            await Output.ErrorLine.WriteAsync(error, e.Message).ConfigureAwait(false);
            await session.WriteJsonErrorAsync("failed", e.Message).ConfigureAwait(false);
            return ExitCodes.Error;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            const string Cancelled = "Cancelled: the run record was written; writes already made stay made.";
            await error.WriteLineAsync(Cancelled).ConfigureAwait(false);
            await session.WriteJsonErrorAsync("cancelled", Cancelled).ConfigureAwait(false);
            return ExitCodes.Error;
        }
    }

    private static async Task WriteJsonAsync(OutputFormat format, TextWriter output, string document)
    {
        if (format == OutputFormat.Json)
        {
            await output.WriteLineAsync(document).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Says which version is put back (standard error, unless <paramref name="talk"/> is false: <c>--quiet</c> or a log
    /// level above INFO), or why none can be; false when there is no plan.
    /// </summary>
    private static async Task<bool> ReportVersionAsync(string bucket, AccountPlan? plan, string? problem, HistoryEntry? version, TextWriter error, bool talk)
    {
        if (plan is null && problem is not null)
        {
            await Output.ErrorLine.WriteAsync(error, problem).ConfigureAwait(false);
            return false;
        }

        if (version is not null && talk)
        {
            await error.WriteLineAsync(
                $"Version of '{SafeText.Escape(bucket)}' captured at {ArchiveTime.ToText(version.CapturedAt)} ({SafeText.Escape(version.Reason)}): "
                + (version.Configuration is null ? "no lifecycle configuration." : $"{version.Configuration.Rules.Count} rules.")).ConfigureAwait(false);
        }

        return true;
    }
}

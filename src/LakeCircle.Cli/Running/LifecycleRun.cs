using LakeCircle.Cli.Commands;
using LakeCircle.Cli.Configuration;
using LakeCircle.Cli.Logging;
using LakeCircle.Cli.Output;
using LakeCircle.Core;
using LakeCircle.Core.Gateways;
using LakeCircle.Core.Planning;
using LakeCircle.Core.Rendering;
using Microsoft.Extensions.Logging;

namespace LakeCircle.Cli.Running;

/// <summary>
/// One SYNC or DRYRUN from the command line: check the configuration (printing every problem and stopping before
/// anything is read), set up logging on standard error, make one <see cref="LakeCircleClient"/> call, print the plan or
/// the result on standard output, and turn the outcome into an exit code.
/// </summary>
internal static class LifecycleRun
{
    /// <summary>Runs the action and returns the exit code (see <see cref="ExitCodes"/>).</summary>
    /// <param name="context">The environment of the process.</param>
    /// <param name="arguments">The flags of the command line.</param>
    /// <param name="commandName">The command, for the hint printed after configuration errors.</param>
    /// <param name="output">Where the plan or result goes.</param>
    /// <param name="error">Where logs and configuration errors go.</param>
    /// <param name="cancellationToken">Cancels the run (Ctrl+C).</param>
    public static async Task<int> RunAsync(
        CliContext context, RunArguments arguments, string commandName, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        try
        {
            return await RunCoreAsync(context, arguments, commandName, output, error, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return await CancelledAsync(context, arguments, output, error).ConfigureAwait(false);
        }
    }

    /// <summary>Says that the run was cancelled (and, with JSON output, prints the error document); returns the exit code 1.</summary>
    public static async Task<int> CancelledAsync(CliContext context, RunArguments arguments, TextWriter output, TextWriter error)
    {
        const string Cancelled = "Cancelled: writes already made stay made.";
        await error.WriteLineAsync(Cancelled).ConfigureAwait(false);
        await JsonOutput.WriteErrorAsync(output, context, RunConfiguration.RequestedFormat(context.Environment, arguments), "cancelled", Cancelled).ConfigureAwait(false);
        return ExitCodes.Error;
    }

    private static async Task<int> RunCoreAsync(
        CliContext context, RunArguments arguments, string commandName, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var configuration = await RunConfiguration.LoadAsync(context.Environment, arguments, cancellationToken).ConfigureAwait(false);
        if (await configuration.ReportErrorsAsync(output, error, context, commandName).ConfigureAwait(false))
        {
            return ExitCodes.Error;
        }

        var settings = configuration.Settings!;
        var payload = configuration.Payload!;
        var action = settings.Action == WorkAction.DryRun ? "DRYRUN" : "SYNC";
        // On a terminal, the run's progress line; every other line on standard error goes through it.
        using var progress = Progress.ProgressLine.For(context, settings.AppLevel, error);
        error = progress?.Wrap(error) ?? error;
        using var loggerFactory = LoggingSetup.CreateLoggerFactory(context.Color.LogFormat(settings.LogFormat), settings.AppLevel, error, context.ErrorIsTerminal);
        var logger = loggerFactory.CreateLogger("LakeCircle.Cli");
        logger.Starting(settings.AppName, CliVersion.Informational, action, payload.Fingerprint);
        logger.Sources(payload.Require(PayloadKeys.EndpointDefinition), settings.AwsAccount, settings.AwsRegion, ClientOptions.DescribeAccount(configuration));
        foreach (var key in payload.Keys)
        {
            logger.Setting(key, payload.Require(key));
        }

        var render = new PlanRenderOptions
        {
            Color = context.OutputIsTerminal,
            UnmanagedListLimit = arguments.ShowUnmanaged ? int.MaxValue : PlanRenderOptions.DefaultListLimit,
        };
        var json = JsonOutput.Options(context);
        var buckets = settings.ActionParameters.Buckets;
        int exitCode;
        try
        {
            var options = ClientOptions.From(configuration, arguments.PathStyle, arguments.ForceUnlock, loggerFactory);
            options.Progress = progress;
            var client = new LakeCircleClient(options);
            await using var closing = client.ConfigureAwait(false);
            var talk = settings.AppLevel <= LogLevel.Information;
            if (settings.Action == WorkAction.DryRun)
            {
                var outcome = await client.PlanAsync(buckets, cancellationToken).ConfigureAwait(false);
                SavedPlan? saved = null;
                if (arguments.OutFile is { } file && outcome.Succeeded)
                {
                    try
                    {
                        saved = await SavedPlans.WriteAsync(client, outcome, file, cancellationToken).ConfigureAwait(false);
                    }
                    catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
                    {
                        var message = $"--out: cannot save the plan to '{file}': {(e is UnauthorizedAccessException ? "permission denied." : e.Message)}";
                        await ErrorLine.WriteAsync(error, message).ConfigureAwait(false);
                        await JsonOutput.WriteErrorAsync(output, context, settings.Output, "failed", message, account: settings.AwsAccount, region: settings.AwsRegion).ConfigureAwait(false);
                        return ExitCodes.Error;
                    }
                }

                await RunOutput.WriteAsync(outcome, settings.Output, output, render, json, cancellationToken).ConfigureAwait(false);
                exitCode = RunOutput.ExitCode(outcome, settings.ActionParameters.DetailedExitCode);
                if (arguments.OutFile is { } notSaved && saved is null)
                {
                    await ErrorLine.WriteAsync(error, $"The plan has errors: it was not saved to '{notSaved}' (a file already there is left as it was).").ConfigureAwait(false);
                    exitCode = ExitCodes.Error;
                }
                else if (saved is not null && talk)
                {
                    await error.WriteLineAsync(
                        $"Plan saved to {SafeText.Escape(arguments.OutFile)} (sha256 {saved.Sha256}). Apply exactly this plan with: lakecircle sync --plan {SafeText.Escape(arguments.OutFile)}")
                        .ConfigureAwait(false);
                }
            }
            else
            {
                // A saved plan is applied as it is; on a terminal the plan is shown and a yes is needed first.
                var plan = configuration.SavedPlan;
                if (plan?.Saved is { } origin && talk)
                {
                    await error.WriteLineAsync(
                        $"Applying the plan {SafeText.Escape(arguments.PlanFile)} made at {origin.CreatedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z by version {SafeText.Escape(origin.ToolVersion)} (sha256 {origin.Sha256}).")
                        .ConfigureAwait(false);
                }

                if (Confirmation.MustAsk(context, arguments.AutoApprove))
                {
                    plan ??= await client.PlanAsync(buckets, cancellationToken).ConfigureAwait(false);
                    if (plan.Succeeded && plan.HasChanges && !await Confirmation.AskAsync(context, error, plan, cancellationToken).ConfigureAwait(false))
                    {
                        await error.WriteLineAsync(Confirmation.Declined).ConfigureAwait(false);
                        await JsonOutput.WriteErrorAsync(output, context, settings.Output, "declined", Confirmation.Declined, account: settings.AwsAccount, region: settings.AwsRegion).ConfigureAwait(false);
                        return ExitCodes.Error;
                    }
                }

                var run = plan is null
                    ? await client.SyncAsync(buckets, cancellationToken).ConfigureAwait(false)
                    : await client.ApplyAsync(plan, cancellationToken).ConfigureAwait(false);
                exitCode = await RunOutput.WriteAsync(run, settings.Output, output, error, render, json, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            logger.Cancelled(action);
            throw;
        }
        catch (Exception e) when (e is S3GatewayException or IOException or InvalidDataException or UnauthorizedAccessException)
        {
            // A gateway or endpoint failure outside what the run reports itself, such as a folder where lock.json goes.
            await ErrorLine.WriteAsync(error, e.Message).ConfigureAwait(false);
            await JsonOutput.WriteErrorAsync(output, context, settings.Output, "failed", e.Message, account: settings.AwsAccount, region: settings.AwsRegion).ConfigureAwait(false);
            return ExitCodes.Error;
        }

        logger.Finished(action, exitCode);
        return exitCode;
    }
}

using LakeCircle.Cli.Commands;
using LakeCircle.Cli.Logging;
using LakeCircle.Cli.Output;
using LakeCircle.Core.Configuration;
using LakeCircle.Core.Gateways;
using LakeCircle.Core.Recovery;
using LakeCircle.Core.Workflows;
using LakeCircle.Core.Workflows.Rendering;
using Microsoft.Extensions.Logging;

namespace LakeCircle.Cli.Running;

/// <summary>
/// One SYNC or DRYRUN from the command line: check the configuration (printing every problem and stopping before
/// anything is read), set up logging on standard error, build both sides, run the workflow, print the plan or the
/// result on standard output, and turn the outcome into an exit code.
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
            await error.WriteLineAsync("Cancelled: writes already made stay made.").ConfigureAwait(false);
            return ExitCodes.Error;
        }
    }

    private static async Task<int> RunCoreAsync(
        CliContext context, RunArguments arguments, string commandName, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var configuration = await RunConfiguration.LoadAsync(context.Environment, arguments, cancellationToken).ConfigureAwait(false);
        if (await configuration.ReportErrorsAsync(error, commandName).ConfigureAwait(false))
        {
            return ExitCodes.Error;
        }

        var settings = configuration.Settings!;
        var payload = configuration.Payload!;
        var action = settings.Action == WorkAction.DryRun ? "DRYRUN" : "SYNC";
        using var loggerFactory = LoggingSetup.CreateLoggerFactory(settings.LogFormat, settings.AppLevel, error, context.ErrorIsTerminal);
        var logger = loggerFactory.CreateLogger("LakeCircle.Cli");
        using var sources = RunSources.Create(configuration, arguments.PathStyle, loggerFactory);
        logger.Starting(settings.AppName, CliVersion.Informational, action, payload.Fingerprint);
        logger.Sources(payload.Require(PayloadKeys.EndpointDefinition), settings.AwsAccount, settings.AwsRegion, sources.AccountDescription);
        foreach (var key in payload.Keys)
        {
            logger.Setting(key, payload.Require(key));
        }

        var render = new PlanRenderOptions { Color = context.OutputIsTerminal };
        int exitCode;
        try
        {
            if (settings.Action == WorkAction.DryRun)
            {
                var workflow = new LifecycleWorkflow(sources.Account, sources.Definitions, loggerFactory.CreateLogger<LifecycleWorkflow>(), Options(settings, payload));
                exitCode = await DryRunAsync(workflow, settings, output, render, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                var runner = new SafeSyncRunner(
                    sources.Account,
                    sources.Definitions,
                    sources.Endpoint,
                    Options(settings, payload),
                    SafeRunOptions.From(payload) with { ForceUnlock = arguments.ForceUnlock },
                    loggerFactory.CreateLogger<SafeSyncRunner>());
                exitCode = await SyncAsync(runner, settings, output, error, render, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            logger.Cancelled(action);
            throw;
        }
        catch (S3GatewayException e)
        {
            await error.WriteLineAsync("error: " + e.Message).ConfigureAwait(false);
            return ExitCodes.Error;
        }

        logger.Finished(action, exitCode);
        return exitCode;
    }

    private static async Task<int> DryRunAsync(
        LifecycleWorkflow workflow, Settings settings, TextWriter output, PlanRenderOptions render, CancellationToken cancellationToken)
    {
        var outcome = await workflow.PlanAsync(cancellationToken).ConfigureAwait(false);
        await RunOutput.WriteAsync(outcome, settings.Output, output, render, cancellationToken).ConfigureAwait(false);
        return RunOutput.ExitCode(outcome, settings.ActionParameters.DetailedExitCode);
    }

    /// <summary>
    /// SYNC inside its safety net (account check, lock, archive of each old configuration, verification, run record):
    /// a refusal or a failure of the run's own steps goes to standard error and makes the exit code 1.
    /// </summary>
    private static async Task<int> SyncAsync(
        SafeSyncRunner runner, Settings settings, TextWriter output, TextWriter error, PlanRenderOptions render, CancellationToken cancellationToken)
    {
        var run = await runner.SyncAsync(cancellationToken).ConfigureAwait(false);
        if (run.Refusal is { } refusal)
        {
            await error.WriteLineAsync("error: " + refusal).ConfigureAwait(false);
            return ExitCodes.Error;
        }

        await RunOutput.WriteAsync(run.Sync!, settings.Output, output, render, cancellationToken).ConfigureAwait(false);
        foreach (var problem in run.Errors)
        {
            await error.WriteLineAsync("error: " + problem).ConfigureAwait(false);
        }

        return run.Errors.Count > 0 ? ExitCodes.Error : RunOutput.ExitCode(run.Sync!);
    }

    /// <summary>The workflow options of the settings: buckets, concurrency, guards, and how writes are read back (<c>wait</c>).</summary>
    internal static WorkflowOptions Options(Settings settings, Payload payload)
    {
        var parameters = settings.ActionParameters;
        var options = new WorkflowOptions
        {
            ReadConcurrency = parameters.Concurrency,
            WriteConcurrency = parameters.WriteConcurrency,
            MaxChanges = parameters.MaxChanges,
            MaxDeletions = parameters.MaxDeletions,
            WaitForConsistency = parameters.Wait,
            WaitTimeout = parameters.WaitTimeout,
            SettingsFingerprint = payload.Fingerprint,
            Account = settings.AwsAccount,
            Region = settings.AwsRegion,
        };
        foreach (var bucket in parameters.Buckets)
        {
            options.Buckets.Add(bucket);
        }

        return options;
    }
}

using LakeCircle.Cli.Configuration;
using LakeCircle.Core.Planning;
using LakeCircle.Core.Rendering;
using LakeCircle.Core.Sync;

namespace LakeCircle.Cli.Output;

/// <summary>Prints the outcome of a DRYRUN or SYNC on standard output (text or JSON) and maps it to an exit code.</summary>
internal static class RunOutput
{
    /// <summary>Writes the plan of a DRYRUN.</summary>
    public static async Task WriteAsync(
        PlanOutcome outcome, OutputFormat format, TextWriter output, PlanRenderOptions render, JsonRenderOptions json, CancellationToken cancellationToken)
    {
        if (format == OutputFormat.Json)
        {
            await output.WriteLineAsync(JsonPlanRenderer.Render(outcome, json)).ConfigureAwait(false);
        }
        else
        {
            TextPlanRenderer.Render(outcome, output, render);
        }

        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Writes what a writing run (sync, rollback) did and returns its exit code: a refusal or a failure of the run's own
    /// steps goes to standard error; the plan and the per-bucket results go to standard output. With JSON output, a
    /// refused run is a document too (its <c>error</c> says why).
    /// </summary>
    /// <returns>0 when every write went through (or none was needed), else 1.</returns>
    public static async Task<int> WriteAsync(
        RunOutcome outcome, OutputFormat format, TextWriter output, TextWriter error, PlanRenderOptions render, JsonRenderOptions json,
        CancellationToken cancellationToken)
    {
        if (outcome.Refusal is { } refusal)
        {
            await ErrorLine.WriteAsync(error, refusal).ConfigureAwait(false);
            if (format == OutputFormat.Json)
            {
                await output.WriteLineAsync(JsonPlanRenderer.Render(outcome, json)).ConfigureAwait(false);
                await output.FlushAsync(cancellationToken).ConfigureAwait(false);
            }

            return ExitCodes.Error;
        }

        if (format == OutputFormat.Json)
        {
            await output.WriteLineAsync(JsonPlanRenderer.Render(outcome, json)).ConfigureAwait(false);
        }
        else
        {
            TextPlanRenderer.Render(outcome, output, render);
        }

        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
        foreach (var problem in outcome.Errors)
        {
            await ErrorLine.WriteAsync(error, problem).ConfigureAwait(false);
        }

        return ExitCode(outcome);
    }

    /// <summary>0 when every write went through (or none was needed) and the run's own steps succeeded, else 1.</summary>
    public static int ExitCode(RunOutcome outcome) => outcome.Succeeded ? ExitCodes.Ok : ExitCodes.Error;

    /// <summary>1 when the plan is incomplete; 2 for pending changes when asked (the Terraform convention); else 0.</summary>
    public static int ExitCode(PlanOutcome outcome, bool detailedExitCode) =>
        !outcome.Succeeded ? ExitCodes.Error
        : detailedExitCode && outcome.HasChanges ? ExitCodes.ChangesPending
        : ExitCodes.Ok;
}

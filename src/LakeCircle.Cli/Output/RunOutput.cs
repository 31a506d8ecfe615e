using LakeCircle.Cli.Configuration;
using LakeCircle.Core.Workflows;
using LakeCircle.Core.Workflows.Rendering;

namespace LakeCircle.Cli.Output;

/// <summary>Prints the outcome of a DRYRUN or SYNC on standard output (text or JSON) and maps it to an exit code.</summary>
internal static class RunOutput
{
    /// <summary>Writes the plan of a DRYRUN.</summary>
    public static async Task WriteAsync(PlanOutcome outcome, OutputFormat format, TextWriter output, PlanRenderOptions render, CancellationToken cancellationToken)
    {
        if (format == OutputFormat.Json)
        {
            await output.WriteLineAsync(JsonPlanRenderer.Render(outcome)).ConfigureAwait(false);
        }
        else
        {
            TextPlanRenderer.Render(outcome, output, render);
        }

        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Writes the plan and the results of a SYNC.</summary>
    public static async Task WriteAsync(SyncOutcome outcome, OutputFormat format, TextWriter output, PlanRenderOptions render, CancellationToken cancellationToken)
    {
        if (format == OutputFormat.Json)
        {
            await output.WriteLineAsync(JsonPlanRenderer.Render(outcome)).ConfigureAwait(false);
        }
        else
        {
            TextPlanRenderer.Render(outcome, output, render);
        }

        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>1 when the plan is incomplete; 2 for pending changes when asked (the Terraform convention); else 0.</summary>
    public static int ExitCode(PlanOutcome outcome, bool detailedExitCode) =>
        !outcome.Succeeded ? ExitCodes.Error
        : detailedExitCode && outcome.HasChanges ? ExitCodes.ChangesPending
        : ExitCodes.Ok;

    /// <summary>0 when every write went through (or none was needed), else 1.</summary>
    public static int ExitCode(SyncOutcome outcome) => outcome.Succeeded ? ExitCodes.Ok : ExitCodes.Error;
}

using System.Management.Automation;
using LakeCircle.Cli.Configuration;
using LakeCircle.Core.Planning;
using LakeCircle.Core.Sync;
using LakeCircle.PowerShell.Running;

namespace LakeCircle.PowerShell.Commands;

/// <summary>
/// What the writing cmdlets (<c>Invoke-LakeCircleSync</c>, <c>Invoke-LakeCircleRollback</c>) share: the parameters that
/// steer writes, the text <c>-WhatIf</c> and <c>-Confirm</c> show per bucket, and the report of a run — one
/// <see cref="BucketWriteResult"/> per bucket written, then an error record per failure.
/// </summary>
public abstract class WritingCommand : LakeCircleCommand
{
    /// <summary>Read each written bucket back until the configuration is seen 3 times in a row, or <c>-WaitTimeout</c> passes. Overrides <c>LCC_ACTION_PARAMS</c> key <c>wait</c>.</summary>
    [Parameter]
    public SwitchParameter Wait { get; set; }

    /// <summary>How long <c>-Wait</c> reads back (1 s to 1 h): a [TimeSpan], seconds, or <c>90s</c>, <c>5m</c>. Overrides <c>LCC_ACTION_PARAMS</c> key <c>waitTimeout</c>.</summary>
    [Parameter]
    [DurationTransformation]
    [ValidateWaitTimeout]
    public TimeSpan WaitTimeout { get; set; }

    /// <summary>Remove the endpoint's lock, whoever holds it, before taking it (after a crashed run only).</summary>
    [Parameter]
    public SwitchParameter ForceUnlock { get; set; }

    /// <summary>The endpoint parameters with those that steer writes.</summary>
    /// <returns>The parameters.</returns>
    private protected CommandParameters WritingParameters() => EndpointParameters(WorkAction.Sync) with
    {
        Wait = IsBound(nameof(Wait)) ? Wait.IsPresent : null,
        WaitTimeout = IsBound(nameof(WaitTimeout)) ? WaitTimeout : null,
        ForceUnlock = ForceUnlock.IsPresent,
    };

    /// <summary>Asks <c>ShouldProcess</c> for one bucket's write, describing it as <c>lakecircle dryrun</c> does.</summary>
    /// <param name="bucket">The bucket's plan (with changes).</param>
    /// <param name="what">What the write puts in place, such as <c>the definition's rules</c>.</param>
    /// <returns>Whether to write it.</returns>
    private protected bool ShouldWrite(BucketPlan bucket, string what)
    {
        ArgumentNullException.ThrowIfNull(bucket);
        var operation = bucket.Action == BucketAction.Delete
            ? "Delete the lifecycle configuration"
            : "Put the whole lifecycle configuration (" + Core.Rendering.Wording.Rules(bucket.ConfigurationToPut?.Rules.Count ?? 0) + ")";
        var details = ErrorRecords.Shown(PlanBucket.Render(bucket));
        return ShouldProcess(
            $"{operation} of bucket \"{ErrorRecords.Shown(bucket.Bucket)}\" to {what}:\n{details}",
            $"{operation} of bucket \"{ErrorRecords.Shown(bucket.Bucket)}\"?\n{details}",
            "Write a bucket's lifecycle configuration");
    }

    /// <summary>Writes the result of a run: its buckets' results, then an error record for each failure.</summary>
    /// <param name="run">The run.</param>
    private protected void Report(RunOutcome run)
    {
        ArgumentNullException.ThrowIfNull(run);
        foreach (var bucket in run.Buckets)
        {
            WriteObject(new BucketWriteResult(bucket, run));
        }

        WriteVerbose(run.RecordLocation is null
            ? $"Run {run.RunId}: no run record was written."
            : $"Run {run.RunId} ({run.Status}): its record is {ErrorRecords.Shown(run.RecordLocation)}");
        if (run.Refusal is { } refusal)
        {
            var category = refusal.Contains("credentials", StringComparison.Ordinal) ? ErrorCategory.SecurityError : ErrorCategory.ResourceBusy;
            WriteError(ErrorRecords.Create(refusal, ErrorRecords.RunRefused, category, Endpoint,
                category == ErrorCategory.ResourceBusy ? "Wait for the other run, or after a crashed run use -ForceUnlock." : null));
        }

        var guard = run.Error is not null && run.Buckets.Count > 0 && run.Buckets.All(b => b.Result == BucketResult.Skipped);
        ReportPlanProblems(new PlanOutcome { Diagnostics = run.Diagnostics, Error = guard ? null : run.Error });
        if (guard)
        {
            WriteError(ErrorRecords.Create(
                run.Error!, ErrorRecords.LimitExceeded, ErrorCategory.LimitsExceeded, null, "Nothing was written. Raise -MaxChanges / -MaxDeletions / -MaxDestructive, allow a protected bucket with -AllowDestructive, or narrow the run with -Bucket."));
        }

        if (run.Plan is { } plan)
        {
            ReportUnreadBuckets(plan);
        }

        foreach (var bucket in run.Buckets.Where(b => b.Result == BucketResult.Failed))
        {
            WriteError(ErrorRecords.Create($"{bucket.Bucket}: {bucket.Error}", ErrorRecords.BucketWriteFailed, ErrorCategory.WriteError, bucket.Bucket));
        }

        foreach (var step in run.Errors)
        {
            WriteError(ErrorRecords.Create(step, ErrorRecords.RunStepFailed, ErrorCategory.WriteError, Endpoint));
        }
    }
}

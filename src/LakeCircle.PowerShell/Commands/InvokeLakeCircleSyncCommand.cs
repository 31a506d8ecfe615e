using System.Management.Automation;
using LakeCircle.Core.Planning;
using LakeCircle.Core.Sync;
using LakeCircle.PowerShell.Running;

namespace LakeCircle.PowerShell.Commands;

/// <summary>
/// <para type="synopsis">Applies the definitions (<c>lakecircle sync</c>): one PUT of the whole desired configuration per changed bucket, or one DELETE when no rule is left.</para>
/// <para type="description">
/// Plans first (as <c>Get-LakeCirclePlan</c>), then asks <c>ShouldProcess</c> for each bucket to change: <c>-WhatIf</c>
/// shows each bucket's changes and writes nothing; <c>-Confirm</c> asks per bucket and applies only the confirmed ones.
/// The writes go through the whole safety net (account check, lock, re-check before each write, archive, verification,
/// run record). Writes one <see cref="BucketWriteResult"/> per bucket written; a failed bucket is a non-terminating
/// error while the others go on.
/// </para>
/// </summary>
[Cmdlet(VerbsLifecycle.Invoke, "LakeCircleSync", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(BucketWriteResult))]
public sealed class InvokeLakeCircleSyncCommand : WritingCommand
{
    private readonly List<string> _buckets = [];

    /// <summary>Only these buckets (names, or objects with a Bucket or Name property from the pipeline). Overrides <c>LCC_ACTION_PARAMS</c> key <c>buckets</c>; an empty selection selects none.</summary>
    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("Name")]
    [AllowEmptyCollection]
    [ValidateBucketName]
    public string[]? Bucket { get; set; }

    /// <summary>The workflow parameters as one JSON object, as <c>LCC_ACTION_PARAMS</c> (the parameters below win over its keys).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Params { get; set; }

    /// <summary>How many buckets are read at once (1 to 256). Overrides <c>LCC_ACTION_PARAMS</c> key <c>concurrency</c>.</summary>
    [Parameter]
    [ValidateRange(1, 256)]
    public int Concurrency { get; set; }

    /// <summary>How many buckets are written at once (1 to 64). Overrides <c>LCC_ACTION_PARAMS</c> key <c>writeConcurrency</c>.</summary>
    [Parameter]
    [ValidateRange(1, 64)]
    public int WriteConcurrency { get; set; }

    /// <summary>A run that would change more buckets writes nothing and fails. Overrides <c>LCC_ACTION_PARAMS</c> key <c>maxChanges</c>.</summary>
    [Parameter]
    [ValidateRange(0, int.MaxValue)]
    public int MaxChanges { get; set; }

    /// <summary>A run that would delete more lifecycle configurations writes nothing and fails. Overrides <c>LCC_ACTION_PARAMS</c> key <c>maxDeletions</c>.</summary>
    [Parameter]
    [ValidateRange(0, int.MaxValue)]
    public int MaxDeletions { get; set; }

    /// <summary>
    /// A run that would change more buckets destructively (deleting data sooner or where it was kept) writes nothing and
    /// fails. Overrides <c>LCC_ACTION_PARAMS</c> key <c>maxDestructive</c>.
    /// </summary>
    [Parameter]
    [ValidateRange(0, int.MaxValue)]
    public int MaxDestructive { get; set; }

    /// <summary>
    /// Protected buckets (<c>[LakeCircle] Protected = true</c>) the run may change destructively. Overrides
    /// <c>LCC_ACTION_PARAMS</c> key <c>allowDestructive</c>.
    /// </summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string[]? AllowDestructive { get; set; }

    private protected override string ActivityName => "LakeCircle sync";

    /// <summary>Collects the buckets given, by parameter or from the pipeline.</summary>
    protected override void ProcessRecord() => _buckets.AddRange(Bucket ?? []);

    /// <summary>Plans, confirms per bucket, applies.</summary>
    protected override void EndProcessing()
    {
        var selection = IsBound(nameof(Bucket)) || MyInvocation.ExpectingInput ? _buckets : null;
        var parameters = WritingParameters() with
        {
            Buckets = selection,
            Params = Params,
            Concurrency = IsBound(nameof(Concurrency)) ? Concurrency : null,
            WriteConcurrency = IsBound(nameof(WriteConcurrency)) ? WriteConcurrency : null,
            MaxChanges = IsBound(nameof(MaxChanges)) ? MaxChanges : null,
            MaxDeletions = IsBound(nameof(MaxDeletions)) ? MaxDeletions : null,
            MaxDestructive = IsBound(nameof(MaxDestructive)) ? MaxDestructive : null,
            AllowDestructive = AllowDestructive,
        };
        var settings = Open(parameters, selection?.Distinct(StringComparer.Ordinal).Count());
        var buckets = settings.ActionParameters.Buckets;
        try
        {
            var plan = Run(token => Client.PlanAsync(buckets, token));
            if (!ReportPlanProblems(plan))
            {
                return;
            }

            var changed = plan.Plan!.Buckets.Where(b => b.HasChanges).ToList();
            var declined = changed.Where(b => !ShouldWrite(b, "what its definition declares")).Select(b => b.Bucket).ToHashSet(StringComparer.Ordinal);
            if (changed.Count == 0 || declined.Count == changed.Count)
            {
                WriteVerbose(changed.Count == 0 ? "No bucket to change: nothing written, no run started." : "No bucket confirmed: nothing written, no run started.");
                ReportUnreadBuckets(plan.Plan);
                return;
            }

            var confirmed = PlanSelection.Without(plan, declined);
            Progress!.ExpectedWrites = changed.Count - declined.Count;
            var run = Run(token => Client.ApplyAsync(confirmed, token));
            Report(run);
        }
        catch (Exception e) when (ErrorRecords.IsExpected(e))
        {
            WriteError(ErrorRecords.FromException(e, Endpoint));
        }
    }
}

using System.Management.Automation;
using LakeCircle.Core.Archive;
using LakeCircle.Core.Planning;
using LakeCircle.PowerShell.Running;

namespace LakeCircle.PowerShell.Commands;

/// <summary>
/// <para type="synopsis">Puts a stored version of a bucket's lifecycle configuration back (<c>lakecircle rollback</c>).</para>
/// <para type="description">
/// Without <c>-To</c>, the configuration from before the last applied change; with it, the newest version captured at
/// or before that time. Asks <c>ShouldProcess</c> (<c>-WhatIf</c> shows the change and writes nothing), then applies
/// it like a sync: the replaced configuration is archived too, so a rollback can itself be rolled back. Pipe
/// <c>Get-LakeCircleHistory</c> entries to put those versions back. Change the definition as well, or the next sync
/// undoes the rollback.
/// </para>
/// </summary>
[Cmdlet(VerbsLifecycle.Invoke, "LakeCircleRollback", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(BucketWriteResult))]
public sealed class InvokeLakeCircleRollbackCommand : WritingCommand
{
    /// <summary>The bucket.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("Name")]
    [ValidateBucketName]
    public string Bucket { get; set; } = string.Empty;

    /// <summary>
    /// Put back the newest version captured at or before this time: a history stamp such as <c>20260314T091500.250Z</c>,
    /// an ISO 8601 time (UTC unless it says otherwise), a [DateTime] or a [DateTimeOffset]. Binds the CapturedAt of a
    /// piped history entry. Without it: the configuration from before the last applied change.
    /// </summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("CapturedAt")]
    [TimeTransformation]
    public DateTimeOffset? To { get; set; }

    private protected override string ActivityName => "LakeCircle rollback";

    /// <summary>Checks the configuration and opens the client.</summary>
    protected override void BeginProcessing() => Open(WritingParameters());

    /// <summary>Plans the bucket's rollback, confirms it, applies it.</summary>
    protected override void ProcessRecord()
    {
        var bucket = Bucket.Trim();
        var to = To;
        try
        {
            var plan = Run(token => Client.PlanRollbackAsync(bucket, to, token));
            if (plan.Plan is null)
            {
                WriteError(ErrorRecords.Create(
                    plan.Error ?? $"No stored version of bucket '{bucket}' to put back.", ErrorRecords.NoVersion, ErrorCategory.ObjectNotFound, bucket,
                    "List the stored versions with Get-LakeCircleHistory."));
                return;
            }

            if (plan.RestoredVersion is { } version)
            {
                WriteVerbose($"Version of '{ErrorRecords.Shown(bucket)}' captured at {ArchiveTime.ToText(version.CapturedAt)} ({ErrorRecords.Shown(version.Reason)}): "
                    + (version.Configuration is null ? "no lifecycle configuration." : $"{Number(version.Configuration.Rules.Count)} rules."));
            }

            if (plan.Plan.Buckets.FirstOrDefault(b => b.HasChanges) is not { } change)
            {
                WriteVerbose($"Bucket '{ErrorRecords.Shown(bucket)}' already has that configuration: nothing written.");
                return;
            }

            var what = plan.RestoredVersion is { } restored ? $"the version captured at {ArchiveTime.ToText(restored.CapturedAt)}" : "the stored version";
            if (!ShouldWrite(change, what))
            {
                return;
            }

            Progress!.ExpectedWrites = 1;
            Report(Run(token => Client.ApplyAsync(plan, token)));
        }
        catch (Exception e) when (ErrorRecords.IsExpected(e))
        {
            WriteError(ErrorRecords.FromException(e, bucket));
        }
    }
}

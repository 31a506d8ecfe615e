using System.Management.Automation;
using LakeCircle.Cli.Configuration;
using LakeCircle.Core.Sync;
using LakeCircle.PowerShell.Running;

namespace LakeCircle.PowerShell.Commands;

/// <summary>
/// <para type="synopsis">Lists the stored versions of a bucket's lifecycle configuration (the endpoint's history/), newest first (<c>lakecircle history</c>).</para>
/// <para type="description">
/// Writes one <see cref="BucketHistoryEntry"/> per version. Buckets come from <c>-Bucket</c> or the pipeline (names, or
/// objects with a Bucket or Name property); a bucket whose history cannot be read is a non-terminating error.
/// </para>
/// </summary>
[Cmdlet(VerbsCommon.Get, "LakeCircleHistory")]
[OutputType(typeof(BucketHistoryEntry))]
public sealed class GetLakeCircleHistoryCommand : LakeCircleCommand
{
    /// <summary>The buckets.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("Name")]
    [ValidateBucketName]
    public string[] Bucket { get; set; } = [];

    private protected override string ActivityName => "LakeCircle history";

    /// <summary>Checks the configuration and opens the client.</summary>
    protected override void BeginProcessing() => Open(EndpointParameters(WorkAction.DryRun));

    /// <summary>Lists each bucket's versions.</summary>
    protected override void ProcessRecord()
    {
        foreach (var name in Bucket.Select(b => b.Trim()))
        {
            IReadOnlyList<HistoryEntry> entries;
            try
            {
                entries = Run(token => Client.GetHistoryAsync(name, token));
            }
            catch (Exception e) when (ErrorRecords.IsExpected(e))
            {
                WriteError(ErrorRecords.FromException(e, name));
                continue;
            }

            if (entries.Count == 0)
            {
                WriteVerbose($"No stored versions of bucket '{ErrorRecords.Shown(name)}'.");
            }

            foreach (var entry in entries)
            {
                WriteObject(new BucketHistoryEntry(entry));
            }
        }
    }
}

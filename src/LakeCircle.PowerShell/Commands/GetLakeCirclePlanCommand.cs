using System.Management.Automation;
using LakeCircle.Cli.Configuration;
using LakeCircle.Core.Planning;

namespace LakeCircle.PowerShell.Commands;

/// <summary>
/// <para type="synopsis">Shows what a sync would change, writing nothing (<c>lakecircle dryrun</c>).</para>
/// <para type="description">
/// Reads and checks the definitions, lists the account's buckets and reads each managed bucket's lifecycle, then writes
/// one <see cref="PlanBucket"/> per bucket to the pipeline (with <c>-Summary</c>, one <see cref="PlanSummary"/> instead).
/// Invalid definitions, an account that cannot be listed and unreadable buckets are non-terminating errors; a bad
/// configuration is a terminating one.
/// </para>
/// </summary>
[Cmdlet(VerbsCommon.Get, "LakeCirclePlan", DefaultParameterSetName = BucketsSet)]
[OutputType(typeof(PlanBucket), ParameterSetName = [BucketsSet])]
[OutputType(typeof(PlanSummary), ParameterSetName = [SummarySet])]
public sealed class GetLakeCirclePlanCommand : LakeCircleCommand
{
    private const string BucketsSet = "Buckets";
    private const string SummarySet = "Summary";

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

    /// <summary>Write one summary object (the counts) instead of the buckets.</summary>
    [Parameter(ParameterSetName = SummarySet, Mandatory = true)]
    public SwitchParameter Summary { get; set; }

    private protected override string ActivityName => "LakeCircle plan";

    /// <summary>Collects the buckets given, by parameter or from the pipeline.</summary>
    protected override void ProcessRecord() => _buckets.AddRange(Bucket ?? []);

    /// <summary>Plans and writes the plan.</summary>
    protected override void EndProcessing()
    {
        var selection = IsBound(nameof(Bucket)) || MyInvocation.ExpectingInput ? _buckets : null;
        var parameters = EndpointParameters(WorkAction.DryRun) with
        {
            Buckets = selection,
            Params = Params,
            Concurrency = IsBound(nameof(Concurrency)) ? Concurrency : null,
        };
        var settings = Open(parameters, selection?.Distinct(StringComparer.Ordinal).Count());
        var buckets = settings.ActionParameters.Buckets;
        PlanOutcome outcome;
        try
        {
            outcome = Run(token => Client.PlanAsync(buckets, token));
        }
        catch (Exception e) when (Running.ErrorRecords.IsExpected(e))
        {
            WriteError(Running.ErrorRecords.FromException(e, Endpoint));
            return;
        }

        if (!ReportPlanProblems(outcome))
        {
            return;
        }

        if (Summary)
        {
            WriteObject(outcome.Plan!.Summary);
        }
        else
        {
            foreach (var bucket in outcome.Plan!.Buckets)
            {
                WriteObject(new PlanBucket(bucket));
            }
        }

        ReportUnreadBuckets(outcome.Plan);
    }
}

using LakeCircle.Core.Planning;
using LakeCircle.Core.Sync;

namespace LakeCircle.Cli.Targets;

/// <summary>What one target of a targets run came to: its plan or run, or why it could not run.</summary>
internal sealed record TargetResult
{
    public required Target Target { get; init; }

    /// <summary>The plan (dryrun), or <see langword="null"/>.</summary>
    public PlanOutcome? Plan { get; init; }

    /// <summary>The run (sync), or <see langword="null"/>.</summary>
    public RunOutcome? Run { get; init; }

    /// <summary>Why the target did not run or stopped outside what its outcome tells (credentials, configuration, an endpoint failure), or <see langword="null"/>.</summary>
    public string? Failure { get; init; }

    /// <summary>The target's exit code by the rules of one account's run.</summary>
    public required int ExitCode { get; init; }

    /// <summary>How long the target took.</summary>
    public TimeSpan Elapsed { get; init; }

    /// <summary>Whether the target's run went through (no failure, a plan or run that succeeded).</summary>
    public bool Succeeded => Failure is null && ExitCode != ExitCodes.Error;

    /// <summary>Buckets with changes pending (dryrun) or planned (sync).</summary>
    public int Changes => (Plan?.Plan ?? Run?.Plan)?.Summary.BucketsChanged ?? 0;

    /// <summary>The status word of the report: <c>failed</c>, <c>changes</c>, <c>in-sync</c>, <c>applied</c>.</summary>
    public string Status =>
        !Succeeded ? "failed"
        : Run is not null ? (Run.Summary.Applied + Run.Summary.AppliedNotVisible > 0 ? "applied" : "in-sync")
        : Changes > 0 ? "changes" : "in-sync";
}

namespace LakeCircle.Cli.Commands;

/// <summary>
/// The groups of flags a command adds to the flags every <see cref="RunOptions"/> has (those that find the endpoint and
/// the account, and the log flags). Each command names its own groups, so that it shows and accepts only its own flags.
/// </summary>
[Flags]
internal enum RunOptionGroups
{
    /// <summary>Only the endpoint, account and log flags.</summary>
    None = 0,

    /// <summary><c>-o</c>, <c>--output</c>.</summary>
    Output = 1 << 0,

    /// <summary><c>--bucket</c>, repeatable: only these buckets.</summary>
    Buckets = 1 << 1,

    /// <summary><c>--bucket</c> exactly once: the bucket the command works on.</summary>
    OneBucket = 1 << 2,

    /// <summary><c>--params</c>, <c>--concurrency</c>, <c>--regions</c>: what a whole run reads.</summary>
    RunScope = 1 << 3,

    /// <summary><c>--write-concurrency</c>, <c>--max-changes</c>, <c>--max-deletions</c>, <c>--max-destructive</c>, <c>--allow-destructive</c>: how a sync writes, and its limits.</summary>
    WriteLimits = 1 << 4,

    /// <summary><c>--wait</c>, <c>--wait-timeout</c>: reading each write back.</summary>
    Wait = 1 << 5,

    /// <summary><c>--force-unlock</c>: removing a held lock before taking it.</summary>
    ForceUnlock = 1 << 6,

    /// <summary><c>--detailed-exitcode</c>: exit code 2 when changes are pending.</summary>
    DetailedExitCode = 1 << 7,

    /// <summary><c>--out FILE</c>: dryrun saves the plan.</summary>
    SavePlan = 1 << 8,

    /// <summary><c>--plan FILE</c>: sync applies a saved plan.</summary>
    ApplyPlan = 1 << 9,

    /// <summary><c>--auto-approve</c>: no question on a terminal before writing.</summary>
    Confirm = 1 << 10,

    /// <summary><c>--show-unmanaged</c>: the text plan lists every bucket without definition instead of counting them.</summary>
    ShowUnmanaged = 1 << 11,

    /// <summary>Every group (for documentation checks).</summary>
    /// <summary><c>--targets FILE</c>, <c>--target NAME</c>, <c>--parallel N</c>: every target of a targets file (dryrun, sync).</summary>
    Targets = 1 << 12,

    All = Output | Buckets | OneBucket | RunScope | WriteLimits | Wait | ForceUnlock | DetailedExitCode | SavePlan | ApplyPlan | Confirm | ShowUnmanaged | Targets,
}

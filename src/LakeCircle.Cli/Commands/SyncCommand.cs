using System.CommandLine;
using LakeCircle.Cli.Configuration;
using LakeCircle.Cli.Running;

namespace LakeCircle.Cli.Commands;

/// <summary><c>lakecircle sync</c>: applies the definitions, one PUT (or DELETE) per bucket whose rules differ.</summary>
internal sealed class SyncCommand(CliContext context) : ICliCommand
{
    /// <summary>The flags of sync besides the endpoint, account and log flags.</summary>
    public const RunOptionGroups Groups = RunOptionGroups.Output | RunOptionGroups.Buckets | RunOptionGroups.RunScope
        | RunOptionGroups.WriteLimits | RunOptionGroups.Wait | RunOptionGroups.ForceUnlock | RunOptionGroups.ApplyPlan | RunOptionGroups.Confirm
        | RunOptionGroups.ShowUnmanaged | RunOptionGroups.Targets;

    public IReadOnlyList<string> Examples { get; } =
    [
        "lakecircle sync --endpoint s3://acme-config/lakecircle/ --account 123456789012 --region eu-west-1",
        "lakecircle sync --endpoint s3://acme-config/lakecircle/ --account 123456789012 --region eu-west-1 --plan plan.json --max-changes 1 --wait",
    ];

    public Command Create()
    {
        var command = new Command(
            "sync",
            "Apply the definitions: compute the plan, then write each changed bucket's whole lifecycle configuration "
            + "(one PUT, or one DELETE when no rule is left). Buckets without a definition are never touched; "
            + "defined buckets missing from the account are reported, not created. "
            + "With --plan, apply exactly a plan saved by 'dryrun --out' (definitions not read; a bucket changed since is refused). "
            + "On a terminal, shows the plan and asks before writing unless --auto-approve. "
            + "Exit code 0 when every write went through, 1 on any error or when the answer is not yes.");
        LifecycleCommand.Configure(command, context, Groups, WorkAction.Sync, "lakecircle sync");
        return command;
    }
}

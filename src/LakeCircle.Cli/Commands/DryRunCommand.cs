using System.CommandLine;
using LakeCircle.Cli.Configuration;
using LakeCircle.Cli.Running;

namespace LakeCircle.Cli.Commands;

/// <summary><c>lakecircle dryrun</c> (alias <c>plan</c>): shows what <c>sync</c> would change, writing nothing.</summary>
internal sealed class DryRunCommand(CliContext context) : ICliCommand
{
    /// <summary>The flags of dryrun besides the endpoint, account and log flags: none that only steer writes.</summary>
    public const RunOptionGroups Groups = RunOptionGroups.Output | RunOptionGroups.Buckets | RunOptionGroups.RunScope | RunOptionGroups.DetailedExitCode
        | RunOptionGroups.SavePlan | RunOptionGroups.ShowUnmanaged | RunOptionGroups.Targets;

    public IReadOnlyList<string> Examples { get; } =
    [
        "lakecircle dryrun --endpoint s3://acme-config/lakecircle/ --account 123456789012 --region eu-west-1 --out plan.json",
        "lakecircle dryrun --endpoint ./endpoint --snapshot account.json --detailed-exitcode -o json",
    ];

    public Command Create()
    {
        var command = new Command(
            "dryrun",
            "Show the plan without changing anything: per bucket, the rules sync would add, remove or change. "
            + "With --out, also save it for 'sync --plan'. "
            + "Exit code 0 (1 on error); with --detailed-exitcode, 2 when changes are pending.");
        command.Aliases.Add("plan");
        LifecycleCommand.Configure(command, context, Groups, WorkAction.DryRun, "lakecircle dryrun");
        return command;
    }
}

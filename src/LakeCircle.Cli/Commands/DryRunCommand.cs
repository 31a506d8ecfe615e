using System.CommandLine;
using LakeCircle.Cli.Configuration;
using LakeCircle.Cli.Running;

namespace LakeCircle.Cli.Commands;

/// <summary><c>lakecircle dryrun</c> (alias <c>plan</c>): shows what <c>sync</c> would change, writing nothing.</summary>
internal sealed class DryRunCommand(CliContext context) : ICliCommand
{
    public Command Create()
    {
        var options = new RunOptions();
        var command = new Command(
            "dryrun",
            "Show the plan without changing anything: per bucket, the rules sync would add, remove or change. "
            + "Exit code 0 (1 on error); with --detailed-exitcode, 2 when changes are pending.");
        command.Aliases.Add("plan");
        options.AddTo(command);
        command.SetAction((parseResult, cancellationToken) => LifecycleRun.RunAsync(
            context,
            RunArguments.From(parseResult, options, WorkAction.DryRun),
            "lakecircle dryrun",
            parseResult.InvocationConfiguration.Output,
            parseResult.InvocationConfiguration.Error,
            cancellationToken));
        return command;
    }
}

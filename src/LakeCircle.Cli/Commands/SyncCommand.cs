using System.CommandLine;
using LakeCircle.Cli.Configuration;
using LakeCircle.Cli.Running;

namespace LakeCircle.Cli.Commands;

/// <summary><c>lakecircle sync</c>: applies the definitions, one PUT (or DELETE) per bucket whose rules differ.</summary>
internal sealed class SyncCommand(CliContext context) : ICliCommand
{
    public Command Create()
    {
        var options = new RunOptions();
        var command = new Command(
            "sync",
            "Apply the definitions: compute the plan, then write each changed bucket's whole lifecycle configuration "
            + "(one PUT, or one DELETE when no rule is left). Buckets without a definition are never touched; "
            + "defined buckets missing from the account are reported, not created. "
            + "Exit code 0 when every write went through, 1 on any error.");
        options.AddTo(command);
        command.SetAction((parseResult, cancellationToken) => LifecycleRun.RunAsync(
            context,
            RunArguments.From(parseResult, options, WorkAction.Sync),
            "lakecircle sync",
            parseResult.InvocationConfiguration.Output,
            parseResult.InvocationConfiguration.Error,
            cancellationToken));
        return command;
    }
}

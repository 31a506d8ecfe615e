using System.CommandLine;
using LakeCircle.Cli.Configuration;
using LakeCircle.Cli.Running;

namespace LakeCircle.Cli.Commands;

/// <summary>The wiring shared by <c>sync</c>, <c>dryrun</c> and the root command: their flags, and a lifecycle run as their action.</summary>
internal static class LifecycleCommand
{
    /// <summary>Adds the flags of <paramref name="groups"/> to <paramref name="command"/> and runs <paramref name="action"/> with them.</summary>
    /// <param name="command">The command.</param>
    /// <param name="context">The process context.</param>
    /// <param name="groups">The command's flag groups.</param>
    /// <param name="action">The action forced by the command, or <see langword="null"/> to follow <c>LCC_ACTIONS</c>.</param>
    /// <param name="commandName">How messages name the command.</param>
    /// <param name="hidden">Whether the flags stay out of the command's help.</param>
    public static void Configure(Command command, CliContext context, RunOptionGroups groups, WorkAction? action, string commandName, bool hidden = false)
    {
        var options = new RunOptions(groups);
        options.AddTo(command, hidden);
        command.SetAction((parseResult, cancellationToken) =>
        {
            var arguments = RunArguments.From(parseResult, options, action);
            var (output, error) = (parseResult.InvocationConfiguration.Output, parseResult.InvocationConfiguration.Error);
            return arguments.TargetsFile is not null
                ? Targets.TargetsRun.RunAsync(context, arguments, commandName, output, error, cancellationToken)
                : LifecycleRun.RunAsync(context, arguments, commandName, output, error, cancellationToken);
        });
    }
}

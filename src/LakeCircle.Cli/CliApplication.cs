using System.CommandLine;
using LakeCircle.Cli.Commands;

namespace LakeCircle.Cli;

/// <summary>Builds the <c>lakecircle</c> root command and runs it. To add a command, add its class to <see cref="Commands"/>.</summary>
internal static class CliApplication
{
    private static IReadOnlyList<ICliCommand> Commands { get; } =
    [
        new ValidateCommand(),
    ];

    public static RootCommand CreateRootCommand()
    {
        var root = new RootCommand("lakecircle keeps the lifecycle rules of S3 buckets exactly as declared in version-controlled TOML definitions.");
        foreach (var command in Commands)
        {
            root.Subcommands.Add(command.Create());
        }

        return root;
    }

    /// <summary>Parses and runs a command line.</summary>
    /// <param name="args">The arguments.</param>
    /// <param name="output">Where results go (standard output by default).</param>
    /// <param name="error">Where errors go (standard error by default).</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>The exit code; see <see cref="ExitCodes"/>.</returns>
    public static async Task<int> RunAsync(string[] args, TextWriter? output = null, TextWriter? error = null, CancellationToken cancellationToken = default)
    {
        var configuration = new InvocationConfiguration { Output = output ?? Console.Out, Error = error ?? Console.Error };
        var parseResult = CreateRootCommand().Parse(args);
        if (parseResult.Errors.Count > 0)
        {
            foreach (var parseError in parseResult.Errors)
            {
                await configuration.Error.WriteLineAsync(parseError.Message).ConfigureAwait(false);
            }

            await configuration.Error.WriteLineAsync("Run 'lakecircle --help' for usage.").ConfigureAwait(false);
            return ExitCodes.UsageError;
        }

        return await parseResult.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
    }
}

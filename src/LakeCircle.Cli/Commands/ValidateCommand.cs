using System.CommandLine;
using LakeCircle.Cli.Output;
using LakeCircle.Core;

namespace LakeCircle.Cli.Commands;

/// <summary><c>lakecircle validate [PATH...]</c>: checks definition files without touching S3.</summary>
internal sealed class ValidateCommand : ICliCommand
{
    public IReadOnlyList<string> Examples { get; } =
    [
        "lakecircle validate endpoint/definition",
        "lakecircle validate acme-logs.toml acme-backups.toml -o json",
    ];

    public Command Create()
    {
        var paths = new Argument<string[]>("PATH")
        {
            Description = "Definition files or folders (searched recursively for *.toml). Default: the current folder.",
            Arity = ArgumentArity.ZeroOrMore,
            DefaultValueFactory = _ => ["."],
        };
        var output = CommonOptions.Output();
        var command = new Command("validate", "Check definition files: TOML syntax, keys, types and the rules S3 enforces. Exit code 0 when all are valid, 1 otherwise.")
        {
            paths,
            output,
        };
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            parseResult.GetValue(paths) ?? ["."],
            parseResult.GetValue(output) ?? CommonOptions.Text,
            parseResult.InvocationConfiguration.Output,
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string[] paths, string format, TextWriter output, CancellationToken cancellationToken)
    {
        var outcome = await LakeCircleClient.ValidateAsync(paths.Length == 0 ? ["."] : paths, cancellationToken).ConfigureAwait(false);
        if (format == CommonOptions.Json)
        {
            await ValidationJson.WriteAsync(output, outcome, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await ValidationText.WriteAsync(output, outcome).ConfigureAwait(false);
        }

        return outcome.IsValid ? ExitCodes.Ok : ExitCodes.Error;
    }
}

using System.CommandLine;
using LakeCircle.Cli.Output;
using LakeCircle.Core;

namespace LakeCircle.Cli.Commands;

/// <summary><c>lakecircle validate [PATH...]</c>: checks definition files without touching S3.</summary>
internal sealed class ValidateCommand(CliContext context) : ICliCommand
{
    public IReadOnlyList<string> Examples { get; } =
    [
        "lakecircle validate endpoint/definition",
        "lakecircle validate --strict acme-logs.toml acme-backups.toml -o json",
    ];

    public Command Create()
    {
        var paths = new Argument<string[]>("PATH")
        {
            Description = "Definition files or folders (searched recursively for *.toml and *.json). Default: the current folder.",
            Arity = ArgumentArity.ZeroOrMore,
            DefaultValueFactory = _ => ["."],
        };
        var output = CommonOptions.Output();
        var strict = new Option<bool>("--strict")
        {
            Description = "Treat warnings (rules S3 is not known to enforce) as errors: exit code 1 when there is any.",
        };
        var command = new Command("validate", "Check definition files: TOML syntax, keys, types and the rules S3 enforces. "
            + "Exit code 0 when all are valid (warnings allowed unless --strict), 1 otherwise.")
        {
            paths,
            output,
            strict,
            // validate writes its report on standard output and nothing on standard error; --quiet is taken for scripts that pass it to every command.
            CommonOptions.Quiet(),
        };
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            parseResult.GetValue(paths) ?? ["."],
            parseResult.GetValue(output) ?? CommonOptions.Text,
            parseResult.GetValue(strict),
            parseResult.InvocationConfiguration.Output,
            cancellationToken));
        return command;
    }

    private async Task<int> RunAsync(string[] paths, string format, bool strict, TextWriter output, CancellationToken cancellationToken)
    {
        var outcome = await LakeCircleClient.ValidateAsync(paths.Length == 0 ? ["."] : paths, cancellationToken).ConfigureAwait(false);
        if (format == CommonOptions.Json)
        {
            await ValidationJson.WriteAsync(output, context, outcome, strict, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await ValidationText.WriteAsync(output, outcome, strict).ConfigureAwait(false);
        }

        var passes = outcome.IsValid && (!strict || outcome.Diagnostics.Count == 0);
        return passes ? ExitCodes.Ok : ExitCodes.Error;
    }
}

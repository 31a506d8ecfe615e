using System.CommandLine;
using System.CommandLine.Invocation;

namespace LakeCircle.Cli.Commands;

/// <summary>
/// <c>--help</c>: the default help of System.CommandLine, then an <c>Examples:</c> section with the command lines given
/// for the command whose help is shown (nothing more when it has none).
/// </summary>
internal sealed class ExamplesHelpAction(SynchronousCommandLineAction help, IReadOnlyDictionary<Command, IReadOnlyList<string>> examples)
    : SynchronousCommandLineAction
{
    /// <summary>Help is shown even when the rest of the command line has errors, as the default help does.</summary>
    public override bool ClearsParseErrors => help.ClearsParseErrors;

    public override int Invoke(ParseResult parseResult)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        var exitCode = help.Invoke(parseResult);
        if (examples.TryGetValue(parseResult.CommandResult.Command, out var lines) && lines.Count > 0)
        {
            var output = parseResult.InvocationConfiguration.Output;
            output.WriteLine("Examples:");
            foreach (var line in lines)
            {
                output.WriteLine("  " + line);
            }
        }

        return exitCode;
    }
}

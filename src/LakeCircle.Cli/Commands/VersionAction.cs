using System.CommandLine;
using System.CommandLine.Invocation;

namespace LakeCircle.Cli.Commands;

/// <summary>
/// <c>--version</c>: prints the informational version of the <c>lakecircle</c> assembly (the default action prints the
/// entry assembly's, which is not ours when the CLI is hosted, as in tests).
/// </summary>
internal sealed class VersionAction : SynchronousCommandLineAction
{
    public override int Invoke(ParseResult parseResult)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        parseResult.InvocationConfiguration.Output.WriteLine(CliVersion.Informational);
        return ExitCodes.Ok;
    }
}

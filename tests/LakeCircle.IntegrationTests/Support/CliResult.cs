namespace LakeCircle.IntegrationTests.Support;

/// <summary>What one <c>lakecircle</c> command line gave: its exit code, standard output and standard error.</summary>
internal sealed record CliResult(string CommandLine, int ExitCode, string Output, string Error)
{
    public override string ToString() => $"lakecircle {CommandLine}: exit {ExitCode}\n--- stdout\n{Output}\n--- stderr\n{Error}";
}

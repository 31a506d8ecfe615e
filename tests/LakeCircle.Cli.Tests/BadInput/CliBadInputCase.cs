namespace LakeCircle.Cli.Tests.BadInput;

/// <summary>
/// One malformed input given to <c>lakecircle</c>: the arguments (after the example's own flags), variables to set,
/// files to overwrite in the example copy (relative to its root), the expected exit code and the text that names the
/// input's source (variable, flag, file or bucket).
/// </summary>
public sealed record CliBadInputCase(string Name, string[] Args, int ExitCode, string Names)
{
    public Dictionary<string, string> Variables { get; init; } = [];

    public Dictionary<string, byte[]> Files { get; init; } = [];

    /// <summary>Whether the example's flags (--endpoint, --snapshot) are passed; off to test the variables alone.</summary>
    public bool WithExampleFlags { get; init; } = true;

    public override string ToString() => Name;
}

namespace LakeCircle.InstalledTests;

/// <summary>What a finished program printed and returned.</summary>
internal sealed record ProcessResult(string Command, int ExitCode, string Output, string Error)
{
    /// <summary>The whole result, for a failure message.</summary>
    public string Describe() => $"{Command}\nexit code {ExitCode}\n--- stdout ---\n{Output}\n--- stderr ---\n{Error}";
}

namespace LakeCircle.Cli;

/// <summary>The process exit codes of <c>lakecircle</c>.</summary>
internal static class ExitCodes
{
    /// <summary>Success: definitions valid, run completed.</summary>
    public const int Ok = 0;

    /// <summary>Invalid definitions or a failed run.</summary>
    public const int Error = 1;

    /// <summary>Changes are pending (reserved for plan-showing commands).</summary>
    public const int ChangesPending = 2;

    /// <summary>The command line could not be parsed.</summary>
    public const int UsageError = 3;
}

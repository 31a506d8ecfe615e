namespace LakeCircle.PowerShell.Running;

/// <summary>The PowerShell stream a queued message goes to.</summary>
internal enum PumpStream
{
    /// <summary><c>WriteDebug</c>.</summary>
    Debug,

    /// <summary><c>WriteVerbose</c>.</summary>
    Verbose,

    /// <summary><c>WriteWarning</c>.</summary>
    Warning,

    /// <summary><c>WriteProgress</c>.</summary>
    Progress,
}

/// <summary>A message queued by a worker thread for the pipeline thread.</summary>
/// <param name="Stream">Where it goes.</param>
/// <param name="Text">The line, for the debug, verbose and warning streams.</param>
/// <param name="Progress">The progress, for <see cref="PumpStream.Progress"/>.</param>
internal sealed record PumpMessage(PumpStream Stream, string Text, ProgressUpdate? Progress = null);

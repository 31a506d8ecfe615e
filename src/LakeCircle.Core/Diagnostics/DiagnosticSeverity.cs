namespace LakeCircle.Core.Diagnostics;

/// <summary>How much a <see cref="Diagnostic"/> weighs.</summary>
public enum DiagnosticSeverity
{
    /// <summary>S3 refuses it, or the input cannot be read: the definitions are invalid and a run stops.</summary>
    Error,

    /// <summary>
    /// A rule S3 is not known to enforce (no AWS evidence) that the input breaks: reported, but the definitions stay
    /// valid and a run goes on.
    /// </summary>
    Warning,
}

using LakeCircle.Core.Diagnostics;

namespace LakeCircle.Cli.Output;

/// <summary>A diagnostic in the CLI's JSON documents (validate, export): where, what, and how severe.</summary>
internal sealed record DiagnosticJson(string? File, int? Line, int? Column, string? Bucket, string? Rule, string? Field, string Message, string Severity)
{
    /// <summary>The JSON form of <paramref name="diagnostic"/>; line and column only when the place has one.</summary>
    public static DiagnosticJson From(Diagnostic diagnostic) => new(
        diagnostic.Location?.File,
        diagnostic.Location is { Line: > 0 } ? diagnostic.Location.Line : null,
        diagnostic.Location is { Line: > 0 } ? diagnostic.Location.Column : null,
        diagnostic.Bucket,
        diagnostic.RuleId,
        diagnostic.Field,
        diagnostic.Message,
        diagnostic.Severity == DiagnosticSeverity.Warning ? "warning" : "error");
}

using LakeCircle.Core.Diagnostics;

namespace LakeCircle.Core.Definitions;

/// <summary>
/// A definition location that holds no definition at all (no <c>*.toml</c> or <c>*.json</c> file) is most likely not
/// the one meant — a mistyped <c>s3://</c> prefix or folder: a sync refuses it before anything (lock, run record) is
/// written there, a plan warns and goes on (it manages no bucket, so it changes nothing).
/// </summary>
internal static class EmptyDefinitions
{
    /// <summary>Why a sync (or the apply of a plan made from no definition) refuses to run.</summary>
    public static string SyncError(string location) =>
        $"No definition found under {location}: nothing to sync; check the endpoint (definitions are *.toml or *.json files).";

    /// <summary>The warning of a plan made from no definition.</summary>
    public static Diagnostic PlanWarning(string location) => new()
    {
        Severity = DiagnosticSeverity.Warning,
        Message = $"No definition found under {location}: no bucket is managed, so nothing would change and sync refuses to run; check the endpoint.",
    };
}

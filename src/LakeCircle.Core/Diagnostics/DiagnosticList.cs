namespace LakeCircle.Core.Diagnostics;

/// <summary>Splits diagnostics by severity.</summary>
internal static class DiagnosticList
{
    /// <summary>Whether any of <paramref name="diagnostics"/> is an error.</summary>
    /// <param name="diagnostics">The diagnostics.</param>
    /// <returns><see langword="true"/> when at least one has <see cref="DiagnosticSeverity.Error"/>.</returns>
    public static bool HasErrors(this IEnumerable<Diagnostic> diagnostics) => diagnostics.Any(d => d.IsError);

    /// <summary>The number of errors among <paramref name="diagnostics"/>.</summary>
    /// <param name="diagnostics">The diagnostics.</param>
    /// <returns>The count of <see cref="DiagnosticSeverity.Error"/> diagnostics.</returns>
    public static int ErrorCount(this IEnumerable<Diagnostic> diagnostics) => diagnostics.Count(d => d.IsError);
}

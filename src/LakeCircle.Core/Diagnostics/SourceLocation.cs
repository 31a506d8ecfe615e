namespace LakeCircle.Core.Diagnostics;

/// <summary>A place in a definition file: its path and a 1-based line and column (0 when unknown).</summary>
/// <param name="File">The file path or URI, as given to the loader.</param>
/// <param name="Line">The 1-based line, or 0 when unknown.</param>
/// <param name="Column">The 1-based column, or 0 when unknown.</param>
public sealed record SourceLocation(string File, int Line = 0, int Column = 0)
{
    /// <inheritdoc />
    public override string ToString() => Line > 0 ? $"{File}:{Line}:{Column}" : File;
}

namespace LakeCircle.Core.Definitions;

/// <summary>One definition file as read from its source: its path and raw bytes (so that invalid UTF-8 can be reported).</summary>
/// <param name="Path">The path as reported in diagnostics: a path as given or relative to it, or <c>s3://bucket/key</c>.</param>
/// <param name="Content">The file's bytes.</param>
internal sealed record DefinitionDocument(string Path, ReadOnlyMemory<byte> Content)
{
    /// <summary>Why the file was not read (such as not being a regular file), reported as its only problem; <see langword="null"/> when read.</summary>
    public string? Problem { get; init; }
}

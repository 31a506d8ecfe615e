using LakeCircle.Core.Definitions.Reading;

namespace LakeCircle.Core.Definitions;

/// <summary>One definition file as read from its source: its path and raw bytes (so that invalid UTF-8 can be reported).</summary>
/// <param name="Path">The path as reported in diagnostics: a path as given or relative to it, or <c>s3://bucket/key</c>.</param>
/// <param name="Content">The file's bytes.</param>
internal sealed record DefinitionDocument(string Path, ReadOnlyMemory<byte> Content)
{
    /// <summary>Why the file was not read (such as not being a regular file), reported as its only problem; <see langword="null"/> when read.</summary>
    public string? Problem { get; init; }

    /// <summary>The file's syntax: JSON for <c>*.json</c>, TOML otherwise.</summary>
    public DefinitionFormat Format { get; init; } = FormatWords.Of(Path);

    /// <summary>
    /// Whether this is a file of a definition folder that is not a definition (neither <c>*.toml</c> nor
    /// <c>*.json</c>): never read, only named in a warning.
    /// </summary>
    public bool IsOtherFile { get; init; }

    /// <summary>The message of the warning that names a file of a definition folder that is not a definition.</summary>
    public const string OtherFileMessage = "Not a definition file (a definition's name ends in .toml or .json): it is not read.";

    /// <summary>A file of a definition folder that is not a definition, at <paramref name="path"/>.</summary>
    public static DefinitionDocument OtherFile(string path) => new(path, ReadOnlyMemory<byte>.Empty) { IsOtherFile = true };
}

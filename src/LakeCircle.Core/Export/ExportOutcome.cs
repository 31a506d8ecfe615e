using LakeCircle.Core.Diagnostics;
using LakeCircle.Core.Model;

namespace LakeCircle.Core.Export;

/// <summary>
/// What <see cref="LakeCircleClient.ExportAsync"/> did. Either every file was written (<see cref="Files"/>), or, when
/// <see cref="Errors"/> is not empty, none was: every bucket is read and every target checked before the first write.
/// </summary>
public sealed record ExportOutcome
{
    /// <summary>The account exported, when known.</summary>
    public string? Account { get; init; }

    /// <summary>The region exported, when known.</summary>
    public string? Region { get; init; }

    /// <summary>The folder the files are written to (full path).</summary>
    public required string Folder { get; init; }

    /// <summary>The files written, in bucket name order (ordinal).</summary>
    public ValueList<ExportedFile> Files { get; init; } = ValueList<ExportedFile>.Empty;

    /// <summary>The buckets without lifecycle configuration that were not written (without <see cref="ExportOptions.IncludeEmpty"/>), in name order.</summary>
    public ValueList<string> WithoutLifecycle { get; init; } = ValueList<string>.Empty;

    /// <summary>
    /// The buckets of the account left out because their name is not an S3 bucket name (an S3-compatible server may
    /// allow such names; a definition cannot name them), in name order.
    /// </summary>
    public ValueList<string> Skipped { get; init; } = ValueList<string>.Empty;

    /// <summary>The target files that already existed and stopped the export (without <see cref="ExportOptions.Overwrite"/>).</summary>
    public ValueList<string> Existing { get; init; } = ValueList<string>.Empty;

    /// <summary>Why nothing was written (an existing file, a bucket that could not be read, a named bucket not in the account…); empty when the files were written.</summary>
    public ValueList<string> Errors { get; init; } = ValueList<string>.Empty;

    /// <summary>
    /// What validation says about the written definitions, placed at the file, line and field (TOML) or at the field
    /// (JSON): a configuration S3 (or an S3-compatible server) kept that validation rejects. An error there makes a
    /// plan over the folder stop until the file is fixed.
    /// </summary>
    public ValueList<Diagnostic> Diagnostics { get; init; } = ValueList<Diagnostic>.Empty;

    /// <summary>Whether the files were written and every one of them is a valid definition (warnings allowed).</summary>
    public bool Succeeded => Errors.Count == 0 && !Diagnostics.Any(d => d.IsError);
}

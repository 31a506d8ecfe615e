using LakeCircle.Core.Model;

namespace LakeCircle.Core.Export;

/// <summary>What <see cref="LakeCircleClient.SnapshotAsync"/> did: the file written, or why none was.</summary>
public sealed record SnapshotOutcome
{
    /// <summary>The account of the snapshot.</summary>
    public string? Account { get; init; }

    /// <summary>The region of the snapshot.</summary>
    public string? Region { get; init; }

    /// <summary>The snapshot file (full path).</summary>
    public required string Path { get; init; }

    /// <summary>The buckets in the snapshot, in name order (ordinal); empty when nothing was written.</summary>
    public ValueList<string> Buckets { get; init; } = ValueList<string>.Empty;

    /// <summary>How many of them have a lifecycle configuration.</summary>
    public int WithLifecycle { get; init; }

    /// <summary>Whether the file replaced an existing one.</summary>
    public bool Replaced { get; init; }

    /// <summary>Why nothing was written (an existing file without overwrite, a bucket that could not be read…); empty when the file was written.</summary>
    public ValueList<string> Errors { get; init; } = ValueList<string>.Empty;

    /// <summary>Whether the file was written.</summary>
    public bool Succeeded => Errors.Count == 0;
}

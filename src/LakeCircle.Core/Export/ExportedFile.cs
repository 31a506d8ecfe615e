namespace LakeCircle.Core.Export;

/// <summary>One definition file an export wrote.</summary>
public sealed record ExportedFile
{
    /// <summary>The bucket the file defines.</summary>
    public required string Bucket { get; init; }

    /// <summary>The full path of the file.</summary>
    public required string Path { get; init; }

    /// <summary>How many rules it declares (0 for a bucket without lifecycle written with <see cref="ExportOptions.IncludeEmpty"/>).</summary>
    public int Rules { get; init; }

    /// <summary>The fingerprint of the configuration it declares (<see cref="Model.LifecycleConfiguration.Fingerprint"/>): the bucket's.</summary>
    public required string Fingerprint { get; init; }

    /// <summary>Whether the file replaced an existing one (<see cref="ExportOptions.Overwrite"/>).</summary>
    public bool Replaced { get; init; }
}

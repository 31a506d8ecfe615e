namespace LakeCircle.Core.Export;

/// <summary>What <see cref="LakeCircleClient.ExportAsync"/> writes, and where it may write.</summary>
public sealed record ExportOptions
{
    /// <summary>Only these buckets (each must exist in the account); <see langword="null"/> (the default) for every bucket of the account.</summary>
    public IReadOnlyList<string>? Buckets { get; init; }

    /// <summary>The file format (TOML by default).</summary>
    public ExportFormat Format { get; init; } = ExportFormat.Toml;

    /// <summary>
    /// Whether buckets without lifecycle configuration are written too, with no rules (<c>Rules = []</c>), so that
    /// they become managed: a configuration added to them later outside the definitions is then removed by a sync.
    /// Off by default: they are only listed (<see cref="ExportOutcome.WithoutLifecycle"/>).
    /// </summary>
    public bool IncludeEmpty { get; init; }

    /// <summary>Whether existing files may be replaced. Off by default: any existing target file stops the export before anything is written.</summary>
    public bool Overwrite { get; init; }

    /// <summary>Who is named in the header of TOML files (the CLI's name and version); the library's by default.</summary>
    internal string? Generator { get; init; }
}

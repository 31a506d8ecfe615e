using LakeCircle.Core.Model;

namespace LakeCircle.Core.Sync;

/// <summary>
/// One stored version of a bucket's lifecycle configuration in the endpoint's <c>history/</c>: when it was captured,
/// why, and what it was. Listed by <see cref="LakeCircleClient.GetHistoryAsync"/>; pass <see cref="CapturedAt"/> to
/// <see cref="LakeCircleClient.RollbackAsync"/> to put it back.
/// </summary>
public sealed record HistoryEntry
{
    /// <summary>The bucket.</summary>
    public required string Bucket { get; init; }

    /// <summary>When the version was captured (UTC, millisecond precision).</summary>
    public required DateTimeOffset CapturedAt { get; init; }

    /// <summary>
    /// Why it was stored: <c>before-sync</c> or <c>before-rollback</c> (the configuration a run replaced), or
    /// <c>?</c> when the file could not be read.
    /// </summary>
    public required string Reason { get; init; }

    /// <summary>The configuration, or <see langword="null"/> when the bucket had none then.</summary>
    public LifecycleConfiguration? Configuration { get; init; }

    /// <summary>
    /// Whether the write that followed the capture replaced this configuration: <see langword="true"/> when it was
    /// applied, <see langword="false"/> when it was refused or failed (or was undone because the server kept something
    /// else) — the configuration then stayed in place — and <see langword="null"/> when the run that saved it stopped
    /// before it knew. A rollback never puts back a version that was not replaced.
    /// </summary>
    public bool? Replaced { get; init; }

    /// <summary>Where the version is stored (<c>s3://…/history/…</c> or a path), for people.</summary>
    public required string Location { get; init; }

    /// <summary>The first 12 digits of the configuration's fingerprint, or <c>none</c> when it had no rules.</summary>
    public string ShortFingerprint => Planning.ConfigurationComparison.ShortFingerprint(Configuration);
}

using LakeCircle.Core.Archive;
using LakeCircle.Core.Model;
using LakeCircle.Core.Sync;

namespace LakeCircle.PowerShell;

/// <summary>
/// One stored version of a bucket's lifecycle configuration, as <c>Get-LakeCircleHistory</c> writes it. Piped to
/// <c>Invoke-LakeCircleRollback</c>, its <see cref="Bucket"/> and <see cref="CapturedAt"/> say what to put back.
/// </summary>
public sealed class BucketHistoryEntry
{
    internal BucketHistoryEntry(HistoryEntry entry)
    {
        Bucket = entry.Bucket;
        CapturedAt = entry.CapturedAt;
        Time = ArchiveTime.ToText(entry.CapturedAt);
        Reason = entry.Reason;
        Replaced = entry.Replaced;
        Write = entry.Replaced switch { true => "applied", false => "refused", null => "unknown" };
        Configuration = entry.Configuration;
        RuleCount = entry.Configuration?.Rules.Count ?? 0;
        Fingerprint = entry.ShortFingerprint;
        Location = entry.Location;
    }

    /// <summary>The bucket.</summary>
    public string Bucket { get; }

    /// <summary>When the version was captured (UTC).</summary>
    public DateTimeOffset CapturedAt { get; }

    /// <summary><see cref="CapturedAt"/> as the history stamps it, such as <c>20260314T091500.250Z</c> (what <c>lakecircle rollback --to</c> takes).</summary>
    public string Time { get; }

    /// <summary>Why it was stored: <c>before-sync</c>, <c>before-rollback</c>, or <c>?</c> when the file could not be read.</summary>
    public string Reason { get; }

    /// <summary>Whether the write that followed replaced this configuration (<see langword="null"/>: never known).</summary>
    public bool? Replaced { get; }

    /// <summary><see cref="Replaced"/> as the command line shows it: <c>applied</c>, <c>refused</c> or <c>unknown</c>.</summary>
    public string Write { get; }

    /// <summary>The configuration, or <see langword="null"/> when the bucket had none.</summary>
    public LifecycleConfiguration? Configuration { get; }

    /// <summary>How many rules the configuration has.</summary>
    public int RuleCount { get; }

    /// <summary>The first 12 digits of the configuration's fingerprint, or <c>none</c>.</summary>
    public string Fingerprint { get; }

    /// <summary>Where the version is stored.</summary>
    public string Location { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Bucket} {Time} {Reason}";
}

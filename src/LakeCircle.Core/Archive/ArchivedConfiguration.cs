using LakeCircle.Core.Gateways;
using LakeCircle.Core.Locking;
using LakeCircle.Core.Model;
using LakeCircle.Core.Sync;

namespace LakeCircle.Core.Archive;

/// <summary>
/// An archive file (<c>previous/</c>, <c>history/</c>, <c>current/</c>): a bucket's lifecycle configuration at a moment,
/// stored as <c>{"bucket","capturedAt","reason","configuration","write"}</c> with the configuration in the AWS API JSON
/// shape, or <c>null</c> when the bucket had no lifecycle configuration.
/// </summary>
internal sealed record ArchivedConfiguration
{
    /// <summary>The bucket name.</summary>
    public required string Bucket { get; init; }

    /// <summary>When the configuration was captured (UTC, millisecond precision).</summary>
    public required DateTimeOffset CapturedAt { get; init; }

    /// <summary>Why it was archived; see <see cref="ArchiveReasons"/>.</summary>
    public required string Reason { get; init; }

    /// <summary>The configuration, or <see langword="null"/> when the bucket had none.</summary>
    public LifecycleConfiguration? Configuration { get; init; }

    /// <summary>
    /// For a <c>history/</c> version: what became of the write that was to replace it, or <see langword="null"/> when the
    /// run that saved it never learned (or for files written before this was recorded).
    /// </summary>
    public WriteOutcome? Write { get; init; }

    /// <summary>Whether the configuration was replaced by its run's write (or may have been: unknown counts as replaced).</summary>
    public bool WasReplaced => Write is null or WriteOutcome.Applied;
}

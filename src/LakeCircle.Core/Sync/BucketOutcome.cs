using LakeCircle.Core.Planning;

namespace LakeCircle.Core.Sync;

/// <summary>The result of one bucket's write during a writing run.</summary>
public sealed record BucketOutcome
{
    /// <summary>The bucket.</summary>
    public required string Bucket { get; init; }

    /// <summary>The planned write: <see cref="BucketAction.Put"/> or <see cref="BucketAction.Delete"/>.</summary>
    public required BucketAction Action { get; init; }

    /// <summary>Whether the write was applied, failed or skipped.</summary>
    public required BucketResult Result { get; init; }

    /// <summary>Why the write failed or was skipped, or <see langword="null"/> when it was applied.</summary>
    public string? Error { get; init; }

    /// <summary>
    /// Something worth knowing about an otherwise successful write, such as a bucket re-planned because it changed
    /// between the plan and the write, or why it is <see cref="BucketResult.AppliedNotVisible"/>
    /// (<c>applied, not yet visible after 10 s (...)</c>); otherwise <see langword="null"/>.
    /// </summary>
    public string? Note { get; init; }

    /// <summary>How long the bucket's write took (zero when skipped).</summary>
    public TimeSpan Duration { get; init; }
}

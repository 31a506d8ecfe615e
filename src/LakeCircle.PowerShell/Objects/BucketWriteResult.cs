using LakeCircle.Core.Planning;
using LakeCircle.Core.Sync;

namespace LakeCircle.PowerShell;

/// <summary>
/// What a writing run (<c>Invoke-LakeCircleSync</c>, <c>Invoke-LakeCircleRollback</c>) did to one bucket it had to
/// change, with the run it belongs to.
/// </summary>
public sealed class BucketWriteResult
{
    internal BucketWriteResult(BucketOutcome outcome, RunOutcome run)
    {
        Bucket = outcome.Bucket;
        Action = outcome.Action;
        Result = outcome.Result;
        Error = outcome.Error;
        Note = outcome.Note;
        Duration = outcome.Duration;
        RunId = run.RunId;
        RecordLocation = run.RecordLocation;
    }

    /// <summary>The bucket.</summary>
    public string Bucket { get; }

    /// <summary>The write: <c>Put</c> or <c>Delete</c>.</summary>
    public BucketAction Action { get; }

    /// <summary><c>Applied</c>, <c>AppliedNotVisible</c> (applied, not yet read back), <c>Failed</c> or <c>Skipped</c>.</summary>
    public BucketResult Result { get; }

    /// <summary>Whether the write was made (<c>Applied</c> or <c>AppliedNotVisible</c>).</summary>
    public bool Succeeded => Result is BucketResult.Applied or BucketResult.AppliedNotVisible;

    /// <summary>Why the write failed or was skipped, or <see langword="null"/>.</summary>
    public string? Error { get; }

    /// <summary>Something worth knowing about a write that went through, or <see langword="null"/>.</summary>
    public string? Note { get; }

    /// <summary>How long the write took.</summary>
    public TimeSpan Duration { get; }

    /// <summary>The run's id (in the lock and the run record's name).</summary>
    public string RunId { get; }

    /// <summary>Where the run record was written, or <see langword="null"/>.</summary>
    public string? RecordLocation { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Bucket}: {Result}";
}

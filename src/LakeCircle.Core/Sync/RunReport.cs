namespace LakeCircle.Core.Sync;

/// <summary>
/// What the newest run record of an endpoint (<c>log/</c>) says, in numbers: which run, when, and how many of its
/// planned writes were applied, failed or are still pending. Read by <see cref="LakeCircleClient.GetLatestRunAsync"/>;
/// <c>lakecircle report</c> prints one line of it per target.
/// </summary>
public sealed record RunReport
{
    /// <summary>The run's id.</summary>
    public required string RunId { get; init; }

    /// <summary>The action: <c>SYNC</c> or <c>ROLLBACK</c>.</summary>
    public required string Action { get; init; }

    /// <summary>When the run started.</summary>
    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>When it finished, or <see langword="null"/> when its record was never completed (the run died, or still runs).</summary>
    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>Whether the run did all it set out to do.</summary>
    public bool Succeeded { get; init; }

    /// <summary>The account ID the run was for, when recorded.</summary>
    public string? Account { get; init; }

    /// <summary>The region the run was for, when recorded.</summary>
    public string? Region { get; init; }

    /// <summary>How many buckets the run planned to write.</summary>
    public int Planned { get; init; }

    /// <summary>How many of those writes went through (visible or not yet visible).</summary>
    public int Applied { get; init; }

    /// <summary>How many failed.</summary>
    public int Failed { get; init; }

    /// <summary>How many were planned but neither applied nor failed: skipped, or never reached (a run stopped by a guard, cancelled or dead).</summary>
    public int Pending { get; init; }

    /// <summary>The failures of the run as a whole (a lock refused, a guard), as recorded.</summary>
    public Model.ValueList<string> Errors { get; init; } = Model.ValueList<string>.Empty;

    /// <summary>Where the record is (<c>s3://…/log/….json</c> or a path).</summary>
    public required string Location { get; init; }
}

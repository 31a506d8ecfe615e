using LakeCircle.Core.Diagnostics;
using LakeCircle.Core.Model;
using LakeCircle.Core.Planning;

namespace LakeCircle.Core.Impact;

/// <summary>
/// What <see cref="LakeCircleClient.ExplainAsync"/> found: one object version's schedule under the bucket's lifecycle
/// configuration now and under the one a sync would leave, each step with the rule that decides it.
/// </summary>
public sealed record ObjectExplanation
{
    /// <summary>The bucket.</summary>
    public required string Bucket { get; init; }

    /// <summary>The object version explained.</summary>
    public required ObjectVersion Object { get; init; }

    /// <summary>The bucket's versioning state the schedules assume.</summary>
    public BucketVersioning Versioning { get; init; }

    /// <summary>
    /// The bucket's plan status: <see cref="BucketStatus.Change"/> or <see cref="BucketStatus.InSync"/> for a managed
    /// bucket, <see cref="BucketStatus.Unmanaged"/> for a bucket of the account without a definition (a sync leaves it
    /// alone: only <see cref="Current"/>), <see cref="BucketStatus.Missing"/> when the bucket is not in the account,
    /// <see cref="BucketStatus.OtherRegion"/> when it is in a region outside the run's regions (not read), and
    /// <see cref="BucketStatus.Error"/> when the explanation could not be made (<see cref="Error"/> says why).
    /// </summary>
    public required BucketStatus Status { get; init; }

    /// <summary>The schedule under the bucket's configuration now (none is <see cref="LifecycleConfiguration.Empty"/>), or <see langword="null"/> when the bucket could not be read.</summary>
    public ObjectSchedule? Current { get; init; }

    /// <summary>
    /// The schedule under the configuration a sync leaves (the one it puts, none when it deletes the lifecycle, the
    /// current one when in sync), or <see langword="null"/> for an unmanaged bucket or one that could not be read.
    /// </summary>
    public ObjectSchedule? Desired { get; init; }

    /// <summary>Why there is no explanation (a missing bucket, invalid definitions, an unreadable bucket), or <see langword="null"/>.</summary>
    public string? Error { get; init; }

    /// <summary>The definitions' problems and warnings, as a plan has them.</summary>
    public ValueList<Diagnostic> Diagnostics { get; init; } = ValueList<Diagnostic>.Empty;

    /// <summary>Whether the explanation is there: no <see cref="Error"/>.</summary>
    public bool Succeeded => Error is null;

    /// <summary>Whether a sync changes when or how the version is transitioned or deleted.</summary>
    public bool ScheduleChanges => Current is not null && Desired is not null && !Current.Actions.SequenceEqual(Desired.Actions);
}

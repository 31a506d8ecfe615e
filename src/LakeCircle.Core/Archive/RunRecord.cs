using LakeCircle.Core.Gateways;
using LakeCircle.Core.Locking;
using LakeCircle.Core.Model;
using LakeCircle.Core.Planning;
using LakeCircle.Core.Sync;

namespace LakeCircle.Core.Archive;

/// <summary>
/// What one run did, stored at <c>log/&lt;UTC start&gt;-&lt;run id&gt;.json</c>: which settings, which action, when,
/// the plan, and per bucket what was planned, applied or failed and why. Messages only, never credentials.
/// </summary>
internal sealed record RunRecord
{
    /// <summary>The run's id (see <see cref="Sync.RunId"/>).</summary>
    public required string RunId { get; init; }

    /// <summary>The action, such as <c>SYNC</c>, <c>DRYRUN</c> or <c>ROLLBACK</c>.</summary>
    public required string Action { get; init; }

    /// <summary>The settings fingerprint (<c>Payload.Fingerprint</c>), or <see langword="null"/>.</summary>
    public string? SettingsFingerprint { get; init; }

    /// <summary>The account ID, or <see langword="null"/>.</summary>
    public string? Account { get; init; }

    /// <summary>The region, or <see langword="null"/>.</summary>
    public string? Region { get; init; }

    /// <summary>Who ran it, as <c>user@host:pid</c>.</summary>
    public string? Owner { get; init; }

    /// <summary>When the run started.</summary>
    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>When the run finished, or <see langword="null"/> while it runs (or when it died).</summary>
    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>Whether the run did all it set out to do.</summary>
    public bool Succeeded { get; init; }

    /// <summary>The fingerprint of the definitions the plan was computed from, or <see langword="null"/> when none were read.</summary>
    public string? DefinitionsFingerprint { get; init; }

    /// <summary>For the apply of a saved plan (<c>sync --plan</c>): the SHA-256 of the plan file; otherwise <see langword="null"/>.</summary>
    public string? PlanSha256 { get; init; }

    /// <summary>The plan's numbers, or <see langword="null"/> when no plan was made.</summary>
    public PlanSummary? Plan { get; init; }

    /// <summary>Every managed bucket of the plan, in name order (buckets without definition are counted in <see cref="Plan"/> only).</summary>
    public ValueList<RunBucketRecord> Buckets { get; init; } = ValueList<RunBucketRecord>.Empty;

    /// <summary>Failures of the run as a whole (invalid definitions, lock refused, a guard), as messages.</summary>
    public ValueList<string> Errors { get; init; } = ValueList<string>.Empty;

    /// <summary>The record of a planned run, before any write.</summary>
    public static RunRecord Start(string runId, string action, DateTimeOffset startedAt, AccountPlan? plan = null) => new()
    {
        RunId = runId,
        Action = action,
        StartedAt = startedAt,
        Plan = plan?.Summary,
        Buckets = plan is null ? ValueList<RunBucketRecord>.Empty : plan.Buckets.Where(b => b.Status != BucketStatus.Unmanaged).Select(RunBucketRecord.FromPlan).ToValueList(),
    };
}

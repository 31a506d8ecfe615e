using System.Collections.Concurrent;
using LakeCircle.Core.Archive;
using LakeCircle.Core.Gateways;
using LakeCircle.Core.Locking;
using LakeCircle.Core.Planning;

namespace LakeCircle.Core.Sync;

/// <summary>
/// What a <see cref="WritingRun"/> learned while it ran, for its run record and outcome: written down by the run's
/// own steps as they happen, so the record can tell what happened even when the run is cancelled midway.
/// </summary>
internal sealed class RunJournal(string runId, DateTimeOffset startedAt)
{
    private readonly ConcurrentDictionary<string, (BucketPlan Plan, bool Written)> _writes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, HistoryVersion> _saved = new(StringComparer.Ordinal);

    public string RunId { get; } = runId;

    public DateTimeOffset StartedAt { get; } = startedAt;

    public List<string> Errors { get; } = [];

    public string? Refusal { get; set; }

    public RunLockHolder? TakenOverFrom { get; set; }

    /// <summary>The plan the run applies, once made.</summary>
    public PlanOutcome? Planned { get; set; }

    /// <summary>Why the run stopped before its first write (a guard), or <see langword="null"/>.</summary>
    public string? Stop { get; set; }

    /// <summary>The bucket results, once every write is done.</summary>
    public IReadOnlyList<BucketOutcome>? Results { get; set; }

    /// <summary>Per bucket that reached its write: the plan written (after any re-plan) and whether the write was made.</summary>
    public IReadOnlyDictionary<string, (BucketPlan Plan, bool Written)> Writes => _writes;

    /// <summary>The history version saved per bucket in this run.</summary>
    public IReadOnlyDictionary<string, HistoryVersion> Saved => _saved;

    public void Archived(string bucket, HistoryVersion version) => _saved[bucket] = version;

    public void Writing(BucketPlan plan) => _writes[plan.Bucket] = (plan, false);

    public void Written(BucketPlan plan) => _writes[plan.Bucket] = (plan, true);
}

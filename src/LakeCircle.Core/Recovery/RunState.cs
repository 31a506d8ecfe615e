using LakeCircle.Core.Workflows;

namespace LakeCircle.Core.Recovery;

/// <summary>What a <see cref="GuardedRun"/> learned while it ran, for its record and outcome.</summary>
internal sealed class RunState(string runId, DateTimeOffset startedAt, ArchivingWriteObserver archiving)
{
    public string RunId { get; } = runId;

    public DateTimeOffset StartedAt { get; } = startedAt;

    public ArchivingWriteObserver Archiving { get; } = archiving;

    public RunProgress Progress { get; } = new();

    public List<string> Errors { get; } = [];

    public string? Refusal { get; set; }

    public RunLockHolder? TakenOverFrom { get; set; }

    public LockRenewal? Renewal { get; set; }

    public SyncOutcome? Sync { get; set; }

    public bool LockLost => Renewal?.IsLost == true;
}

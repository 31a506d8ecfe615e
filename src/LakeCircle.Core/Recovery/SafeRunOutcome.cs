using LakeCircle.Core.Model;
using LakeCircle.Core.Workflows;

namespace LakeCircle.Core.Recovery;

/// <summary>What a writing run did: refused, or the sync's outcome, and where its run record is.</summary>
internal sealed record SafeRunOutcome
{
    /// <summary>The run's id (also in the lock and the run record's name).</summary>
    public required string RunId { get; init; }

    /// <summary>Why the run did not start (the account guard, the lock), or <see langword="null"/> when it ran.</summary>
    public string? Refusal { get; init; }

    /// <summary>The plan and per-bucket results, or <see langword="null"/> when refused.</summary>
    public SyncOutcome? Sync { get; init; }

    /// <summary>Failures of the run's own steps (lock lost, run record or lock release failed), as messages.</summary>
    public ValueList<string> Errors { get; init; } = ValueList<string>.Empty;

    /// <summary>The lapsed holding this run took the lock over from, or <see langword="null"/>.</summary>
    public RunLockHolder? TakenOverFrom { get; init; }

    /// <summary>The key of the run record (<c>log/…</c>), or <see langword="null"/> when it could not be written.</summary>
    public string? RecordKey { get; init; }

    /// <summary>Whether the run started, every planned write was applied, and its record was written.</summary>
    public bool Succeeded => Refusal is null && Errors.Count == 0 && Sync?.Succeeded == true;
}

using LakeCircle.Core.Archive;
using LakeCircle.Core.Gateways;
using LakeCircle.Core.Sync;

namespace LakeCircle.Core.Locking;

/// <summary>
/// The content of <c>lock.json</c>: who holds the endpoint's sync lock, for which run, since when and until when.
/// </summary>
internal sealed record RunLockHolder
{
    /// <summary>Who holds the lock, as <c>user@host:pid</c>.</summary>
    public required string Owner { get; init; }

    /// <summary>The run that holds the lock.</summary>
    public required string RunId { get; init; }

    /// <summary>When the lock was taken.</summary>
    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>When the lock lapses unless renewed; after it, another run may take the lock over.</summary>
    public required DateTimeOffset ExpiresAt { get; init; }

    /// <summary>Whether the lock has lapsed at <paramref name="now"/>.</summary>
    public bool IsExpiredAt(DateTimeOffset now) => now >= ExpiresAt;

    /// <summary>Whether this is the same holding as <paramref name="other"/> (same owner and run).</summary>
    public bool IsSameHoldingAs(RunLockHolder? other) =>
        other is not null && string.Equals(Owner, other.Owner, StringComparison.Ordinal)
        && string.Equals(RunId, other.RunId, StringComparison.Ordinal);

    /// <inheritdoc />
    public override string ToString() => $"{Owner} (run {RunId}, since {StartedAt:u}, expires {ExpiresAt:u})";
}

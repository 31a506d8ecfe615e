using LakeCircle.Core.Archive;
using LakeCircle.Core.Gateways;
using LakeCircle.Core.Sync;

namespace LakeCircle.Core.Locking;

/// <summary>The outcome of <see cref="RunLock.AcquireAsync"/>.</summary>
internal sealed record RunLockAttempt
{
    /// <summary>Whether this run now holds the lock.</summary>
    public required bool Acquired { get; init; }

    /// <summary>
    /// When acquired, this run's holding (keep it to renew and release); when refused, the other holder, or
    /// <see langword="null"/> when <c>lock.json</c> could not be read.
    /// </summary>
    public RunLockHolder? Holder { get; init; }

    /// <summary>The lapsed holding this run took over, or <see langword="null"/>.</summary>
    public RunLockHolder? TakenOverFrom { get; init; }

    /// <summary>A sentence for people: what happened and, when refused, what to do.</summary>
    public required string Message { get; init; }
}

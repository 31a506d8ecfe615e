using LakeCircle.Core.Gateways;
using LakeCircle.Core.Workflows;

namespace LakeCircle.Core.Recovery;

/// <summary>
/// How a writing run (<see cref="SafeSyncRunner"/>, <see cref="RollbackRunner"/>) guards itself: the account check,
/// the lock, the extra write observer (such as read-after-write verification), and what goes into the run record.
/// </summary>
internal sealed record SafeRunOptions
{
    /// <summary>The configured account; the credentials must belong to it. Also recorded in the run record.</summary>
    public string? Account { get; init; }

    /// <summary>The region, recorded in the run record.</summary>
    public string? Region { get; init; }

    /// <summary>The settings fingerprint, recorded in the run record.</summary>
    public string? SettingsFingerprint { get; init; }

    /// <summary>
    /// The account check: <see cref="StsCallerIdentity"/> for AWS, <see cref="UncheckedCallerIdentity"/> for an
    /// S3-compatible server (logs a warning), <see langword="null"/> for an account snapshot file (nothing to check).
    /// </summary>
    public ICallerIdentity? CallerIdentity { get; init; }

    /// <summary>
    /// A further step around each write, run inside the archive's: its before-step after the old configuration is
    /// saved, its after-step before <c>current/</c> is written (so a verification that fails keeps <c>current/</c> as it was).
    /// </summary>
    public IBucketWriteObserver? Observer { get; init; }

    /// <summary>The clock of the lock, the archive and the run record; the system clock by default.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>How long a lock holding lasts unless renewed; <see cref="RunLock.DefaultTimeToLive"/> by default.</summary>
    public TimeSpan? LockTimeToLive { get; init; }

    /// <summary>How often the lock is renewed while the run goes on; a third of its time to live by default.</summary>
    public TimeSpan? LockRenewalInterval { get; init; }

    /// <summary>Who runs, as <c>user@host:pid</c>; <see cref="RunLock.DefaultOwner"/> by default.</summary>
    public string? Owner { get; init; }

    /// <summary>The run id; a new <see cref="Recovery.RunId"/> by default.</summary>
    public string? RunId { get; init; }

    /// <summary>Remove the lock whoever holds it before taking it (for an operator, after a crashed run).</summary>
    public bool ForceUnlock { get; init; }

    /// <summary>Values to mask in the run record; the AWS credential variables of the environment by default.</summary>
    public IReadOnlyList<string>? SecretValues { get; init; }
}

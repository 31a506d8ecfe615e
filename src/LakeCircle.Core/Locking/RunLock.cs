using LakeCircle.Core.Archive;
using LakeCircle.Core.Gateways;
using LakeCircle.Core.Sync;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace LakeCircle.Core.Locking;

/// <summary>
/// One sync per endpoint at a time: <c>lock.json</c> at the endpoint base, created exclusively, holding the owner,
/// run, start and expiry. A lapsed lock is taken over; release removes the lock only while it is still this run's.
/// </summary>
internal sealed class RunLock
{
    /// <summary>The key of the lock file, relative to the endpoint base.</summary>
    public const string Key = "lock.json";

    private const int MaxAttempts = 3;
    private readonly IEndpointStore _store;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    /// <summary>Creates the lock of an endpoint.</summary>
    /// <param name="store">The store at the endpoint base.</param>
    /// <param name="time">The clock (tests control expiry through it); the system clock by default.</param>
    /// <param name="timeToLive">How long a holding lasts unless renewed; <see cref="DefaultTimeToLive"/> by default.</param>
    /// <param name="owner">Who takes the lock; <see cref="DefaultOwner"/> by default.</param>
    /// <param name="logger">Receives lock events; none by default.</param>
    public RunLock(IEndpointStore store, TimeProvider? time = null, TimeSpan? timeToLive = null, string? owner = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeToLive ?? DefaultTimeToLive, TimeSpan.Zero, nameof(timeToLive));
        _store = store;
        _time = time ?? TimeProvider.System;
        TimeToLive = timeToLive ?? DefaultTimeToLive;
        Owner = string.IsNullOrWhiteSpace(owner) ? DefaultOwner : owner;
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>Thirty minutes.</summary>
    public static TimeSpan DefaultTimeToLive { get; } = TimeSpan.FromMinutes(30);

    /// <summary>This process as <c>user@host:pid</c>.</summary>
    public static string DefaultOwner => $"{Environment.UserName}@{Environment.MachineName}:{Environment.ProcessId}";

    /// <summary>Who takes the lock.</summary>
    public string Owner { get; }

    /// <summary>How long a holding lasts unless renewed.</summary>
    public TimeSpan TimeToLive { get; }

    /// <summary>Takes the lock for a run, or reports who holds it.</summary>
    public async Task<RunLockAttempt> AcquireAsync(string runId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(runId);
        RunLockHolder? seen = null;
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var mine = NewHolding(runId);
            if (await CreateAsync(mine, cancellationToken).ConfigureAwait(false))
            {
                _logger.LockAcquired(_store.Describe(Key), runId);
                return new RunLockAttempt { Acquired = true, Holder = mine, Message = $"Lock taken at {_store.Describe(Key)}." };
            }

            var (current, unreadable) = await TryReadAsync(cancellationToken).ConfigureAwait(false);
            if (unreadable is not null)
            {
                return Refused(null, $"The lock {_store.Describe(Key)} cannot be read ({unreadable}). If no sync is running, remove it with force-unlock.");
            }

            seen = current;
            if (current is null)
            {
                continue; // released between our create and our read: try again
            }

            if (mine.IsSameHoldingAs(current))
            {
                // A create whose answer was lost and whose retry met this run's own object: the lock is ours.
                _logger.LockAcquired(_store.Describe(Key), runId);
                return new RunLockAttempt { Acquired = true, Holder = current, Message = $"Lock taken at {_store.Describe(Key)}." };
            }

            if (!current.IsExpiredAt(_time.GetUtcNow()))
            {
                return Refused(current, $"Another sync holds the lock {_store.Describe(Key)}: {current}.");
            }

            var taken = await TryTakeOverAsync(current, runId, cancellationToken).ConfigureAwait(false);
            if (taken is not null)
            {
                _logger.LockTakenOver(_store.Describe(Key), runId, current.Owner, current.RunId, current.ExpiresAt);
                return new RunLockAttempt
                {
                    Acquired = true,
                    Holder = taken,
                    TakenOverFrom = current,
                    Message = $"Lock taken over at {_store.Describe(Key)} from a lapsed holding: {current}.",
                };
            }
        }

        return Refused(seen, $"The lock {_store.Describe(Key)} changed hands while this run tried to take it; try again.");
    }

    /// <summary>Extends this run's holding by <see cref="TimeToLive"/> from now.</summary>
    /// <returns>The renewed holding, or <see langword="null"/> when the lock is no longer this run's.</returns>
    public async Task<RunLockHolder?> RenewAsync(RunLockHolder held, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(held);
        var (current, _) = await TryReadAsync(cancellationToken).ConfigureAwait(false);
        if (!held.IsSameHoldingAs(current))
        {
            return null;
        }

        var renewed = held with { ExpiresAt = _time.GetUtcNow() + TimeToLive };
        await _store.WriteAsync(Key, RecoveryJson.Serialize(renewed), cancellationToken).ConfigureAwait(false);
        return renewed;
    }

    /// <summary>Removes the lock if it is still this run's.</summary>
    /// <returns>Whether the lock was removed; <see langword="false"/> when it is gone or held by another run.</returns>
    public async Task<bool> ReleaseAsync(RunLockHolder held, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(held);
        var (current, _) = await TryReadAsync(cancellationToken).ConfigureAwait(false);
        if (!held.IsSameHoldingAs(current))
        {
            _logger.LockNotOurs(_store.Describe(Key), held.RunId);
            return false;
        }

        await _store.DeleteAsync(Key, cancellationToken).ConfigureAwait(false);
        _logger.LockReleased(_store.Describe(Key), held.RunId);
        return true;
    }

    /// <summary>Whether the lock still holds this run's holding (it may have lapsed and been taken over by another run).</summary>
    /// <param name="held">This run's latest holding.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns><see langword="false"/> when the lock is gone, another run's, or unreadable.</returns>
    public async Task<bool> IsHeldAsync(RunLockHolder held, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(held);
        var (current, _) = await TryReadAsync(cancellationToken).ConfigureAwait(false);
        return held.IsSameHoldingAs(current);
    }

    /// <summary>Removes the lock whoever holds it (for an operator, after a crashed run).</summary>
    /// <returns>The holding removed, or <see langword="null"/> when there was no lock or it could not be read.</returns>
    public async Task<RunLockHolder?> ForceUnlockAsync(CancellationToken cancellationToken = default)
    {
        var (current, _) = await TryReadAsync(cancellationToken).ConfigureAwait(false);
        await _store.DeleteAsync(Key, cancellationToken).ConfigureAwait(false);
        _logger.LockForced(_store.Describe(Key), current?.ToString() ?? "nobody");
        return current;
    }

    /// <summary>The current holding, or <see langword="null"/> when there is no lock.</summary>
    /// <exception cref="InvalidDataException"><c>lock.json</c> is malformed.</exception>
    public async Task<RunLockHolder?> ReadAsync(CancellationToken cancellationToken = default)
    {
        var bytes = await _store.TryReadAsync(Key, cancellationToken).ConfigureAwait(false);
        return bytes is null ? null : RecoveryJson.Deserialize<RunLockHolder>(bytes, _store.Describe(Key));
    }

    // Delete + exclusive create is not atomic: two runs may both see the same lapsed holding. Each deletes only after
    // reading that same lapsed content again, and keeps the lock only if the file then holds its own content.
    private async Task<RunLockHolder?> TryTakeOverAsync(RunLockHolder lapsed, string runId, CancellationToken cancellationToken)
    {
        var (again, _) = await TryReadAsync(cancellationToken).ConfigureAwait(false);
        if (again != lapsed)
        {
            return null;
        }

        await _store.DeleteAsync(Key, cancellationToken).ConfigureAwait(false);
        var mine = NewHolding(runId);
        if (!await _store.CreateExclusiveAsync(Key, RecoveryJson.Serialize(mine), cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        var (confirmed, _) = await TryReadAsync(cancellationToken).ConfigureAwait(false);
        return confirmed == mine ? mine : null;
    }

    /// <summary>
    /// The exclusive create of <c>lock.json</c>. When its answer is lost (a timeout, a reset: the create may have been
    /// applied), the lock is read back before giving up: if it holds this very holding, the lock is this run's — and is
    /// not left behind for its whole lifetime.
    /// </summary>
    private async Task<bool> CreateAsync(RunLockHolder mine, CancellationToken cancellationToken)
    {
        try
        {
            return await _store.CreateExclusiveAsync(Key, RecoveryJson.Serialize(mine), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            RunLockHolder? back;
            try
            {
                (back, _) = await TryReadAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception) when (!cancellationToken.IsCancellationRequested)
            {
                back = null;
            }

            if (mine.IsSameHoldingAs(back))
            {
                _logger.LockAnswerLost(_store.Describe(Key), mine.RunId, e.Message);
                return true;
            }

            throw;
        }
    }

    private async Task<(RunLockHolder? Holder, string? Unreadable)> TryReadAsync(CancellationToken cancellationToken)
    {
        try
        {
            return (await ReadAsync(cancellationToken).ConfigureAwait(false), null);
        }
        catch (InvalidDataException e)
        {
            return (null, e.Message);
        }
    }

    private RunLockHolder NewHolding(string runId)
    {
        var now = _time.GetUtcNow();
        return new RunLockHolder { Owner = Owner, RunId = runId, StartedAt = now, ExpiresAt = now + TimeToLive };
    }

    private RunLockAttempt Refused(RunLockHolder? holder, string message)
    {
        _logger.LockRefused(_store.Describe(Key), holder?.ToString() ?? "unknown");
        return new RunLockAttempt { Acquired = false, Holder = holder, Message = message };
    }
}

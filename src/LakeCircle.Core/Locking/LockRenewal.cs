using LakeCircle.Core.Archive;
using LakeCircle.Core.Gateways;
using LakeCircle.Core.Sync;
using Microsoft.Extensions.Logging;

namespace LakeCircle.Core.Locking;

/// <summary>
/// Keeps a run's lock alive while the run goes on: renews it every interval (a third of its time to live by default).
/// When the lock is found to be another run's, it signals <see cref="Lost"/> so the run stops writing.
/// </summary>
internal sealed class LockRenewal : IAsyncDisposable
{
    private readonly RunLock _lock;
    private readonly TimeSpan _interval;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stop = new();
    private readonly CancellationTokenSource _lost = new();
    private readonly Task _loop;
    private RunLockHolder _held;
    private volatile bool _isLost;

    /// <summary>Starts renewing.</summary>
    /// <param name="runLock">The lock.</param>
    /// <param name="held">This run's holding.</param>
    /// <param name="interval">How often to renew.</param>
    /// <param name="time">The clock that paces the renewals.</param>
    /// <param name="logger">Receives renewal events.</param>
    public LockRenewal(RunLock runLock, RunLockHolder held, TimeSpan interval, TimeProvider time, ILogger logger)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        _lock = runLock;
        _held = held;
        _interval = interval;
        _time = time;
        _logger = logger;
        _loop = Task.Run(LoopAsync);
    }

    /// <summary>Cancelled when the lock turned out to be another run's.</summary>
    public CancellationToken Lost => _lost.Token;

    /// <summary>Whether the lock turned out to be another run's (stays readable after dispose).</summary>
    public bool IsLost => _isLost;

    /// <summary>How many times the lock was renewed.</summary>
    public int Renewals { get; private set; }

    /// <summary>This run's latest holding.</summary>
    public RunLockHolder Held => Volatile.Read(ref _held);

    /// <summary>
    /// Reads the lock to confirm it is still this run's, as a run does before each write (a renewal every third of the
    /// lock's lifetime would notice a loss too late). When it is not, the loss is signalled as by a failed renewal.
    /// </summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>Whether the lock is still this run's.</returns>
    public async Task<bool> ConfirmAsync(CancellationToken cancellationToken)
    {
        if (_isLost)
        {
            return false;
        }

        if (await _lock.IsHeldAsync(Held, cancellationToken).ConfigureAwait(false))
        {
            return true;
        }

        await SignalLostAsync().ConfigureAwait(false);
        return false;
    }

    /// <summary>Stops renewing and waits for a renewal in flight.</summary>
    /// <returns>A task that completes when the renewals have stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(false);
        _stop.Dispose();
        _lost.Dispose();
    }

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(_interval, _time, _stop.Token).ConfigureAwait(false);
                var renewed = await _lock.RenewAsync(Held, _stop.Token).ConfigureAwait(false);
                if (renewed is null)
                {
                    await SignalLostAsync().ConfigureAwait(false);
                    return;
                }

                Volatile.Write(ref _held, renewed);
                Renewals++;
                _logger.LockRenewed(RunLock.Key, renewed.ExpiresAt);
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // A failed renewal is tried again at the next interval; the holding lasts its time to live meanwhile.
                _logger.StepFailed("renew the lock", e.Message);
            }
        }
    }

    private async Task SignalLostAsync()
    {
        if (_isLost)
        {
            return;
        }

        _logger.LockLost(RunLock.Key);
        _isLost = true;
        await _lost.CancelAsync().ConfigureAwait(false);
    }
}

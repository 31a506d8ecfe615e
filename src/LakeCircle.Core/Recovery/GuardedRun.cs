using LakeCircle.Core.Model;
using LakeCircle.Core.Workflows;
using Microsoft.Extensions.Logging;

namespace LakeCircle.Core.Recovery;

/// <summary>
/// The frame of every writing run (SYNC, ROLLBACK): check the account of the credentials, take the endpoint's lock
/// (renewed while the run goes on), run the body with the archive around each write, then — whatever happened,
/// also on failure and cancellation — write one run record to <c>log/</c> and release the lock.
/// </summary>
internal sealed class GuardedRun
{
    private readonly IEndpointStore _endpoint;
    private readonly SafeRunOptions _options;
    private readonly ILogger _logger;
    private readonly RunLock _lock;

    /// <summary>Creates the frame.</summary>
    /// <param name="endpoint">The store at the endpoint base.</param>
    /// <param name="options">The guards and record details.</param>
    /// <param name="logger">The logger.</param>
    public GuardedRun(IEndpointStore endpoint, SafeRunOptions options, ILogger logger)
    {
        _endpoint = endpoint;
        _options = options;
        _logger = logger;
        _lock = new RunLock(endpoint, options.Time, options.LockTimeToLive, options.Owner, logger);
    }

    /// <summary>Runs a body inside the guards.</summary>
    /// <param name="action">The action recorded (<c>SYNC</c>, <c>ROLLBACK</c>).</param>
    /// <param name="rollback">Whether the archive reasons are the rollback's.</param>
    /// <param name="body">Plans and applies, writing through the observer it is given (and re-checking before each write).</param>
    /// <param name="cancellationToken">Cancels the run; the record is still written and the lock released.</param>
    /// <returns>What the run did.</returns>
    /// <exception cref="OperationCanceledException">The run was cancelled (after its record was written).</exception>
    public async Task<SafeRunOutcome> RunAsync(
        string action,
        bool rollback,
        Func<IBucketWriteObserver, CancellationToken, Task<SyncOutcome>> body,
        CancellationToken cancellationToken)
    {
        var archiving = new ArchivingWriteObserver(new ConfigurationArchive(_endpoint, _options.Time, _logger), _options.Time, rollback);
        var run = new RunState(_options.RunId ?? RunId.New(), _options.Time.GetUtcNow(), archiving);
        try
        {
            await RunCoreAsync(run, new CompositeWriteObserver(archiving, _options.Observer, run.Progress), body, cancellationToken)
                .ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            run.Errors.Add("The run was cancelled; buckets already written stay written.");
            await FinishAsync(run, action).ConfigureAwait(false);
            throw;
        }
        catch (Exception e)
        {
            run.Errors.Add("The run failed: " + e.Message);
            await FinishAsync(run, action).ConfigureAwait(false);
            throw;
        }

        return await FinishAsync(run, action).ConfigureAwait(false);
    }

    private async Task RunCoreAsync(
        RunState run, IBucketWriteObserver observer, Func<IBucketWriteObserver, CancellationToken, Task<SyncOutcome>> body, CancellationToken cancellationToken)
    {
        var refusal = await CallerGuard.CheckAsync(_options.CallerIdentity, _options.Account, _logger, cancellationToken).ConfigureAwait(false);
        if (refusal is null && _options.ForceUnlock)
        {
            await _lock.ForceUnlockAsync(cancellationToken).ConfigureAwait(false);
        }

        var attempt = refusal is null ? await _lock.AcquireAsync(run.RunId, cancellationToken).ConfigureAwait(false) : null;
        refusal ??= attempt!.Acquired ? null : attempt.Message;
        if (refusal is not null)
        {
            RecoveryLog.RunRefused(_logger, refusal);
            run.Refusal = refusal;
            return;
        }

        run.TakenOverFrom = attempt!.TakenOverFrom;
        run.Renewal = new LockRenewal(_lock, attempt.Holder!, _options.LockRenewalInterval ?? _lock.TimeToLive / 3, _options.Time, _logger);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, run.Renewal.Lost);
        try
        {
            run.Sync = await body(observer, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (run.Renewal.Lost.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            // Reported below.
        }

        if (run.Renewal.IsLost)
        {
            run.Errors.Add($"The lock {_endpoint.Describe(RunLock.Key)} was taken by another run while this one went on: it stopped writing.");
        }
    }

    private async Task<SafeRunOutcome> FinishAsync(RunState run, string action)
    {
        RunLockHolder? held = null;
        if (run.Renewal is not null)
        {
            held = run.Renewal.Held;
            await run.Renewal.DisposeAsync().ConfigureAwait(false);
        }

        var record = RunRecords.Build(run.RunId, action, run.StartedAt, _options.Time.GetUtcNow(), _options, run);
        var errors = new List<string>(run.Errors);
        string? key = null;
        try
        {
            key = await new RunLog(_endpoint, _options.SecretValues, _logger).WriteAsync(record, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            RecoveryLog.StepFailed(_logger, "write the run record", e.Message);
            errors.Add($"Could not write the run record to {EndpointStore.DescribeFolder(_endpoint, RunLog.Folder)}: {e.Message}");
        }

        if (held is not null && !run.LockLost)
        {
            try
            {
                await _lock.ReleaseAsync(held, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                RecoveryLog.StepFailed(_logger, "release the lock", e.Message);
                errors.Add($"Could not release the lock {_endpoint.Describe(RunLock.Key)} ({e.Message}); it lapses at {held.ExpiresAt:u} or can be removed with force-unlock.");
            }
        }

        return new SafeRunOutcome
        {
            RunId = run.RunId,
            Refusal = run.Refusal,
            Sync = run.Sync,
            Errors = errors.ToValueList(),
            TakenOverFrom = run.TakenOverFrom,
            RecordKey = key,
        };
    }
}

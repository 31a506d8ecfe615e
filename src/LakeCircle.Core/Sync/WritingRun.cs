using System.Diagnostics;
using LakeCircle.Core.Archive;
using LakeCircle.Core.Diagnostics;
using LakeCircle.Core.Gateways;
using LakeCircle.Core.Locking;
using LakeCircle.Core.Model;
using LakeCircle.Core.Planning;
using Microsoft.Extensions.Logging;

namespace LakeCircle.Core.Sync;

/// <summary>
/// One writing run — a sync, the apply of a saved plan, a rollback — in order: account check → lock (renewed while
/// the run goes on) → plan → guards (for a saved plan: every bucket as the plan found it) → per bucket: re-read and
/// re-plan if it changed (refuse it, for a saved plan), archive the old configuration,
/// one PUT or DELETE, verify by meaning, restore on a difference, archive the new one → run record → release.
/// The record is written and the lock released whatever happened, also on failure and cancellation.
/// </summary>
internal sealed class WritingRun
{
    private readonly ClientSources _sources;
    private readonly ClientSettings _settings;
    private readonly ILogger _logger;
    private readonly ConfigurationArchive _archive;
    private readonly RunLock _lock;
    private readonly Verification? _verification;
    private readonly RunJournal _journal;
    private LockRenewal? _renewal;

    public WritingRun(ClientSources sources, ClientSettings settings, ILogger logger)
    {
        _sources = sources;
        _settings = settings;
        _logger = logger;
        _archive = new ConfigurationArchive(sources.Endpoint, settings.Time, logger);
        _lock = new RunLock(sources.Endpoint, settings.Time, settings.LockTimeToLive, settings.Owner, logger);
        _verification = settings.Verification is { } policy ? new Verification(sources.Account, policy, settings.Time) : null;
        _journal = new RunJournal(settings.RunId ?? RunId.New(), settings.Time.GetUtcNow());
    }

    /// <summary>The action names in run records.</summary>
    public const string Sync = "SYNC", Rollback = "ROLLBACK";

    /// <summary>Runs: plans the selected buckets inside the lock, or applies <paramref name="given"/> (re-checking each bucket).</summary>
    /// <param name="given">A plan made before (apply, rollback), or <see langword="null"/> to plan now.</param>
    /// <param name="buckets">When planning now: the buckets to plan (<see langword="null"/> for every defined bucket, empty for none).</param>
    /// <param name="cancellationToken">Cancels the run; its record is still written and the lock released.</param>
    /// <exception cref="OperationCanceledException">The run was cancelled (after its record was written).</exception>
    public async Task<RunOutcome> RunAsync(PlanOutcome? given, IReadOnlyList<string>? buckets, CancellationToken cancellationToken)
    {
        var action = given?.IsRollback == true ? Rollback : Sync;
        using var run = _logger.RunScope(action, _settings.SettingsFingerprint);
        using var account = _logger.AccountScope(_settings.Account, _settings.Region);
        try
        {
            // 0. A saved plan is applied only where it was made: its account, region and endpoint.
            if (given?.Saved is { } saved && OtherOrigin(given, saved) is { } mismatch)
            {
                _journal.Refusal = mismatch;
                _logger.RunRefused(mismatch);
                return await FinishAsync(action).ConfigureAwait(false);
            }

            // 1. The account of the credentials.
            _journal.Refusal = await CallerGuard.CheckAsync(_sources.CallerIdentity, _settings.Account, _logger, cancellationToken).ConfigureAwait(false);
            if (_journal.Refusal is not null)
            {
                _logger.RunRefused(_journal.Refusal);
                return await FinishAsync(action).ConfigureAwait(false);
            }

            // 2. The lock, renewed while the run goes on.
            if (_settings.ForceUnlock)
            {
                await _lock.ForceUnlockAsync(cancellationToken).ConfigureAwait(false);
            }

            var attempt = await _lock.AcquireAsync(_journal.RunId, cancellationToken).ConfigureAwait(false);
            if (!attempt.Acquired)
            {
                _journal.Refusal = attempt.Message;
                _logger.RunRefused(attempt.Message);
                return await FinishAsync(action).ConfigureAwait(false);
            }

            _journal.TakenOverFrom = attempt.TakenOverFrom;
            var renewal = _renewal = new LockRenewal(_lock, attempt.Holder!, _settings.LockRenewalInterval ?? _lock.TimeToLive / 3, _settings.Time, _logger);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, renewal.Lost);
            try
            {
                await PlanAndWriteAsync(given, buckets, cancellationToken, linked.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (renewal.Lost.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                // Reported below.
            }

            if (renewal.IsLost)
            {
                _journal.Errors.Add(LockLostMessage());
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            _journal.Errors.Add("The run was cancelled; buckets already written stay written.");
            await FinishAsync(action).ConfigureAwait(false);
            throw;
        }
        catch (Exception e)
        {
            _journal.Errors.Add("The run failed: " + e.Message);
            await FinishAsync(action).ConfigureAwait(false);
            throw;
        }

        return await FinishAsync(action).ConfigureAwait(false);
    }

    private async Task PlanAndWriteAsync(PlanOutcome? given, IReadOnlyList<string>? buckets, CancellationToken runToken, CancellationToken token)
    {
        // 3. The plan.
        var planned = given ?? await PlanBuilder.PlanAsync(_sources, buckets, _settings.ReadConcurrency, _logger, token, _settings.Regions).ConfigureAwait(false);
        _journal.Planned = planned;
        if (planned.Plan is null)
        {
            return;
        }

        var progress = RunReporter.Current;
        if (given is not null)
        {
            // A saved plan names each bucket's region: its calls go to that region with no call to ask it.
            _sources.RememberRegions(planned.Plan);
            progress?.Planned(planned.Plan.Buckets.Count(b => b.Status != BucketStatus.Unmanaged), planned.Plan.Buckets.Count(b => b.Action != BucketAction.None));
        }

        // 4. The guards, before the first write.
        var writes = planned.Plan.Buckets.Where(b => b.Action != BucketAction.None).ToList();
        _journal.Stop = ChangeGuard.Check(planned.Plan, _settings.MaxChanges, _settings.MaxDeletions)
            ?? (given?.IsRollback == true ? null : ChangeGuard.CheckDestructive(planned.Plan, _settings.MaxDestructive, _settings.AllowDestructive));
        // A name allowed that is no protected bucket of the plan is most likely misspelt: it allows nothing, said so.
        var protectedBuckets = planned.Plan.Buckets.Where(b => b.Protected).Select(b => b.Bucket).ToHashSet(StringComparer.Ordinal);
        foreach (var allowed in _settings.AllowDestructive.Where(b => given?.IsRollback != true && !protectedBuckets.Contains(b)).Order(StringComparer.Ordinal))
        {
            _logger.AllowedNotProtected(allowed);
        }

        if (_journal.Stop is { } stop)
        {
            _logger.GuardStopped(stop);
            _journal.Results = writes.Select(p => Outcome(p.Bucket, p.Action, BucketResult.Skipped, stop, null, TimeSpan.Zero)).ToList();
            return;
        }

        // A saved plan is applied exactly as reviewed: when any bucket to change is no longer as the plan found it,
        // nothing is written (checked under the lock, so no other run changes it between this check and the writes).
        if (given?.Saved is not null && await CheckSavedPlanAsync(writes, token).ConfigureAwait(false))
        {
            return;
        }

        // 5. Each bucket, a bounded number in flight; one bucket's failure never stops the others.
        var outcomes = new BucketOutcome[writes.Count];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = given?.IsRollback == true ? 1 : _settings.WriteConcurrency, CancellationToken = token };
        var reasons = given?.IsRollback == true
            ? (Before: ArchiveReasons.BeforeRollback, After: ArchiveReasons.AfterRollback)
            : (Before: ArchiveReasons.BeforeSync, After: ArchiveReasons.AfterSync);
        progress?.Writing(writes.Count);
        var deferred = DeferDurability();
        try
        {
            await Parallel.ForEachAsync(Enumerable.Range(0, writes.Count), parallel, async (index, bucketToken) =>
            {
                using var scope = _logger.BucketScope(writes[index].Bucket);
                progress?.WriteStarted();
                outcomes[index] = await WriteBucketAsync(writes[index], reasons, given?.Saved is not null, given?.IsRollback != true, runToken, bucketToken).ConfigureAwait(false);
                progress?.WriteEnded(failed: outcomes[index].Result == BucketResult.Failed);
            }).ConfigureAwait(false);
        }
        finally
        {
            await FlushAsync(deferred, outcomes).ConfigureAwait(false);
        }

        _journal.Results = outcomes;
        var summary = new RunOutcome { RunId = _journal.RunId, Buckets = outcomes.ToValueList() }.Summary;
        _logger.Synced(summary.Applied, summary.AppliedNotVisible, summary.Failed, summary.Skipped);
    }

    /// <summary>One bucket: re-read, archive the old configuration, write, verify, restore on a difference, archive the new one.</summary>
    private async Task<BucketOutcome> WriteBucketAsync(
        BucketPlan plan, (string Before, string After) reasons, bool exact, bool guarded, CancellationToken runToken, CancellationToken token)
    {
        var started = Stopwatch.GetTimestamp();
        var action = plan.Action;
        string? note = null;
        BucketOutcome Result(BucketResult result, string? error = null)
        {
            if (error is not null)
            {
                _logger.WriteFailed(error);
            }

            return Outcome(plan.Bucket, action, result, error, note, Stopwatch.GetElapsedTime(started));
        }

        bool Failure(Exception e) => e is not OperationCanceledException || !runToken.IsCancellationRequested;

        // Re-read just before the write; a bucket that changed since the plan is re-planned from what was read.
        try
        {
            string? refusal;
            var checkedPlan = plan;
            (plan, note, refusal) = await Recheck.RefreshAsync(_sources.Account, plan, exact, _logger, token).ConfigureAwait(false);

            // A re-planned write may have become destructive: the destructive guards hold for it too (not for a rollback).
            if (refusal is null && guarded && !ReferenceEquals(plan, checkedPlan))
            {
                refusal = ChangeGuard.CheckReplanned(checkedPlan, plan, _settings.MaxDestructive, _settings.AllowDestructive);
            }

            if (refusal is not null)
            {
                return Result(BucketResult.Failed, refusal);
            }
        }
        catch (Exception e) when (Failure(e))
        {
            return Result(BucketResult.Failed, "not written, the re-check before the write failed: " + e.Message);
        }

        if (plan.Action == BucketAction.None)
        {
            return Result(BucketResult.Applied);
        }

        action = plan.Action;

        // The old configuration goes to history/ first: if that fails, nothing is written.
        HistoryVersion version;
        try
        {
            version = await _archive.SaveHistoryAsync(plan.Bucket, plan.Actual, _settings.Time.GetUtcNow(), reasons.Before, token).ConfigureAwait(false);
            _journal.Archived(plan.Bucket, version);
        }
        catch (Exception e) when (Failure(e))
        {
            return Result(BucketResult.Failed, "not written, the step before the write failed: " + e.Message);
        }

        // The lock must still be this run's: another run that took it over after it lapsed may be writing too.
        try
        {
            if (_renewal is not null && !await _renewal.ConfirmAsync(token).ConfigureAwait(false))
            {
                await RecordWriteAsync(version, plan.Actual, reasons.Before, WriteOutcome.Failed).ConfigureAwait(false);
                return Result(BucketResult.Failed, $"not written: the lock {_sources.Endpoint.Describe(RunLock.Key)} was taken by another run.");
            }
        }
        catch (Exception e) when (Failure(e))
        {
            return Result(BucketResult.Failed, "not written, the lock could not be confirmed: " + e.Message);
        }

        // The one write. A write the server refused is recorded as such, so the version saved never passes for a
        // replaced one; a write whose answer never came (a timeout, a reset, a 5xx) may have been applied and stays unknown.
        _journal.Writing(plan);
        try
        {
            await WriteAsync(plan, token).ConfigureAwait(false);
        }
        catch (Exception e) when (Failure(e))
        {
            if (e is Gateways.S3GatewayException { StatusCode: >= 400 and < 500 and not 408 })
            {
                await RecordWriteAsync(version, plan.Actual, reasons.Before, WriteOutcome.Failed).ConfigureAwait(false);
            }

            return Result(BucketResult.Failed, e.Message);
        }

        _journal.Written(plan);

        // Read back and compare by meaning; a server that kept something else gets the old configuration back.
        var check = VerificationResult.Seen;
        try
        {
            if (_verification is not null)
            {
                check = await _verification.CheckAsync(plan, token).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (Failure(e))
        {
            await RecordWriteAsync(version, plan.Actual, reasons.Before, WriteOutcome.Applied).ConfigureAwait(false);
            return Result(BucketResult.Failed, "written, but the step after the write failed: " + e.Message);
        }

        if (check.Outcome == VerificationOutcome.Different)
        {
            var (restored, message) = plan.Action == BucketAction.Put ? await RestoreAsync(plan.Bucket, plan.Actual, token).ConfigureAwait(false) : (false, "");
            await RecordWriteAsync(version, plan.Actual, reasons.Before, restored ? WriteOutcome.Restored : WriteOutcome.Applied).ConfigureAwait(false);
            return Result(BucketResult.Failed, $"verification failed, {check.Message}{message}");
        }

        // The write went through: the version saved becomes previous/, what was written current/ (also when not yet
        // visible: the write was made).
        try
        {
            await _archive.RecordWriteAsync(version, plan.Actual, reasons.Before, WriteOutcome.Applied, token).ConfigureAwait(false);
            await _archive.SaveCurrentAsync(plan.Bucket, plan.Action == BucketAction.Delete ? null : plan.ConfigurationToPut, reasons.After, token)
                .ConfigureAwait(false);
        }
        catch (Exception e) when (Failure(e))
        {
            return Result(BucketResult.Failed, "written, but the step after the write failed: " + e.Message);
        }

        if (check.Outcome == VerificationOutcome.NotVisible)
        {
            note = note is null ? check.Message : $"{check.Message}; {note}";
            _logger.AppliedNotVisible(check.Message);
            return Result(BucketResult.AppliedNotVisible);
        }

        var outcome = Result(BucketResult.Applied);
        _logger.Applied((long)outcome.Duration.TotalMilliseconds);
        return outcome;
    }

    /// <summary>
    /// An account that keeps writes in memory (a snapshot file) is saved once, when the writes end: a local endpoint's
    /// files (the archive) then need to reach the disk only before that save, all at once, not each before its write.
    /// </summary>
    private LocalEndpointStore.DeferredDurability? DeferDurability() =>
        _sources.UndecoratedAccount is IBufferedGateway && _sources.UndecoratedEndpoint is LocalEndpointStore local ? local.DeferDurability() : null;

    /// <summary>
    /// Once the writes end, however they end: an account that keeps writes in memory (a snapshot file) saves them all
    /// now, after the endpoint's files are flushed to disk and before the run record. When the save fails, the run says
    /// so, naming the file, and no write counts as applied (the file and the account hold what they held before).
    /// </summary>
    private async Task FlushAsync(LocalEndpointStore.DeferredDurability? deferred, BucketOutcome[] outcomes)
    {
        if (_sources.UndecoratedAccount is not IBufferedGateway buffered)
        {
            return;
        }

        if (deferred is not null)
        {
            try
            {
                await deferred.SyncAsync(CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                _logger.StepFailed("flush the archive to disk", e.Message);
                _journal.Errors.Add(e.Message);
            }
        }

        try
        {
            await buffered.FlushAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            _logger.StepFailed("save the account's writes", e.Message);
            _journal.Errors.Add(e.Message);
            for (var i = 0; i < outcomes.Length; i++)
            {
                if (outcomes[i] is { Result: BucketResult.Applied or BucketResult.AppliedNotVisible, Action: not BucketAction.None } written)
                {
                    outcomes[i] = written with { Result = BucketResult.Failed, Error = "written, but not saved: " + e.Message };
                }
            }
        }
    }

    /// <summary>
    /// Reads every bucket a saved plan changes and compares it with the configuration the plan was made from; when any
    /// differs (or vanished, or cannot be read), stops the run before its first write and returns <see langword="true"/>.
    /// </summary>
    private async Task<bool> CheckSavedPlanAsync(IReadOnlyList<BucketPlan> writes, CancellationToken token)
    {
        var refusals = new string?[writes.Count];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = _settings.ReadConcurrency, CancellationToken = token };
        await Parallel.ForEachAsync(Enumerable.Range(0, writes.Count), parallel, async (index, bucketToken) =>
        {
            using var scope = _logger.BucketScope(writes[index].Bucket);
            refusals[index] = await Recheck.CheckUnchangedAsync(_sources.Account, writes[index], _logger, bucketToken).ConfigureAwait(false);
        }).ConfigureAwait(false);
        if (refusals.All(r => r is null))
        {
            return false;
        }

        var stop = "The plan is out of date, nothing was written: " + string.Join("; ", refusals.OfType<string>()) + ".";
        _journal.Stop = stop;
        _logger.GuardStopped(stop);
        _journal.Results = writes.Select((p, i) => Outcome(p.Bucket, p.Action, BucketResult.Skipped, refusals[i] ?? stop, null, TimeSpan.Zero)).ToList();
        return true;
    }

    /// <summary>Why a saved plan does not fit this run (another account, region or endpoint), or <see langword="null"/>.</summary>
    private string? OtherOrigin(PlanOutcome plan, Planning.SavedPlan saved)
    {
        static string Shown(string? value) => value ?? "(none)";
        var endpoint = _sources.Endpoint.Location.ToString();
        var problems = new List<string>();
        if (!string.Equals(plan.Account, _settings.Account, StringComparison.Ordinal))
        {
            problems.Add($"account {Shown(plan.Account)}, not {Shown(_settings.Account)}");
        }

        if (!string.Equals(plan.Region, _settings.Region, StringComparison.Ordinal))
        {
            problems.Add($"region {Shown(plan.Region)}, not {Shown(_settings.Region)}");
        }

        if (!string.Equals(saved.Endpoint, endpoint, StringComparison.Ordinal))
        {
            problems.Add($"endpoint {saved.Endpoint}, not {endpoint}");
        }

        return problems.Count == 0 ? null : $"The plan was made for {string.Join(", ", problems)}: refusing to apply it; nothing was written.";
    }

    private async Task WriteAsync(BucketPlan plan, CancellationToken token)
    {
        if (plan.Action == BucketAction.Delete)
        {
            _logger.Deleting();
            await _sources.Account.DeleteLifecycleAsync(plan.Bucket, token).ConfigureAwait(false);
            return;
        }

        var configuration = plan.ConfigurationToPut
            ?? throw new InvalidOperationException($"The plan of bucket '{plan.Bucket}' has no configuration to write.");
        _logger.Putting(configuration.Rules.Count);
        await _sources.Account.PutLifecycleAsync(plan.Bucket, configuration, token).ConfigureAwait(false);
    }

    /// <summary>Puts the configuration from before the write back (or deletes the written one when there was none).</summary>
    private async Task<(bool Restored, string Message)> RestoreAsync(string bucket, LifecycleConfiguration? previous, CancellationToken token)
    {
        try
        {
            if (ConfigurationComparison.IsNone(previous))
            {
                await _sources.Account.DeleteLifecycleAsync(bucket, token).ConfigureAwait(false);
                return (true, "; the written configuration was deleted (the bucket had none before)");
            }

            await _sources.Account.PutLifecycleAsync(bucket, previous!, token).ConfigureAwait(false);
            return (true, "; the previous configuration was restored");
        }
        catch (Exception e) when (e is not OperationCanceledException || !token.IsCancellationRequested)
        {
            return (false, "; restoring the previous configuration failed too: " + e.Message);
        }
    }

    /// <summary>
    /// Records the fate of a write in its history version when the bucket's outcome is already decided: a failure to
    /// record it is logged, not reported (the version is then "unknown", which a rollback reads as possibly replaced).
    /// </summary>
    private async Task RecordWriteAsync(HistoryVersion version, LifecycleConfiguration? old, string reason, WriteOutcome outcome)
    {
        try
        {
            await _archive.RecordWriteAsync(version, old, reason, outcome, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            _logger.WriteNotRecorded(_sources.Endpoint.Describe(version.Key), e.Message);
        }
    }

    /// <summary>Builds the outcome, writes the run record and releases the lock.</summary>
    private async Task<RunOutcome> FinishAsync(string action)
    {
        var renewal = _renewal;
        RunLockHolder? held = null;
        if (renewal is not null && !renewal.IsLost)
        {
            // A lock taken over while the last writes went on is an error of the run, told in its record.
            try
            {
                if (!await renewal.ConfirmAsync(CancellationToken.None).ConfigureAwait(false))
                {
                    _journal.Errors.Add(LockLostMessage());
                }
            }
            catch (Exception e)
            {
                _logger.StepFailed("confirm the lock", e.Message);
            }
        }

        var lost = renewal?.IsLost == true;
        if (renewal is not null)
        {
            held = renewal.Held;
            await renewal.DisposeAsync().ConfigureAwait(false);
        }

        var planned = _journal.Planned;
        var outcome = new RunOutcome
        {
            RunId = _journal.RunId,
            Refusal = _journal.Refusal,
            Diagnostics = planned?.Diagnostics ?? ValueList<Diagnostics.Diagnostic>.Empty,
            ValidDefinitions = planned?.ValidDefinitions ?? 0,
            Plan = planned?.Plan,
            Error = planned?.Error ?? _journal.Stop,
            Buckets = (_journal.Results ?? []).ToValueList(),
            Errors = _journal.Errors.ToValueList(),
            RestoredVersion = planned?.RestoredVersion,
            TakenOverFrom = _journal.TakenOverFrom?.ToString(),
        };

        var errors = new List<string>(_journal.Errors);
        var record = RunRecords.Build(action, _settings.Time.GetUtcNow(), _settings, _journal, outcome);
        string? key = null;
        try
        {
            key = await new RunLog(_sources.Endpoint, _settings.SecretValues, _logger).WriteAsync(record, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            _logger.StepFailed("write the run record", e.Message);
            errors.Add($"Could not write the run record to {EndpointStore.DescribeFolder(_sources.Endpoint, RunLog.Folder)}: {e.Message}");
        }

        if (held is not null && !lost)
        {
            try
            {
                await _lock.ReleaseAsync(held, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                _logger.StepFailed("release the lock", e.Message);
                errors.Add($"Could not release the lock {_sources.Endpoint.Describe(RunLock.Key)} ({e.Message}); it lapses at {held.ExpiresAt:u} or can be removed with force-unlock.");
            }
        }

        return outcome with { Errors = errors.ToValueList(), RecordKey = key, RecordLocation = key is null ? null : _sources.Endpoint.Describe(key) };
    }

    private string LockLostMessage() =>
        $"The lock {_sources.Endpoint.Describe(RunLock.Key)} was taken by another run while this one went on: it stopped writing.";

    private static BucketOutcome Outcome(string bucket, BucketAction action, BucketResult result, string? error, string? note, TimeSpan duration) =>
        new() { Bucket = bucket, Action = action, Result = result, Error = error, Note = note, Duration = duration };
}

using System.Collections.Concurrent;
using LakeCircle.Core.Planning;
using LakeCircle.Core.Workflows;

namespace LakeCircle.Core.Recovery;

/// <summary>
/// Keeps every replaced configuration recoverable during a sync: before a bucket's write it saves the configuration
/// the plan read (<see cref="BucketPlan.Actual"/>) to <c>history/</c> and <c>previous/</c> — if that fails, the workflow
/// does not write — and after the write it saves what was written to <c>current/</c>.
/// </summary>
internal sealed class ArchivingWriteObserver : IBucketWriteObserver
{
    private readonly ConfigurationArchive _archive;
    private readonly TimeProvider _time;
    private readonly string _beforeReason;
    private readonly string _afterReason;
    private readonly ConcurrentDictionary<string, HistoryVersion> _saved = new(StringComparer.Ordinal);

    /// <summary>Creates the observer.</summary>
    /// <param name="archive">The endpoint's archive.</param>
    /// <param name="time">The clock that names history versions; the system clock by default.</param>
    /// <param name="rollback">Whether the writes are a rollback's (reasons <c>before-rollback</c>/<c>after-rollback</c>).</param>
    public ArchivingWriteObserver(ConfigurationArchive archive, TimeProvider? time = null, bool rollback = false)
    {
        ArgumentNullException.ThrowIfNull(archive);
        _archive = archive;
        _time = time ?? TimeProvider.System;
        _beforeReason = rollback ? ArchiveReasons.BeforeRollback : ArchiveReasons.BeforeSync;
        _afterReason = rollback ? ArchiveReasons.AfterRollback : ArchiveReasons.AfterSync;
    }

    /// <summary>The history version saved per bucket in this run (for the run log).</summary>
    public IReadOnlyDictionary<string, HistoryVersion> Saved => _saved;

    /// <inheritdoc />
    public async Task BeforeWriteAsync(BucketPlan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var version = await _archive.SavePreviousAsync(plan.Bucket, plan.Actual, _time.GetUtcNow(), _beforeReason, cancellationToken)
            .ConfigureAwait(false);
        _saved[plan.Bucket] = version;
    }

    /// <inheritdoc />
    public Task AfterWriteAsync(BucketPlan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var written = plan.Action == BucketAction.Delete ? null : plan.ConfigurationToPut;
        return _archive.SaveCurrentAsync(plan.Bucket, written, _afterReason, cancellationToken);
    }
}

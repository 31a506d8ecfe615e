using System.Collections.Concurrent;
using LakeCircle.Core.Planning;
using LakeCircle.Core.Workflows;

namespace LakeCircle.Core.Recovery;

/// <summary>
/// The innermost write observer of a safe run: it notes each bucket's plan as it goes to the write (after any re-plan)
/// and whether the write was made, so the run record can tell what happened even when the run is cancelled midway.
/// </summary>
internal sealed class RunProgress : IBucketWriteObserver
{
    private readonly ConcurrentDictionary<string, (BucketPlan Plan, bool Written)> _buckets = new(StringComparer.Ordinal);

    /// <summary>Per bucket that reached its write: the plan written and whether the write was made.</summary>
    public IReadOnlyDictionary<string, (BucketPlan Plan, bool Written)> Buckets => _buckets;

    /// <inheritdoc />
    public Task BeforeWriteAsync(BucketPlan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        _buckets[plan.Bucket] = (plan, false);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task AfterWriteAsync(BucketPlan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        _buckets[plan.Bucket] = (plan, true);
        return Task.CompletedTask;
    }
}

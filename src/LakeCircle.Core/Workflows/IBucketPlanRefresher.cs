using LakeCircle.Core.Planning;

namespace LakeCircle.Core.Workflows;

/// <summary>
/// A step just before a bucket's write, before the <see cref="IBucketWriteObserver"/>s: it may read the bucket again
/// and hand back the plan to write instead (such as one made from a configuration that changed since the plan).
/// </summary>
internal interface IBucketPlanRefresher
{
    /// <summary>Confirms or replaces a bucket's plan. When it throws, the bucket is not written and fails.</summary>
    /// <param name="plan">The plan made when the run planned.</param>
    /// <param name="cancellationToken">Cancels the step.</param>
    /// <returns>The plan to write (the same one when nothing changed) and a note for the run's report, if any.</returns>
    Task<RefreshedPlan> RefreshAsync(BucketPlan plan, CancellationToken cancellationToken);
}

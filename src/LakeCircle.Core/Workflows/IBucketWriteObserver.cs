using LakeCircle.Core.Planning;

namespace LakeCircle.Core.Workflows;

/// <summary>
/// Steps around each bucket's lifecycle write during a sync: before it (such as saving the current configuration
/// so the change can be undone) and after it (such as reading the configuration back to verify it).
/// </summary>
internal interface IBucketWriteObserver
{
    /// <summary>Runs before the write. When it throws, the write is not made and the bucket fails.</summary>
    /// <param name="plan">The bucket's plan (its <see cref="BucketPlan.Actual"/> is the configuration about to be replaced).</param>
    /// <param name="cancellationToken">Cancels the step.</param>
    /// <returns>A task that completes when the step is done.</returns>
    Task BeforeWriteAsync(BucketPlan plan, CancellationToken cancellationToken);

    /// <summary>
    /// Runs after a successful write. When it throws, the bucket fails (its write stays made) — except with a
    /// <see cref="WriteNotVisibleException"/>, which makes it <see cref="BucketResult.AppliedNotVisible"/>.
    /// </summary>
    /// <param name="plan">The bucket's plan.</param>
    /// <param name="cancellationToken">Cancels the step.</param>
    /// <returns>A task that completes when the step is done.</returns>
    Task AfterWriteAsync(BucketPlan plan, CancellationToken cancellationToken);
}

using LakeCircle.Core.Archive;
using LakeCircle.Core.Gateways;
using LakeCircle.Core.Locking;
using LakeCircle.Core.Model;
using LakeCircle.Core.Planning;
using Microsoft.Extensions.Logging;

namespace LakeCircle.Core.Sync;

/// <summary>
/// Reads a bucket's configuration again just before its write. When it differs from the one the plan was made from,
/// the bucket is re-planned from what was just read: the desired configuration is the same, so a re-plan can only keep
/// the planned write or drop it (never add one, so the change limits checked on the plan still hold), and the archive
/// then saves the configuration actually replaced. A bucket that vanished or cannot be read is not written.
/// </summary>
internal static class Recheck
{
    /// <summary>The plan to write now, and a note for the run's report when it was re-planned.</summary>
    /// <exception cref="InvalidOperationException">The bucket no longer exists.</exception>
    /// <exception cref="S3GatewayException">The bucket could not be read.</exception>
    public static async Task<(BucketPlan Plan, string? Note)> RefreshAsync(IS3Gateway gateway, BucketPlan plan, ILogger logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var desired = plan.Desired
            ?? throw new InvalidOperationException($"The plan of bucket '{plan.Bucket}' has no desired configuration to re-plan from.");
        LifecycleConfiguration? fresh;
        try
        {
            fresh = await gateway.GetLifecycleAsync(plan.Bucket, cancellationToken).ConfigureAwait(false);
        }
        catch (S3GatewayException e) when (e.Kind == S3ErrorKind.NoSuchBucket)
        {
            throw new InvalidOperationException($"the bucket '{plan.Bucket}' no longer exists.", e);
        }

        if (ConfigurationComparison.SameConfiguration(plan.Actual, fresh))
        {
            return (plan, null);
        }

        var planned = ConfigurationComparison.ShortFingerprint(plan.Actual);
        var found = ConfigurationComparison.ShortFingerprint(fresh);
        var replanned = Planner.PlanBucket(plan.Bucket, desired, BucketState.Of(fresh));
        var note = replanned.Action == BucketAction.None
            ? $"changed since the plan (configuration {planned} became {found}) and now matches its definition: nothing written."
            : $"changed since the plan (configuration {planned} became {found}): re-planned from the configuration read just before the write.";
        logger.Replanned(plan.Bucket, planned, found);
        return (replanned, note);
    }
}

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
/// the planned write or drop it (never add one, so the change limits checked on the plan still hold; its impact may
/// differ, which <see cref="ChangeGuard.CheckReplanned"/> checks), and the archive
/// then saves the configuration actually replaced. A saved plan (<c>sync --plan</c>) is applied exactly as reviewed
/// instead: a bucket that changed is refused, never re-planned. A bucket that vanished or cannot be read is not written.
/// </summary>
internal static class Recheck
{
    /// <summary>The plan to write now, a note for the run's report when it was re-planned, or why it must not be written.</summary>
    /// <param name="gateway">The account.</param>
    /// <param name="plan">The bucket's plan.</param>
    /// <param name="exact">Refuse a bucket that changed (a saved plan) rather than re-plan it.</param>
    /// <param name="logger">Receives the re-plan event.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <exception cref="InvalidOperationException">The bucket no longer exists.</exception>
    /// <exception cref="S3GatewayException">The bucket could not be read.</exception>
    public static async Task<(BucketPlan Plan, string? Note, string? Refusal)> RefreshAsync(
        IS3Gateway gateway, BucketPlan plan, bool exact, ILogger logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var desired = plan.Desired
            ?? throw new InvalidOperationException($"The plan of bucket '{plan.Bucket}' has no desired configuration to re-plan from.");
        var fresh = await ReadAsync(gateway, plan.Bucket, cancellationToken).ConfigureAwait(false);
        if (ConfigurationComparison.SameConfiguration(plan.Actual, fresh))
        {
            return (plan, null, null);
        }

        var planned = ConfigurationComparison.ShortFingerprint(plan.Actual);
        var found = ConfigurationComparison.ShortFingerprint(fresh);
        if (exact)
        {
            logger.ChangedSincePlan(plan.Bucket, planned, found);
            return (plan, null, ChangedSincePlan(plan.Bucket, plan.Actual, fresh));
        }

        var replanned = Planner.PlanBucket(plan.Bucket, desired, BucketState.Of(fresh)) with { Protected = plan.Protected };
        var note = replanned.Action == BucketAction.None
            ? $"changed since the plan (configuration {planned} became {found}) and now matches its definition: nothing written."
            : $"changed since the plan (configuration {planned} became {found}): re-planned from the configuration read just before the write.";
        logger.Replanned(plan.Bucket, planned, found);
        return (replanned, note, null);
    }

    /// <summary>
    /// For a saved plan, before the first write: why a bucket to change must not be written — its configuration changed
    /// since the plan was made, it vanished, or it cannot be read — or <see langword="null"/> when it is as planned.
    /// </summary>
    public static async Task<string?> CheckUnchangedAsync(IS3Gateway gateway, BucketPlan plan, ILogger logger, CancellationToken cancellationToken)
    {
        LifecycleConfiguration? fresh;
        try
        {
            fresh = await ReadAsync(gateway, plan.Bucket, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is InvalidOperationException or S3GatewayException)
        {
            return $"{plan.Bucket} could not be checked against the plan ({e.Message.TrimEnd('.')}): not applied";
        }

        if (ConfigurationComparison.SameConfiguration(plan.Actual, fresh))
        {
            return null;
        }

        logger.ChangedSincePlan(plan.Bucket, ConfigurationComparison.ShortFingerprint(plan.Actual), ConfigurationComparison.ShortFingerprint(fresh));
        return ChangedSincePlan(plan.Bucket, plan.Actual, fresh);
    }

    /// <summary>The refusal of a bucket that changed since its saved plan was made.</summary>
    public static string ChangedSincePlan(string bucket, LifecycleConfiguration? planned, LifecycleConfiguration? found) =>
        $"{bucket} changed since the plan was made (its configuration is now {ConfigurationComparison.ShortFingerprint(found)}, "
        + $"the plan was made from {ConfigurationComparison.ShortFingerprint(planned)}): not applied; make a new plan";

    private static async Task<LifecycleConfiguration?> ReadAsync(IS3Gateway gateway, string bucket, CancellationToken cancellationToken)
    {
        try
        {
            return await gateway.GetLifecycleAsync(bucket, cancellationToken).ConfigureAwait(false);
        }
        catch (S3GatewayException e) when (e.Kind == S3ErrorKind.NoSuchBucket)
        {
            throw new InvalidOperationException($"the bucket '{bucket}' no longer exists.", e);
        }
    }
}

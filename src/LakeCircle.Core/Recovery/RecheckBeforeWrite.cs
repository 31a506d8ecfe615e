using LakeCircle.Core.Gateways;
using LakeCircle.Core.Model;
using LakeCircle.Core.Planning;
using LakeCircle.Core.Workflows;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace LakeCircle.Core.Recovery;

/// <summary>
/// Reads a bucket's configuration again just before its write. When its fingerprint differs from the one the plan was
/// made from, the bucket is re-planned from what was just read: the desired configuration is the same, so a re-plan can
/// only keep the planned write or drop it (never add one, so the change limits checked on the plan still hold), and the
/// archive then saves the configuration actually replaced. A bucket that vanished or cannot be read is not written.
/// </summary>
internal sealed class RecheckBeforeWrite : IBucketPlanRefresher
{
    private readonly IS3Gateway _gateway;
    private readonly ILogger _logger;

    /// <summary>Creates the re-check.</summary>
    /// <param name="gateway">The account's gateway.</param>
    /// <param name="logger">Receives an event per re-planned bucket; none by default.</param>
    public RecheckBeforeWrite(IS3Gateway gateway, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(gateway);
        _gateway = gateway;
        _logger = logger ?? NullLogger.Instance;
    }

    /// <inheritdoc />
    public async Task<RefreshedPlan> RefreshAsync(BucketPlan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var desired = plan.Desired
            ?? throw new InvalidOperationException($"The plan of bucket '{plan.Bucket}' has no desired configuration to re-plan from.");
        LifecycleConfiguration? fresh;
        try
        {
            fresh = await _gateway.GetLifecycleAsync(plan.Bucket, cancellationToken).ConfigureAwait(false);
        }
        catch (S3GatewayException e) when (e.Kind == S3ErrorKind.NoSuchBucket)
        {
            throw new InvalidOperationException($"the bucket '{plan.Bucket}' no longer exists.", e);
        }

        if (fresh is { Rules.Count: 0 })
        {
            fresh = null;
        }

        if (string.Equals(FullFingerprint(plan.Actual), FullFingerprint(fresh), StringComparison.Ordinal))
        {
            return new RefreshedPlan(plan);
        }

        var planned = Fingerprint(plan.Actual);
        var found = Fingerprint(fresh);
        var state = fresh is null ? BucketState.NoLifecycle : BucketState.Configured(fresh);
        var replanned = Planner.PlanBucket(plan.Bucket, desired, state);
        var note = replanned.Action == BucketAction.None
            ? $"changed since the plan (configuration {planned} became {found}) and now matches its definition: nothing written."
            : $"changed since the plan (configuration {planned} became {found}): re-planned from the configuration read just before the write.";
        RecoveryLog.Replanned(_logger, plan.Bucket, planned, found);
        return new RefreshedPlan(replanned, note);
    }

    private static string? FullFingerprint(LifecycleConfiguration? configuration) =>
        configuration is null || configuration.Rules.Count == 0 ? null : configuration.Fingerprint;

    /// <summary>The fingerprint shown in messages: the first 12 digits, or <c>none</c> for no lifecycle configuration.</summary>
    internal static string Fingerprint(LifecycleConfiguration? configuration) =>
        configuration is null || configuration.Rules.Count == 0 ? "none" : configuration.Fingerprint[..12];
}

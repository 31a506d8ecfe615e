using LakeCircle.Core.Fingerprinting;
using Microsoft.Extensions.Logging;

namespace LakeCircle.Core.Planning;

/// <summary>Logs a computed plan: one event per bucket in its scope, and Debug events per rule in the rule's scope.</summary>
internal static class PlanLogging
{
    public static void Write(ILogger logger, AccountPlan plan)
    {
        foreach (var bucket in plan.Buckets)
        {
            using var scope = logger.BucketScope(bucket.Bucket);
            if (bucket.Status == BucketStatus.Unmanaged)
            {
                logger.BucketUnmanaged();
                continue;
            }

            logger.BucketPlanned(
                Status(bucket.Status), bucket.Added.Count, bucket.Removed.Count, bucket.Changed.Count, bucket.Unchanged.Count, Action(bucket.Action));
            if (logger.IsEnabled(LogLevel.Debug))
            {
                WriteRules(logger, bucket);
            }
        }

        var s = plan.Summary;
        logger.Planned(s.BucketsChanged, s.RulesAdded, s.RulesRemoved, s.RulesChanged, s.BucketsInSync, s.BucketsMissing, s.BucketsUnmanaged, s.BucketsFailed);
    }

    /// <summary>The status as shown in logs and JSON: <c>change</c>, <c>in-sync</c>, <c>missing</c>, <c>unmanaged</c>, <c>error</c>, <c>other-region</c>.</summary>
    public static string Status(BucketStatus status) => status switch
    {
        BucketStatus.Change => "change",
        BucketStatus.InSync => "in-sync",
        BucketStatus.Missing => "missing",
        BucketStatus.Unmanaged => "unmanaged",
        BucketStatus.Error => "error",
        BucketStatus.OtherRegion => "other-region",
        _ => status.ToString().ToLowerInvariant(),
    };

    /// <summary>The action as shown in logs and JSON: <c>put</c>, <c>delete</c>, <c>none</c>.</summary>
    public static string Action(BucketAction action) => action switch
    {
        BucketAction.Put => "put",
        BucketAction.Delete => "delete",
        _ => "none",
    };

    private static void WriteRules(ILogger logger, BucketPlan bucket)
    {
        foreach (var field in bucket.ConfigurationChanges)
        {
            logger.FieldChanged(field.Field, field.Before ?? "(none)", field.After ?? "(none)");
        }

        foreach (var rule in bucket.Added)
        {
            using var scope = logger.RuleScope(CanonicalForm.EffectiveId(rule));
            logger.RuleAdded();
        }

        foreach (var rule in bucket.Removed)
        {
            using var scope = logger.RuleScope(CanonicalForm.EffectiveId(rule));
            logger.RuleRemoved();
        }

        foreach (var change in bucket.Changed)
        {
            using var scope = logger.RuleScope(change.Id);
            foreach (var field in change.Fields)
            {
                logger.FieldChanged(field.Field, field.Before ?? "(none)", field.After ?? "(none)");
            }
        }

        foreach (var rule in bucket.Unchanged)
        {
            using var scope = logger.RuleScope(CanonicalForm.EffectiveId(rule));
            logger.RuleUnchanged();
        }
    }
}

using LakeCircle.Core.Model;

namespace LakeCircle.Core.Validation;

/// <summary>Checks on <see cref="NoncurrentVersionExpiration"/> and each <see cref="NoncurrentVersionTransition"/> of a rule.</summary>
internal static class NoncurrentChecks
{
    /// <summary>Runs the checks.</summary>
    /// <param name="scope">The rule.</param>
    public static void Check(RuleScope scope)
    {
        var rule = scope.Rule;
        if (rule.NoncurrentVersionExpiration is { } expiration)
        {
            const string path = "NoncurrentVersionExpiration";
            if (expiration.NoncurrentDays is not { } days)
            {
                scope.Report(path + ".NoncurrentDays", "NoncurrentDays is required and must be a positive integer, got nothing.");
            }
            else if (days < 1)
            {
                scope.Report(path + ".NoncurrentDays", $"NoncurrentDays must be a positive integer, got {days}.");
            }

            CheckNewerNoncurrentVersions(scope, path, expiration.NewerNoncurrentVersions);
        }

        var transitions = rule.NoncurrentVersionTransitions;
        for (var i = 0; i < transitions.Count; i++)
        {
            var path = $"NoncurrentVersionTransitions[{i}]";
            if (transitions[i] is not { } transition)
            {
                scope.Report(path, "Every entry of NoncurrentVersionTransitions must be a transition, got nothing.");
                continue;
            }

            if (transition.NoncurrentDays is not { } days)
            {
                scope.Report(path + ".NoncurrentDays", "NoncurrentDays is required and must be 0 or a positive integer, got nothing.");
            }
            else if (days < 0)
            {
                scope.Report(path + ".NoncurrentDays", $"NoncurrentDays must be 0 or a positive integer, got {days}.");
            }
            else if (days < S3Limits.InfrequentAccessMinimumDays && S3Limits.IsInfrequentAccess(transition.StorageClass))
            {
                scope.Report(path + ".NoncurrentDays", $"NoncurrentDays must be at least {S3Limits.InfrequentAccessMinimumDays} "
                    + $"for a transition to {transition.StorageClass}, got {days}.");
            }

            CheckNewerNoncurrentVersions(scope, path, transition.NewerNoncurrentVersions);
            ActionChecks.CheckStorageClass(scope, path + ".StorageClass", transition.StorageClass);
        }

        ActionChecks.CheckDistinctClasses(scope, "NoncurrentVersionTransitions", transitions.Select(t => t?.StorageClass).ToList());
    }

    private static void CheckNewerNoncurrentVersions(RuleScope scope, string path, int? value)
    {
        if (value is { } n && n is < S3Limits.MinNewerNoncurrentVersions or > S3Limits.MaxNewerNoncurrentVersions)
        {
            scope.Warn(path + ".NewerNoncurrentVersions", $"NewerNoncurrentVersions should be between "
                + $"{S3Limits.MinNewerNoncurrentVersions} and {S3Limits.MaxNewerNoncurrentVersions} (the documented range), got {n}.");
        }
    }
}

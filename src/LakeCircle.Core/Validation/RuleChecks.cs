using System.Text;
using LakeCircle.Core.Model;

namespace LakeCircle.Core.Validation;

/// <summary>Checks on a rule's own fields: ID, status, presence of an action, legacy prefix.</summary>
internal static class RuleChecks
{
    /// <summary>Runs the rule-level checks.</summary>
    /// <param name="scope">The rule.</param>
    public static void Check(RuleScope scope)
    {
        var rule = scope.Rule;
        if (rule.Id is { Length: > S3Limits.MaxIdLength } id)
        {
            scope.Report("Id", $"ID must be at most {S3Limits.MaxIdLength} characters, got {id.Length}.");
        }

        XmlCharacters.Check(scope, "Id", "An ID", rule.Id);

        if (rule.Status is not (RuleStatus.Enabled or RuleStatus.Disabled))
        {
            scope.Report("Status", $"Status must be exactly '{RuleStatus.Enabled}' or '{RuleStatus.Disabled}' (case-sensitive), got '{rule.Status}'.");
        }

        if (!HasAction(rule))
        {
            scope.Report("", "A rule needs at least one action (Expiration, Transitions, NoncurrentVersionExpiration, "
                + "NoncurrentVersionTransitions or AbortIncompleteMultipartUpload), got none.");
        }

        if (rule.Prefix is not null)
        {
            CheckLegacyPrefix(scope, rule.Prefix);
        }
    }

    private static bool HasAction(LifecycleRule rule) =>
        rule.Expiration is not null || rule.Transitions.Count > 0 || rule.NoncurrentVersionExpiration is not null
        || rule.NoncurrentVersionTransitions.Count > 0 || rule.AbortIncompleteMultipartUpload is not null;

    private static void CheckLegacyPrefix(RuleScope scope, string prefix)
    {
        var rule = scope.Rule;
        if (rule.Filter is not null)
        {
            scope.Report("Prefix", "A rule may have the legacy rule-level Prefix or a Filter, not both; put the prefix in the Filter.");
        }

        CheckPrefix(scope, "Prefix", prefix);

        // "NewerNoncurrentVersions element can only be used in Lifecycle V2": it needs a rule with a Filter.
        if (rule.Filter is null)
        {
            if (rule.NoncurrentVersionExpiration?.NewerNoncurrentVersions is not null)
            {
                scope.Report("NoncurrentVersionExpiration.NewerNoncurrentVersions",
                    "NewerNoncurrentVersions is only accepted in a rule with a Filter, not with the legacy rule-level Prefix.");
            }

            for (var i = 0; i < rule.NoncurrentVersionTransitions.Count; i++)
            {
                if (rule.NoncurrentVersionTransitions[i]?.NewerNoncurrentVersions is not null)
                {
                    scope.Report($"NoncurrentVersionTransitions[{i}].NewerNoncurrentVersions",
                        "NewerNoncurrentVersions is only accepted in a rule with a Filter, not with the legacy rule-level Prefix.");
                }
            }
        }
    }

    /// <summary>
    /// Reports a prefix with a character XML cannot hold (an error), or longer than an object key may be (a warning:
    /// no AWS evidence that S3 refuses a longer lifecycle prefix).
    /// </summary>
    /// <param name="scope">The rule.</param>
    /// <param name="field">The prefix's path below the rule.</param>
    /// <param name="prefix">The prefix.</param>
    public static void CheckPrefix(RuleScope scope, string field, string prefix)
    {
        XmlCharacters.Check(scope, field, "A prefix", prefix);
        var bytes = Encoding.UTF8.GetByteCount(prefix);
        if (bytes > S3Limits.MaxPrefixBytes)
        {
            scope.Warn(field, $"A prefix should be at most {S3Limits.MaxPrefixBytes} bytes in UTF-8 (the longest object key; a longer one matches no object), got {bytes}.");
        }
    }
}

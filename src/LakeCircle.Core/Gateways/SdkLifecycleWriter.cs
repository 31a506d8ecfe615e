using Amazon.S3;
using LakeCircle.Core.Model;
using S3 = Amazon.S3.Model;

namespace LakeCircle.Core.Gateways;

/// <summary>
/// Maps the model to the SDK model for a PUT. Filters use the flat properties (<c>Filter.Prefix</c>, <c>Filter.And</c>, …),
/// which the AWSSDK.S3 4.1 marshaller writes as the XML S3 expects (checked by the tests through
/// <c>PutLifecycleConfigurationRequestMarshaller</c>). Empty collections become <see langword="null"/>, as the SDK has them.
/// </summary>
internal static class SdkLifecycleWriter
{
    public static S3.LifecycleConfiguration ToSdk(LifecycleConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return new S3.LifecycleConfiguration { Rules = [.. configuration.Rules.Select(ToSdk)] };
    }

    public static TransitionDefaultMinimumObjectSize? ToSdkMinimumObjectSize(string? value) =>
        value is null ? null : TransitionDefaultMinimumObjectSize.FindValue(value);

    public static DateTime ToSdkDate(DateTimeOffset value) => value.UtcDateTime;

    private static S3.LifecycleRule ToSdk(LifecycleRule rule) => new()
    {
        Id = rule.Id,
        Status = LifecycleRuleStatus.FindValue(rule.Status),
#pragma warning disable CS0618 // The legacy rule-level prefix is deprecated by S3 but still part of the schema.
        Prefix = rule.Prefix,
#pragma warning restore CS0618
        Filter = rule.Filter is { } filter ? ToSdk(filter) : null,
        Expiration = rule.Expiration is { } e
            ? new S3.LifecycleRuleExpiration { Days = e.Days, Date = e.Date is { } d ? ToSdkDate(d) : null, ExpiredObjectDeleteMarker = e.ExpiredObjectDeleteMarker }
            : null,
        Transitions = rule.Transitions.Count == 0 ? null
            : [.. rule.Transitions.Select(t => new S3.LifecycleTransition
            {
                Days = t.Days,
                Date = t.Date is { } d ? ToSdkDate(d) : null,
                StorageClass = S3StorageClass.FindValue(t.StorageClass),
            })],
        NoncurrentVersionTransitions = rule.NoncurrentVersionTransitions.Count == 0 ? null
            : [.. rule.NoncurrentVersionTransitions.Select(t => new S3.LifecycleRuleNoncurrentVersionTransition
            {
                NoncurrentDays = t.NoncurrentDays,
                NewerNoncurrentVersions = t.NewerNoncurrentVersions,
                StorageClass = S3StorageClass.FindValue(t.StorageClass),
            })],
        NoncurrentVersionExpiration = rule.NoncurrentVersionExpiration is { } n
            ? new S3.LifecycleRuleNoncurrentVersionExpiration { NoncurrentDays = n.NoncurrentDays, NewerNoncurrentVersions = n.NewerNoncurrentVersions }
            : null,
        AbortIncompleteMultipartUpload = rule.AbortIncompleteMultipartUpload is { } a
            ? new S3.LifecycleRuleAbortIncompleteMultipartUpload { DaysAfterInitiation = a.DaysAfterInitiation }
            : null,
    };

    private static S3.LifecycleFilter ToSdk(LifecycleFilter filter) => new()
    {
        Prefix = filter.Prefix,
        Tag = filter.Tag is { } tag ? ToSdk(tag) : null,
        ObjectSizeGreaterThan = filter.ObjectSizeGreaterThan,
        ObjectSizeLessThan = filter.ObjectSizeLessThan,
        And = filter.And is { } and
            ? new S3.LifecycleRuleAndOperator
            {
                Prefix = and.Prefix,
                Tags = and.Tags.Count == 0 ? null : [.. and.Tags.Select(ToSdk)],
                ObjectSizeGreaterThan = and.ObjectSizeGreaterThan,
                ObjectSizeLessThan = and.ObjectSizeLessThan,
            }
            : null,
    };

    private static S3.Tag ToSdk(LifecycleTag tag) => new() { Key = tag.Key, Value = tag.Value };
}

using Amazon.S3;
using LakeCircle.Core.Model;
using S3 = Amazon.S3.Model;

namespace LakeCircle.Core.Gateways;

/// <summary>
/// Maps the SDK model to the model. After a GET, AWSSDK.S3 4.1 puts the filter only in
/// <c>Filter.LifecycleFilterPredicate</c> (an <c>LifecycleAndOperator</c> of operands, or one predicate); a filter built
/// for a PUT uses the flat properties. Both are read. Absent collections are <see langword="null"/> in the SDK.
/// </summary>
internal static class SdkLifecycleReader
{
    public static LifecycleConfiguration FromSdk(S3.LifecycleConfiguration configuration, TransitionDefaultMinimumObjectSize? minimumObjectSize)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return new LifecycleConfiguration
        {
            Rules = (configuration.Rules ?? []).Select(FromSdk).ToValueList(),
            TransitionDefaultMinimumObjectSize = string.IsNullOrEmpty(minimumObjectSize?.Value) ? null : minimumObjectSize.Value,
        };
    }

    public static DateTimeOffset FromSdkDate(DateTime value) => value.Kind switch
    {
        DateTimeKind.Local => new DateTimeOffset(value.ToUniversalTime(), TimeSpan.Zero),
        _ => new DateTimeOffset(DateTime.SpecifyKind(value, DateTimeKind.Utc), TimeSpan.Zero),
    };

    private static LifecycleRule FromSdk(S3.LifecycleRule rule) => new()
    {
        Id = rule.Id,
        Status = rule.Status?.Value ?? "",
#pragma warning disable CS0618 // The legacy rule-level prefix is deprecated by S3 but still part of the schema.
        Prefix = rule.Prefix,
#pragma warning restore CS0618
        Filter = rule.Filter is { } filter ? FromSdk(filter) : null,
        Expiration = rule.Expiration is { } e
            ? new LifecycleExpiration { Days = e.Days, Date = e.Date is { } d ? FromSdkDate(d) : null, ExpiredObjectDeleteMarker = e.ExpiredObjectDeleteMarker }
            : null,
        Transitions = (rule.Transitions ?? [])
            .Select(t => new LifecycleTransition { Days = t.Days, Date = t.Date is { } d ? FromSdkDate(d) : null, StorageClass = t.StorageClass?.Value ?? "" })
            .ToValueList(),
        NoncurrentVersionTransitions = (rule.NoncurrentVersionTransitions ?? [])
            .Select(t => new NoncurrentVersionTransition { NoncurrentDays = t.NoncurrentDays, NewerNoncurrentVersions = t.NewerNoncurrentVersions, StorageClass = t.StorageClass?.Value ?? "" })
            .ToValueList(),
        NoncurrentVersionExpiration = rule.NoncurrentVersionExpiration is { } n
            ? new NoncurrentVersionExpiration { NoncurrentDays = n.NoncurrentDays, NewerNoncurrentVersions = n.NewerNoncurrentVersions }
            : null,
        AbortIncompleteMultipartUpload = rule.AbortIncompleteMultipartUpload is { } a
            ? new AbortIncompleteMultipartUpload { DaysAfterInitiation = a.DaysAfterInitiation }
            : null,
    };

    private static LifecycleFilter FromSdk(S3.LifecycleFilter filter)
    {
        if (filter.LifecycleFilterPredicate is { } predicate)
        {
            return FromPredicate(predicate);
        }

        return new LifecycleFilter
        {
            Prefix = filter.Prefix,
            Tag = filter.Tag is { } tag ? FromSdk(tag) : null,
            ObjectSizeGreaterThan = filter.ObjectSizeGreaterThan,
            ObjectSizeLessThan = filter.ObjectSizeLessThan,
            And = filter.And is { } and
                ? new LifecycleAndOperator
                {
                    Prefix = and.Prefix,
                    Tags = (and.Tags ?? []).Select(FromSdk).ToValueList(),
                    ObjectSizeGreaterThan = and.ObjectSizeGreaterThan,
                    ObjectSizeLessThan = and.ObjectSizeLessThan,
                }
                : null,
        };
    }

    private static LifecycleFilter FromPredicate(S3.LifecycleFilterPredicate predicate) => predicate switch
    {
        S3.LifecycleAndOperator and => new LifecycleFilter { And = FromOperands(and.Operands ?? []) },
        S3.LifecyclePrefixPredicate p => new LifecycleFilter { Prefix = p.Prefix ?? "" },
        S3.LifecycleTagPredicate t => new LifecycleFilter { Tag = t.Tag is { } tag ? FromSdk(tag) : null },
        S3.LifecycleObjectSizeGreaterThanPredicate g => new LifecycleFilter { ObjectSizeGreaterThan = g.ObjectSizeGreaterThan },
        S3.LifecycleObjectSizeLessThanPredicate l => new LifecycleFilter { ObjectSizeLessThan = l.ObjectSizeLessThan },
        _ => throw new NotSupportedException($"Unsupported lifecycle filter predicate {predicate.GetType().Name}."),
    };

    private static LifecycleAndOperator FromOperands(IEnumerable<S3.LifecycleFilterPredicate> operands)
    {
        var and = new LifecycleAndOperator();
        var tags = new List<LifecycleTag>();
        foreach (var operand in operands)
        {
            and = operand switch
            {
                S3.LifecyclePrefixPredicate p => and with { Prefix = p.Prefix ?? "" },
                S3.LifecycleObjectSizeGreaterThanPredicate g => and with { ObjectSizeGreaterThan = g.ObjectSizeGreaterThan },
                S3.LifecycleObjectSizeLessThanPredicate l => and with { ObjectSizeLessThan = l.ObjectSizeLessThan },
                S3.LifecycleTagPredicate { Tag: { } tag } => AddTag(and, tags, FromSdk(tag)),
                _ => throw new NotSupportedException($"Unsupported operand {operand.GetType().Name} in a lifecycle And filter."),
            };
        }

        return and with { Tags = tags.ToValueList() };
    }

    private static LifecycleAndOperator AddTag(LifecycleAndOperator and, List<LifecycleTag> tags, LifecycleTag tag)
    {
        tags.Add(tag);
        return and;
    }

    private static LifecycleTag FromSdk(S3.Tag tag) => new(tag.Key ?? "", tag.Value ?? "");
}

using LakeCircle.Core.Definitions.Reading;
using LakeCircle.Core.Model;

namespace LakeCircle.Core.Definitions;

/// <summary>Reads one rule table (keys spelled as in the S3 API JSON) into a <see cref="LifecycleRule"/>.</summary>
internal static class RuleReader
{
    private static readonly string[] RuleKeys =
    [
        "ID", "Status", "Filter", "Prefix", "Expiration", "Transitions", "NoncurrentVersionExpiration",
        "NoncurrentVersionTransitions", "AbortIncompleteMultipartUpload",
    ];

    private static readonly string[] KnownStatuses = [RuleStatus.Enabled, RuleStatus.Disabled];

    /// <summary>
    /// The known value's one instance when <paramref name="value"/> spells it, so that a large set of definitions holds
    /// one string per status and storage class rather than one per rule; other values as read.
    /// </summary>
    internal static string? Shared(string? value, IReadOnlyList<string> known)
    {
        if (value is not null)
        {
            foreach (var candidate in known)
            {
                if (string.Equals(candidate, value, StringComparison.Ordinal))
                {
                    return candidate;
                }
            }
        }

        return value;
    }

    public static LifecycleRule Read(TableReader rule)
    {
        rule.RuleId = rule.String("ID") is { Length: > 0 } id ? id : null;
        rule.CheckKeys(RuleKeys);
        return new LifecycleRule
        {
            Id = rule.RuleId,
            Status = Shared(rule.String("Status", required: true), KnownStatuses) ?? RuleStatus.Enabled,
            Filter = rule.Child("Filter") is { } filter ? ReadFilter(filter) : null,
            Prefix = rule.String("Prefix"),
            Expiration = rule.Child("Expiration") is { } expiration ? ReadExpiration(expiration) : null,
            Transitions = (rule.Tables("Transitions") ?? []).Select(ReadTransition).ToValueList(),
            NoncurrentVersionExpiration = rule.Child("NoncurrentVersionExpiration") is { } nve ? ReadNoncurrentExpiration(nve) : null,
            NoncurrentVersionTransitions = (rule.Tables("NoncurrentVersionTransitions") ?? []).Select(ReadNoncurrentTransition).ToValueList(),
            AbortIncompleteMultipartUpload = rule.Child("AbortIncompleteMultipartUpload") is { } abort ? ReadAbort(abort) : null,
        };
    }

    private static LifecycleFilter ReadFilter(TableReader filter)
    {
        filter.CheckKeys("Prefix", "Tag", "ObjectSizeGreaterThan", "ObjectSizeLessThan", "And");
        return new LifecycleFilter
        {
            Prefix = filter.String("Prefix"),
            Tag = filter.Child("Tag") is { } tag ? ReadTag(tag) : null,
            ObjectSizeGreaterThan = filter.Int64("ObjectSizeGreaterThan"),
            ObjectSizeLessThan = filter.Int64("ObjectSizeLessThan"),
            And = filter.Child("And") is { } and ? ReadAnd(and) : null,
        };
    }

    private static LifecycleAndOperator ReadAnd(TableReader and)
    {
        and.CheckKeys("Prefix", "Tags", "ObjectSizeGreaterThan", "ObjectSizeLessThan");
        return new LifecycleAndOperator
        {
            Prefix = and.String("Prefix"),
            Tags = (and.Tables("Tags") ?? []).Select(ReadTag).OfType<LifecycleTag>().ToValueList(),
            ObjectSizeGreaterThan = and.Int64("ObjectSizeGreaterThan"),
            ObjectSizeLessThan = and.Int64("ObjectSizeLessThan"),
        };
    }

    private static LifecycleTag? ReadTag(TableReader tag)
    {
        tag.CheckKeys("Key", "Value");
        var key = tag.String("Key", required: true);
        var value = tag.String("Value", required: true);
        return key is null || value is null ? null : new LifecycleTag(key, value);
    }

    private static LifecycleExpiration ReadExpiration(TableReader expiration)
    {
        expiration.CheckKeys("Days", "Date", "ExpiredObjectDeleteMarker");
        return new LifecycleExpiration
        {
            Days = expiration.Int32("Days"),
            Date = expiration.Date("Date"),
            ExpiredObjectDeleteMarker = expiration.Boolean("ExpiredObjectDeleteMarker"),
        };
    }

    private static LifecycleTransition ReadTransition(TableReader transition)
    {
        transition.CheckKeys("Days", "Date", "StorageClass");
        return new LifecycleTransition
        {
            Days = transition.Int32("Days"),
            Date = transition.Date("Date"),
            StorageClass = Shared(transition.String("StorageClass"), StorageClasses.All) ?? "",
        };
    }

    private static NoncurrentVersionExpiration ReadNoncurrentExpiration(TableReader expiration)
    {
        expiration.CheckKeys("NoncurrentDays", "NewerNoncurrentVersions");
        return new NoncurrentVersionExpiration
        {
            NoncurrentDays = expiration.Int32("NoncurrentDays"),
            NewerNoncurrentVersions = expiration.Int32("NewerNoncurrentVersions"),
        };
    }

    private static NoncurrentVersionTransition ReadNoncurrentTransition(TableReader transition)
    {
        transition.CheckKeys("NoncurrentDays", "NewerNoncurrentVersions", "StorageClass");
        return new NoncurrentVersionTransition
        {
            NoncurrentDays = transition.Int32("NoncurrentDays"),
            NewerNoncurrentVersions = transition.Int32("NewerNoncurrentVersions"),
            StorageClass = Shared(transition.String("StorageClass"), StorageClasses.All) ?? "",
        };
    }

    private static AbortIncompleteMultipartUpload ReadAbort(TableReader abort)
    {
        abort.CheckKeys("DaysAfterInitiation");
        return new AbortIncompleteMultipartUpload { DaysAfterInitiation = abort.Int32("DaysAfterInitiation") };
    }
}

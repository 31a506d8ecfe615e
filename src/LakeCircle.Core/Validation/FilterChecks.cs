using LakeCircle.Core.Model;

namespace LakeCircle.Core.Validation;

/// <summary>Checks on a rule's <see cref="LifecycleFilter"/>: predicate count, And, tags, prefix and size bounds.</summary>
internal static class FilterChecks
{
    /// <summary>Runs the filter checks.</summary>
    /// <param name="scope">The rule.</param>
    public static void Check(RuleScope scope)
    {
        if (scope.Rule.Filter is not { } filter)
        {
            return;
        }

        if (filter.PredicateCount > 1)
        {
            scope.Report("Filter", "A filter may set only one of Prefix, Tag, ObjectSizeGreaterThan, ObjectSizeLessThan or And; "
                + $"combine several conditions in And, got {filter.PredicateCount} ({string.Join(", ", TopLevelNames(filter))}).");
        }

        if (filter.Prefix is not null)
        {
            RuleChecks.CheckPrefix(scope, "Filter.Prefix", filter.Prefix);
        }

        if (filter.Tag is not null)
        {
            CheckTag(scope, "Filter.Tag", filter.Tag);
        }

        CheckSizes(scope, "Filter", filter.ObjectSizeGreaterThan, filter.ObjectSizeLessThan);

        if (filter.And is { } and)
        {
            CheckAnd(scope, and);
        }
    }

    /// <summary>Whether the rule's filter has a tag condition.</summary>
    /// <param name="rule">The rule.</param>
    /// <returns><see langword="true"/> when the filter names a tag, alone or in And.</returns>
    public static bool HasTags(LifecycleRule rule) => rule.Filter is { } f && (f.Tag is not null || f.And?.Tags.Count > 0);

    /// <summary>Whether the rule's filter has an object size condition.</summary>
    /// <param name="rule">The rule.</param>
    /// <returns><see langword="true"/> when the filter bounds the object size, alone or in And.</returns>
    public static bool HasSize(LifecycleRule rule) => rule.Filter is { } f
        && (f.ObjectSizeGreaterThan is not null || f.ObjectSizeLessThan is not null
            || f.And?.ObjectSizeGreaterThan is not null || f.And?.ObjectSizeLessThan is not null);

    private static void CheckAnd(RuleScope scope, LifecycleAndOperator and)
    {
        var conditions = (and.Prefix is null ? 0 : 1) + and.Tags.Count
            + (and.ObjectSizeGreaterThan is null ? 0 : 1) + (and.ObjectSizeLessThan is null ? 0 : 1);
        if (conditions < 2)
        {
            scope.Report("Filter.And", $"And must combine at least two conditions (prefix, tags, size bounds), got {conditions}; "
                + "put a single condition directly in the Filter.");
        }

        if (and.Prefix is not null)
        {
            RuleChecks.CheckPrefix(scope, "Filter.And.Prefix", and.Prefix);
        }

        var keys = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < and.Tags.Count; i++)
        {
            var path = $"Filter.And.Tags[{i}]";
            var tag = and.Tags[i];
            CheckTag(scope, path, tag);
            if (tag?.Key is { Length: > 0 } key)
            {
                if (keys.TryGetValue(key, out var first))
                {
                    scope.Report(path + ".Key", $"Tag keys must be unique within a filter; '{key}' is also the key of Tags[{first}].");
                }
                else
                {
                    keys.Add(key, i);
                }
            }
        }

        CheckSizes(scope, "Filter.And", and.ObjectSizeGreaterThan, and.ObjectSizeLessThan);
    }

    private static void CheckTag(RuleScope scope, string path, LifecycleTag? tag)
    {
        var key = tag?.Key ?? "";
        if (key.Length == 0)
        {
            scope.Report(path + ".Key", $"A tag key must be 1 to {S3Limits.MaxTagKeyLength} characters, got an empty key.");
        }
        else if (key.Length > S3Limits.MaxTagKeyLength)
        {
            scope.Report(path + ".Key", $"A tag key must be 1 to {S3Limits.MaxTagKeyLength} characters, got {key.Length}.");
        }

        if (tag?.Value is { Length: > S3Limits.MaxTagValueLength } value)
        {
            scope.Report(path + ".Value", $"A tag value must be at most {S3Limits.MaxTagValueLength} characters, got {value.Length}.");
        }

        XmlCharacters.Check(scope, path + ".Key", "A tag key", tag?.Key);
        XmlCharacters.Check(scope, path + ".Value", "A tag value", tag?.Value);
    }

    private static void CheckSizes(RuleScope scope, string path, long? greater, long? less)
    {
        if (greater is { } g && (g < 0 || g > S3Limits.MaxObjectSize))
        {
            scope.Report(path + ".ObjectSizeGreaterThan",
                $"ObjectSizeGreaterThan must be between 0 and {S3Limits.MaxObjectSize} bytes (1000 TiB, as S3 answers), got {g}.");
        }

        if (less is { } l && (l < 1 || l > S3Limits.MaxObjectSize))
        {
            scope.Report(path + ".ObjectSizeLessThan",
                $"ObjectSizeLessThan must be between 1 and {S3Limits.MaxObjectSize} bytes (1000 TiB, as S3 answers), got {l}.");
        }

        if (greater is { } low && less is { } high && low >= high)
        {
            scope.Report(path + ".ObjectSizeLessThan",
                $"ObjectSizeLessThan must be greater than ObjectSizeGreaterThan ({low}), got {high}.");
        }
    }

    private static IEnumerable<string> TopLevelNames(LifecycleFilter filter)
    {
        if (filter.Prefix is not null) { yield return "Prefix"; }
        if (filter.Tag is not null) { yield return "Tag"; }
        if (filter.ObjectSizeGreaterThan is not null) { yield return "ObjectSizeGreaterThan"; }
        if (filter.ObjectSizeLessThan is not null) { yield return "ObjectSizeLessThan"; }
        if (filter.And is not null) { yield return "And"; }
    }
}

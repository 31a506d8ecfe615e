using LakeCircle.Core.Model;

namespace LakeCircle.Core.Impact;

/// <summary>Whether a rule's filter selects an object version (<c>docs/semantics.md</c> S2, S3).</summary>
internal static class FilterMatch
{
    /// <summary>The answer: a match, no match, or a match that depends on tags the version's record does not carry.</summary>
    internal enum Result
    {
        NoMatch,
        Match,
        DependsOnTags,
    }

    /// <summary>Matches <paramref name="version"/> against the rule's filter, or its legacy prefix when it has no filter.</summary>
    public static Result Of(LifecycleRule rule, ObjectVersion version)
    {
        var c = Conditions.Of(rule);
        if (c.Prefix is { } prefix && !version.Key.StartsWith(prefix, StringComparison.Ordinal))
        {
            return Result.NoMatch;
        }

        if (c.GreaterThan is { } greater && version.Size <= greater)
        {
            return Result.NoMatch;
        }

        if (c.LessThan is { } less && version.Size >= less)
        {
            return Result.NoMatch;
        }

        if (c.Tags.Count == 0)
        {
            return Result.Match;
        }

        if (version.Tags is not { } tags)
        {
            return Result.DependsOnTags;
        }

        foreach (var tag in c.Tags)
        {
            if (!tags.Any(t => string.Equals(t.Key, tag.Key, StringComparison.Ordinal) && string.Equals(t.Value, tag.Value, StringComparison.Ordinal)))
            {
                return Result.NoMatch;
            }
        }

        return Result.Match;
    }

    /// <summary>Whether the rule's filter sets an object size bound (which overrides the 128 KB transition default).</summary>
    public static bool HasSizeBound(LifecycleRule rule)
    {
        var c = Conditions.Of(rule);
        return c.GreaterThan is not null || c.LessThan is not null;
    }

    /// <summary>A rule's filter flattened into its conditions, all of which must hold.</summary>
    internal readonly record struct Conditions(string? Prefix, long? GreaterThan, long? LessThan, IReadOnlyList<LifecycleTag> Tags)
    {
        public static Conditions Of(LifecycleRule rule)
        {
            if (rule.Filter is not { } f)
            {
                return new Conditions(string.IsNullOrEmpty(rule.Prefix) ? null : rule.Prefix, null, null, []);
            }

            var tags = new List<LifecycleTag>();
            if (f.Tag is { } tag)
            {
                tags.Add(tag);
            }

            string? prefix = f.Prefix;
            long? greater = f.ObjectSizeGreaterThan;
            long? less = f.ObjectSizeLessThan;
            if (f.And is { } and)
            {
                prefix ??= and.Prefix;
                greater ??= and.ObjectSizeGreaterThan;
                less ??= and.ObjectSizeLessThan;
                tags.AddRange(and.Tags);
            }

            return new Conditions(string.IsNullOrEmpty(prefix) ? null : prefix, greater, less, tags);
        }
    }
}

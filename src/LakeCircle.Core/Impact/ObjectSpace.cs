using LakeCircle.Core.Model;

namespace LakeCircle.Core.Impact;

/// <summary>
/// The object versions two configurations can tell apart, cut into finitely many cells: every object version behaves
/// like the representative of its cell under both configurations, so comparing the representatives compares every
/// version. See <c>docs/impact.md</c> "Why the analysis is exact".
/// </summary>
internal sealed class ObjectSpace
{
    /// <summary>Above this many cells the space is not enumerated (the analysis then says so and assumes the worst).</summary>
    internal const int MaxCells = 200_000;

    private ObjectSpace(
        IReadOnlyList<string> keys, IReadOnlyList<IReadOnlyList<LifecycleTag>> tagSets, IReadOnlyList<long> sizes,
        IReadOnlyList<int> newerCounts, IReadOnlyList<string> tagKeys,
        IReadOnlyDictionary<string, IReadOnlyList<string>> tagValues)
    {
        Keys = keys;
        TagSets = tagSets;
        Sizes = sizes;
        NewerCounts = newerCounts;
        TagKeys = tagKeys;
        TagValues = tagValues;
    }

    /// <summary>
    /// One key per prefix either configuration names, and the empty key (for keys under none of them): a key starts
    /// with the same named prefixes as the longest named prefix it starts with.
    /// </summary>
    public IReadOnlyList<string> Keys { get; }

    /// <summary>
    /// Tag sets standing for every combination of the tag conditions (for each tag key, one of its named values or none
    /// of them): one per distinct answer the rules' tag conditions give.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<LifecycleTag>> TagSets { get; }

    /// <summary>The first size of each size range within which every size bound (and the 128 KB default) answers alike.</summary>
    public IReadOnlyList<long> Sizes { get; }

    /// <summary>The creation (or noncurrent) time of a probe whose rules have no date: any day behaves alike.</summary>
    public static DateTimeOffset Origin { get; } = new(2020, 1, 1, 12, 0, 0, TimeSpan.Zero);

    /// <summary>Counts of newer noncurrent versions on both sides of every <c>NewerNoncurrentVersions</c> named.</summary>
    public IReadOnlyList<int> NewerCounts { get; }

    /// <summary>The enabled rules of both configurations, current first; bit <c>i</c> of a mask is rule <c>i</c>.</summary>
    public required IReadOnlyList<LifecycleRule> Rules { get; init; }

    /// <summary>How many of <see cref="Rules"/> are the current configuration's.</summary>
    public required int CurrentCount { get; init; }

    /// <summary>For each key, the rules whose prefix condition it meets.</summary>
    public required IReadOnlyList<RuleMask> KeyMasks { get; init; }

    /// <summary>For each tag set, the rules whose tag conditions it meets.</summary>
    public required IReadOnlyList<RuleMask> TagMasks { get; init; }

    /// <summary>For each size, the rules whose size bounds it meets.</summary>
    public required IReadOnlyList<RuleMask> SizeMasks { get; init; }

    /// <summary>
    /// Creation times (midday UTC) around every point where a <c>Date</c> and a <c>Days</c> action of the given rules
    /// cross; <see cref="Origin"/> alone when none has a date (then every creation day behaves alike).
    /// </summary>
    public static IReadOnlyList<DateTimeOffset> CreationTimesOf(IEnumerable<LifecycleRule> rules) => CreationTimes([.. rules]);

    /// <summary>Counts of newer noncurrent versions on both sides of every <c>NewerNoncurrentVersions</c> of the given rules, and 0.</summary>
    public static IReadOnlyList<int> NewerCountsOf(IEnumerable<LifecycleRule> rules)
    {
        var newer = new SortedSet<int> { 0 };
        foreach (var rule in rules)
        {
            foreach (var n in rule.NoncurrentVersionTransitions.Select(t => t.NewerNoncurrentVersions)
                .Append(rule.NoncurrentVersionExpiration?.NewerNoncurrentVersions))
            {
                if (n is { } count && count > 0)
                {
                    newer.Add(count - 1);
                    newer.Add(count);
                }
            }
        }

        return [.. newer];
    }

    /// <summary>The tag keys the filters name, in ordinal order.</summary>
    public IReadOnlyList<string> TagKeys { get; }

    /// <summary>The values named for each tag key.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> TagValues { get; }

    /// <summary>The number of (key, tags, size) cells.</summary>
    public long CellCount => (long)Keys.Count * TagSets.Count * Sizes.Count;

    /// <summary>The space of both configurations, or <see langword="null"/> when it has more than <see cref="MaxCells"/> cells.</summary>
    public static ObjectSpace? Of(LifecycleConfiguration current, LifecycleConfiguration desired)
    {
        static bool Enabled(LifecycleRule r) => string.Equals(r.Status, RuleStatus.Enabled, StringComparison.Ordinal);
        var rules = current.Rules.Where(Enabled).Concat(desired.Rules.Where(Enabled)).ToList();
        var currentCount = current.Rules.Count(Enabled);
        var conditions = rules.Select(FilterMatch.Conditions.Of).ToList();

        var keys = new SortedSet<string>(StringComparer.Ordinal) { "" };
        var sizes = new SortedSet<long> { 0, LifecycleEvaluator.DefaultMinimumTransitionSize };
        var tagValues = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var c in conditions)
        {
            if (c.Prefix is { } prefix)
            {
                keys.Add(prefix);
            }

            if (c.GreaterThan is { } greater && greater < long.MaxValue)
            {
                sizes.Add(Math.Max(0, greater + 1));
            }

            if (c.LessThan is { } less)
            {
                sizes.Add(Math.Max(0, less));
            }

            foreach (var tag in c.Tags)
            {
                if (!tagValues.TryGetValue(tag.Key, out var values))
                {
                    tagValues[tag.Key] = values = new SortedSet<string>(StringComparer.Ordinal);
                }

                values.Add(tag.Value);
            }
        }

        // Tag sets: one per distinct answer of the rules' tag conditions (combinations that answer alike are one).
        var tagSets = new List<(RuleMask Mask, IReadOnlyList<LifecycleTag> Tags)> { (RuleMask.All(rules.Count), Array.Empty<LifecycleTag>()) };
        foreach (var (key, values) in tagValues)
        {
            var next = new Dictionary<RuleMask, IReadOnlyList<LifecycleTag>>();
            foreach (var (mask, set) in tagSets)
            {
                foreach (var value in values.Select(v => (string?)v).Append(null))
                {
                    var narrowed = mask.Copy();
                    for (var i = 0; i < rules.Count; i++)
                    {
                        foreach (var tag in conditions[i].Tags)
                        {
                            if (string.Equals(tag.Key, key, StringComparison.Ordinal) && !string.Equals(tag.Value, value, StringComparison.Ordinal))
                            {
                                narrowed.Clear(i);
                            }
                        }
                    }

                    next.TryAdd(narrowed, value is null ? set : [.. set, new LifecycleTag(key, value)]);
                }
            }

            tagSets = [.. next.Select(n => (n.Key, n.Value))];
            if ((long)tagSets.Count * keys.Count * sizes.Count > MaxCells)
            {
                return null;
            }
        }

        var newer = NewerCountsOf(rules);
        var keyList = keys.ToList();
        var sizeList = sizes.ToList();
        var keyMasks = keyList.Select(k => RuleMask.Where(rules.Count, i => conditions[i].Prefix is not { } p || k.StartsWith(p, StringComparison.Ordinal))).ToList();
        var sizeMasks = sizeList.Select(z => RuleMask.Where(rules.Count,
            i => (conditions[i].GreaterThan is not { } g || z > g) && (conditions[i].LessThan is not { } l || z < l))).ToList();
        return new ObjectSpace(
            keyList, tagSets.Select(t => t.Tags).ToList(), sizeList, [.. newer], [.. tagValues.Keys],
            tagValues.ToDictionary(t => t.Key, t => (IReadOnlyList<string>)[.. t.Value], StringComparer.Ordinal))
        {
            Rules = rules,
            CurrentCount = currentCount,
            KeyMasks = keyMasks,
            TagMasks = tagSets.Select(t => t.Mask).ToList(),
            SizeMasks = sizeMasks,
        };
    }

    /// <summary>
    /// The eligibility day of a <c>Days</c> action is the creation day plus the days plus one (midday creation), that of a
    /// <c>Date</c> action the later of the date and the day after creation: two actions can only change order where
    /// a creation day makes them equal. Around each such day, and far before and after all of them, is enough.
    /// </summary>
    private static List<DateTimeOffset> CreationTimes(List<LifecycleRule> rules)
    {
        var dates = new SortedSet<DateTimeOffset>();
        var days = new SortedSet<int> { 0 };
        foreach (var rule in rules)
        {
            Add(rule.Expiration?.Date, rule.Expiration?.Days);
            foreach (var t in rule.Transitions)
            {
                Add(t.Date, t.Days);
            }
        }

        if (dates.Count == 0)
        {
            return [Origin];
        }

        var creations = new SortedSet<DateTimeOffset>();
        foreach (var date in dates)
        {
            var day = new DateTimeOffset(date.UtcDateTime.Date, TimeSpan.Zero).AddHours(12);
            foreach (var n in days)
            {
                for (var delta = -2; delta <= 0; delta++)
                {
                    creations.Add(day.AddDays(-n + delta));
                }
            }
        }

        creations.Add(creations.Min.AddDays(-days.Max - 5));
        creations.Add(creations.Max.AddDays(5));
        return [.. creations];

        void Add(DateTimeOffset? date, int? count)
        {
            if (date is { } d)
            {
                dates.Add(d);
            }

            if (count is { } n && n >= 0)
            {
                days.Add(n);
            }
        }
    }
}

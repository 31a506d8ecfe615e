using LakeCircle.Core.Fingerprinting;
using LakeCircle.Core.Model;

namespace LakeCircle.Core.Tests.Support;

/// <summary>
/// Generates valid lifecycle configurations over the whole schema from a seed: every kind of filter (none, empty,
/// prefix, tag, size bounds, And), current and noncurrent expirations and transitions, multipart abort, disabled
/// rules, rules without ID, with and without TransitionDefaultMinimumObjectSize. The same seed gives the same
/// sequence. See <see cref="ConfigurationMutator"/> for changes that keep or change the meaning.
/// </summary>
internal sealed class ConfigurationGenerator(int seed)
{
    private static readonly string[] Prefixes = ["logs/", "tmp/", "data/raw/", "archive/2024/", "a", "images/thumbs/", "x-y_z.(1)", "é/ü space"];
    private static readonly string[] TagKeys = ["env", "team", "tier", "retention", "owner", "Name"];
    private static readonly string[] TagValues = ["prod", "dev", "", "gold", "7y", "a b", "x=y"];

    public Random Random { get; } = new(seed);

    public LifecycleConfiguration Configuration(int minRules = 1, int maxRules = 6)
    {
        var count = Random.Next(minRules, maxRules + 1);
        var rules = new List<LifecycleRule>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        while (rules.Count < count)
        {
            var rule = Rule(Random.Next(7) == 0 ? null : $"rule-{Random.Next(1000):D3}");
            if (ids.Add(CanonicalForm.EffectiveId(rule)))
            {
                rules.Add(rule);
            }
        }

        return new LifecycleConfiguration { Rules = rules.ToValueList(), TransitionDefaultMinimumObjectSize = Tdmos() };
    }

    public string? Tdmos() => Random.Next(3) switch
    {
        0 => null,
        1 => TransitionDefaultMinimumObjectSizes.AllStorageClasses128K,
        _ => TransitionDefaultMinimumObjectSizes.VariesByStorageClass,
    };

    public LifecycleRule Rule(string? id)
    {
        var (filter, legacyPrefix, narrowed) = FilterShape();
        var rule = new LifecycleRule
        {
            Id = id,
            Status = Random.Next(4) == 0 ? RuleStatus.Disabled : RuleStatus.Enabled,
            Filter = filter,
            Prefix = legacyPrefix,
        };

        // Pick actions until at least one is set.
        while (true)
        {
            var useDates = Random.Next(5) == 0;
            var transitions = Random.Next(2) == 0 ? Transitions(useDates) : ValueList<LifecycleTransition>.Empty;
            rule = rule with
            {
                Transitions = transitions,
                Expiration = Random.Next(2) == 0 ? Expiration(useDates, transitions, allowMarker: !narrowed) : null,
                NoncurrentVersionExpiration = Random.Next(3) == 0 ? NoncurrentExpiration() : null,
                NoncurrentVersionTransitions = Random.Next(3) == 0 ? NoncurrentTransitions() : ValueList<NoncurrentVersionTransition>.Empty,
                AbortIncompleteMultipartUpload = !narrowed && Random.Next(3) == 0 ? new AbortIncompleteMultipartUpload { DaysAfterInitiation = Random.Next(1, 30) } : null,
            };
            if (rule.Expiration is not null || rule.Transitions.Count > 0 || rule.NoncurrentVersionExpiration is not null
                || rule.NoncurrentVersionTransitions.Count > 0 || rule.AbortIncompleteMultipartUpload is not null)
            {
                return rule;
            }
        }
    }

    public LifecycleTag Tag() => new(Pick(TagKeys), Pick(TagValues));

    public T Pick<T>(IReadOnlyList<T> items) => items[Random.Next(items.Count)];

    public DateTimeOffset Date() => new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero).AddDays(Random.Next(0, 3650));

    /// <summary>A filter shape; <c>narrowed</c> is true when it uses tags or sizes (which exclude some actions).</summary>
    private (LifecycleFilter? Filter, string? LegacyPrefix, bool Narrowed) FilterShape()
    {
        switch (Random.Next(9))
        {
            case 0: return (null, null, false);
            case 1: return (LifecycleFilter.MatchAll, null, false);
            case 2: return (new LifecycleFilter { Prefix = Pick(Prefixes) }, null, false);
            case 3: return (null, Pick(Prefixes), false);
            case 4: return (new LifecycleFilter { Tag = Tag() }, null, true);
            case 5: return (new LifecycleFilter { ObjectSizeGreaterThan = Random.Next(0, 1 << 20) }, null, true);
            case 6: return (new LifecycleFilter { ObjectSizeLessThan = Random.Next(1, 1 << 20) }, null, true);
            default:
                // And with at least two conditions, distinct tag keys.
                var tags = TagKeys.OrderBy(_ => Random.Next()).Take(Random.Next(0, 4)).Select(k => new LifecycleTag(k, Pick(TagValues))).ToList();
                long? greater = Random.Next(2) == 0 ? Random.Next(0, 1000) : null;
                long? less = Random.Next(2) == 0 ? Random.Next(1000, 1 << 30) : null;
                var prefix = Random.Next(2) == 0 ? Pick(Prefixes) : null;
                while ((prefix is null ? 0 : 1) + tags.Count + (greater is null ? 0 : 1) + (less is null ? 0 : 1) < 2)
                {
                    tags.Add(new LifecycleTag(TagKeys.First(k => tags.TrueForAll(t => t.Key != k)), Pick(TagValues)));
                }

                var and = new LifecycleAndOperator { Prefix = prefix, Tags = tags.ToValueList(), ObjectSizeGreaterThan = greater, ObjectSizeLessThan = less };
                return (new LifecycleFilter { And = and }, null, true);
        }
    }

    private ValueList<LifecycleTransition> Transitions(bool useDates)
    {
        // Distinct classes in waterfall order, at increasing times.
        var classes = StorageClasses.All.Where(_ => Random.Next(3) == 0).ToList();
        if (classes.Count == 0)
        {
            classes.Add(Pick(StorageClasses.All));
        }

        var days = 30;
        var date = Date();
        var list = new List<LifecycleTransition>();
        foreach (var storageClass in classes)
        {
            days += Random.Next(1, 200);
            date = date.AddDays(Random.Next(1, 200));
            list.Add(useDates ? new LifecycleTransition { Date = date, StorageClass = storageClass } : new LifecycleTransition { Days = days, StorageClass = storageClass });
        }

        return list.ToValueList();
    }

    private LifecycleExpiration Expiration(bool useDates, ValueList<LifecycleTransition> transitions, bool allowMarker)
    {
        if (allowMarker && Random.Next(5) == 0)
        {
            return new LifecycleExpiration { ExpiredObjectDeleteMarker = true };
        }

        if (useDates)
        {
            var last = transitions.Count > 0 ? transitions[^1].Date!.Value : Date();
            return new LifecycleExpiration { Date = last.AddDays(Random.Next(1, 400)) };
        }

        var after = transitions.Count > 0 ? transitions[^1].Days!.Value : 0;
        return new LifecycleExpiration { Days = after + Random.Next(1, 400) };
    }

    private NoncurrentVersionExpiration NoncurrentExpiration() => new()
    {
        NoncurrentDays = Random.Next(1, 400),
        NewerNoncurrentVersions = Random.Next(2) == 0 ? Random.Next(1, 101) : null,
    };

    private ValueList<NoncurrentVersionTransition> NoncurrentTransitions()
    {
        var days = 30;
        return StorageClasses.All
            .Where(_ => Random.Next(3) == 0)
            .DefaultIfEmpty(StorageClasses.Glacier)
            .Select(c => new NoncurrentVersionTransition
            {
                NoncurrentDays = days += Random.Next(1, 100),
                NewerNoncurrentVersions = Random.Next(3) == 0 ? Random.Next(1, 101) : null,
                StorageClass = c,
            })
            .ToValueList();
    }
}

using LakeCircle.Core.Impact;
using LakeCircle.Core.Model;

namespace LakeCircle.Core.Tests.Impact;

/// <summary>
/// Random configurations and random object versions: whatever the analysis calls not destructive deletes no drawn
/// version sooner, and whatever it calls neither destructive nor archiving sooner moves none to a colder class sooner.
/// </summary>
public sealed class ImpactPropertyTests
{
    private static readonly string[] Prefixes = ["", "a", "a/", "a/b", "b/", "ab"];
    private static readonly string[] Classes = ["STANDARD_IA", "INTELLIGENT_TIERING", "ONEZONE_IA", "GLACIER_IR", "GLACIER", "DEEP_ARCHIVE"];
    private static readonly long[] Sizes = [0, 1, 100, 1000, 131071, 131072, 131073, 1 << 20];
    private static readonly DateTimeOffset Origin = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    [TestCase(4)]
    public void NotDestructive_MeansNoDrawnVersionIsDeletedSooner(int seed)
    {
        var random = new Random(seed);
        var checkedPairs = 0;
        var destructive = 0;
        for (var pair = 0; pair < 400; pair++)
        {
            var current = Configuration(random);
            var desired = random.Next(3) == 0 ? Mutate(random, current) : Configuration(random);
            var impact = ImpactAnalyzer.Compare(current, desired);
            if (impact.IsDestructive)
            {
                destructive++;
            }

            for (var i = 0; i < 60; i++)
            {
                var version = Version(random);
                var versioning = version.IsCurrent ? BucketVersioning.Unversioned : BucketVersioning.Enabled;
                var before = LifecycleEvaluator.Evaluate(current, version, versioning);
                var after = LifecycleEvaluator.Evaluate(desired, version, versioning);
                var deletedSooner = after.Removal is { } a && (before.Removal is not { } b || a.Date < b.Date);
                if (deletedSooner)
                {
                    impact.Kind.Should().Be(ImpactKind.Destructive,
                        $"{Describe(version)} is deleted on {after.Removal!.Date:yyyy-MM-dd} instead of {before.Removal?.Date.ToString("yyyy-MM-dd") ?? "never"}\ncurrent: {Describe(current)}\ndesired: {Describe(desired)}");
                }

                if (impact.Kind < ImpactKind.ArchivesSooner && ArchivedSooner(before, after) is { } date)
                {
                    Assert.Fail($"{Describe(version)} is archived sooner on {date:yyyy-MM-dd} but the change is {impact.Kind}\ncurrent: {Describe(current)}\ndesired: {Describe(desired)}");
                }

                checkedPairs++;
            }
        }

        checkedPairs.Should().Be(400 * 60);
        destructive.Should().BeInRange(40, 360, "the draw must exercise both answers");
    }

    [Test]
    public void IdenticalMeaning_IsNeverClassified()
    {
        var random = new Random(7);
        for (var i = 0; i < 200; i++)
        {
            var configuration = Configuration(random);
            var reordered = configuration with { Rules = ValueList<LifecycleRule>.From(configuration.Rules.Reverse()) };

            ImpactAnalyzer.Compare(configuration, reordered).Kind.Should().Be(ImpactKind.None);
        }
    }

    private static DateTimeOffset? ArchivedSooner(ObjectSchedule before, ObjectSchedule after)
    {
        var end = Min(before.Removal?.Date, after.Removal?.Date);
        foreach (var step in after.Actions.Where(s => s.Kind == ScheduledActionKind.Transition && s.Noncurrent == !after.Object.IsCurrent))
        {
            if (end is { } e && step.Date >= e)
            {
                break;
            }

            if (Rank(step.StorageClass) > Rank(before.StorageClassOn(step.Date)))
            {
                return step.Date;
            }
        }

        return null;
    }

    private static DateTimeOffset? Min(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a < b ? a : b;

    private static int Rank(string? storageClass) => storageClass is null ? 0 : Array.IndexOf(Classes, storageClass) + 1;

    private static LifecycleConfiguration Configuration(Random random)
    {
        var rules = Enumerable.Range(0, random.Next(0, 4)).Select(i => Rule(random, $"r{i}")).ToArray();
        return new LifecycleConfiguration
        {
            Rules = ValueList.Of(rules),
            TransitionDefaultMinimumObjectSize = random.Next(4) == 0 ? "varies_by_storage_class" : null,
        };
    }

    private static LifecycleConfiguration Mutate(Random random, LifecycleConfiguration configuration)
    {
        if (configuration.Rules.Count == 0)
        {
            return Configuration(random);
        }

        var rules = configuration.Rules.ToList();
        var index = random.Next(rules.Count);
        switch (random.Next(4))
        {
            case 0:
                rules.RemoveAt(index);
                break;
            case 1:
                rules[index] = rules[index] with { Status = rules[index].Status == RuleStatus.Enabled ? RuleStatus.Disabled : RuleStatus.Enabled };
                break;
            case 2:
                rules[index] = rules[index] with { Filter = Filter(random) };
                break;
            default:
                rules[index] = Rule(random, rules[index].Id!) with { Filter = rules[index].Filter };
                break;
        }

        return configuration with { Rules = ValueList<LifecycleRule>.From(rules) };
    }

    private static LifecycleRule Rule(Random random, string id)
    {
        var rule = new LifecycleRule
        {
            Id = id,
            Status = random.Next(6) == 0 ? RuleStatus.Disabled : RuleStatus.Enabled,
            Filter = random.Next(8) == 0 ? null : Filter(random),
            Prefix = random.Next(8) == 0 ? Pick(random, Prefixes) : null,
        };
        if (random.Next(2) == 0)
        {
            rule = rule with
            {
                Expiration = random.Next(5) == 0
                    ? new LifecycleExpiration { Date = Origin.AddDays(random.Next(-30, 120)) }
                    : new LifecycleExpiration { Days = random.Next(1, 90) },
            };
        }

        if (random.Next(2) == 0)
        {
            rule = rule with
            {
                Transitions = ValueList.Of(Enumerable.Range(0, random.Next(1, 3)).Select(_ => random.Next(6) == 0
                    ? new LifecycleTransition { Date = Origin.AddDays(random.Next(-30, 120)), StorageClass = Pick(random, Classes) }
                    : new LifecycleTransition { Days = random.Next(0, 90), StorageClass = Pick(random, Classes) }).ToArray()),
            };
        }

        if (random.Next(3) == 0)
        {
            rule = rule with
            {
                NoncurrentVersionExpiration = new NoncurrentVersionExpiration
                {
                    NoncurrentDays = random.Next(1, 60),
                    NewerNoncurrentVersions = random.Next(2) == 0 ? random.Next(1, 5) : null,
                },
            };
        }

        if (random.Next(3) == 0)
        {
            rule = rule with
            {
                NoncurrentVersionTransitions = ValueList.Of(new NoncurrentVersionTransition
                {
                    NoncurrentDays = random.Next(0, 60),
                    StorageClass = Pick(random, Classes),
                    NewerNoncurrentVersions = random.Next(3) == 0 ? random.Next(1, 4) : null,
                }),
            };
        }

        return rule;
    }

    private static LifecycleFilter Filter(Random random)
    {
        switch (random.Next(6))
        {
            case 0:
                return LifecycleFilter.MatchAll;
            case 1:
                return new LifecycleFilter { Prefix = Pick(random, Prefixes) };
            case 2:
                return new LifecycleFilter { Tag = Tag(random) };
            case 3:
                return new LifecycleFilter { ObjectSizeGreaterThan = Pick(random, Sizes) };
            case 4:
                return new LifecycleFilter { ObjectSizeLessThan = Pick(random, Sizes) };
            default:
                var greater = random.Next(2) == 0 ? Pick(random, Sizes) : (long?)null;
                return new LifecycleFilter
                {
                    And = new LifecycleAndOperator
                    {
                        Prefix = random.Next(2) == 0 ? Pick(random, Prefixes) : null,
                        Tags = ValueList.Of(Enumerable.Range(0, random.Next(0, 3)).Select(_ => Tag(random)).DistinctBy(t => t.Key).ToArray()),
                        ObjectSizeGreaterThan = greater,
                        ObjectSizeLessThan = random.Next(2) == 0 ? (greater ?? 0) + Pick(random, Sizes) + 1 : null,
                    },
                };
        }
    }

    private static LifecycleTag Tag(Random random) => new($"k{random.Next(1, 3)}", $"v{random.Next(1, 3)}");

    private static ObjectVersion Version(Random random)
    {
        var key = new string(Enumerable.Range(0, random.Next(0, 5)).Select(_ => "ab/c"[random.Next(4)]).ToArray());
        var tags = Enumerable.Range(1, 2).Where(_ => random.Next(2) == 0).Select(k => new LifecycleTag($"k{k}", $"v{random.Next(1, 4)}")).ToArray();
        var size = random.Next(3) == 0 ? Pick(random, Sizes) + random.Next(-1, 2) : random.NextInt64(0, 4L << 20);
        var created = Origin.AddDays(random.Next(-200, 200)).AddMinutes(random.Next(0, 24 * 60));
        var version = new ObjectVersion { Key = key, Tags = ValueList.Of(tags), Size = Math.Max(0, size), Created = created };
        return random.Next(3) == 0
            ? version with { IsCurrent = false, NoncurrentSince = created.AddDays(random.Next(0, 50)).AddMinutes(random.Next(0, 24 * 60)), NewerNoncurrentVersions = random.Next(0, 7) }
            : version;
    }

    private static T Pick<T>(Random random, T[] items) => items[random.Next(items.Length)];

    private static string Describe(ObjectVersion v) =>
        $"{(v.IsCurrent ? "current" : $"noncurrent(since {v.NoncurrentSince:yyyy-MM-dd HH:mm}, newer {v.NewerNoncurrentVersions})")} '{v.Key}' size {v.Size} tags [{string.Join(",", v.Tags!)}] created {v.Created:yyyy-MM-dd HH:mm}";

    private static string Describe(LifecycleConfiguration c) =>
        (c.TransitionDefaultMinimumObjectSize ?? "-") + " " + string.Join(" | ", c.Rules.Select(r => System.Text.Json.JsonSerializer.Serialize(r)));
}

using LakeCircle.Core.Model;

namespace LakeCircle.Core.Tests.Gateways;

/// <summary>Rule and configuration shapes covering every field of the schema, shared by the mapping tests.</summary>
internal static class LifecycleShapes
{
    public static readonly DateTimeOffset Date = new(2027, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static LifecycleRule Everything { get; } = new()
    {
        Id = "everything",
        Status = RuleStatus.Enabled,
        Filter = new LifecycleFilter
        {
            And = new LifecycleAndOperator
            {
                Prefix = "a/",
                Tags = ValueList.Of(new LifecycleTag("k", "v"), new LifecycleTag("k2", "")),
                ObjectSizeGreaterThan = 1,
                ObjectSizeLessThan = 1_000_000,
            },
        },
        Expiration = new LifecycleExpiration { Days = 30 },
        Transitions = ValueList.Of(
            new LifecycleTransition { Days = 30, StorageClass = StorageClasses.StandardIA },
            new LifecycleTransition { Days = 90, StorageClass = StorageClasses.Glacier }),
        NoncurrentVersionTransitions = ValueList.Of(new NoncurrentVersionTransition { NoncurrentDays = 30, NewerNoncurrentVersions = 2, StorageClass = StorageClasses.Glacier }),
        NoncurrentVersionExpiration = new NoncurrentVersionExpiration { NoncurrentDays = 60, NewerNoncurrentVersions = 3 },
        AbortIncompleteMultipartUpload = new AbortIncompleteMultipartUpload { DaysAfterInitiation = 7 },
    };

    public static IEnumerable<TestCaseData> Rules() => NamedRules().Select(r => new TestCaseData(r.Rule).SetArgDisplayNames(r.Name));

    private static IEnumerable<(string Name, LifecycleRule Rule)> NamedRules()
    {
        yield return Case("everything", Everything);
        yield return Case("no filter", new LifecycleRule { Id = "r", Expiration = new LifecycleExpiration { Days = 1 } });
        yield return Case("empty filter", new LifecycleRule { Id = "r", Filter = LifecycleFilter.MatchAll, Expiration = new LifecycleExpiration { Days = 1 } });
        yield return Case("empty prefix", new LifecycleRule { Id = "r", Filter = new LifecycleFilter { Prefix = "" }, Expiration = new LifecycleExpiration { Days = 1 } });
        yield return Case("prefix", new LifecycleRule { Id = "r", Filter = new LifecycleFilter { Prefix = "logs/" }, Expiration = new LifecycleExpiration { Days = 1 } });
        yield return Case("tag", new LifecycleRule { Id = "r", Filter = new LifecycleFilter { Tag = new LifecycleTag("a", "b") }, Expiration = new LifecycleExpiration { Days = 1 } });
        yield return Case("greater", new LifecycleRule { Id = "r", Filter = new LifecycleFilter { ObjectSizeGreaterThan = 128 }, Expiration = new LifecycleExpiration { Days = 1 } });
        yield return Case("less", new LifecycleRule { Id = "r", Filter = new LifecycleFilter { ObjectSizeLessThan = 5 }, Expiration = new LifecycleExpiration { Days = 1 } });
        yield return Case("and of tags", new LifecycleRule
        {
            Id = "r",
            Filter = new LifecycleFilter { And = new LifecycleAndOperator { Tags = ValueList.Of(new LifecycleTag("a", "1"), new LifecycleTag("b", "2")) } },
            Expiration = new LifecycleExpiration { Days = 1 },
        });
        yield return Case("legacy prefix, disabled", new LifecycleRule { Id = "r", Status = RuleStatus.Disabled, Prefix = "old/", Expiration = new LifecycleExpiration { Days = 1 } });
        yield return Case("dates", new LifecycleRule
        {
            Id = "r",
            Filter = new LifecycleFilter { Prefix = "d/" },
            Expiration = new LifecycleExpiration { Date = Date.AddYears(1) },
            Transitions = ValueList.Of(new LifecycleTransition { Date = Date, StorageClass = StorageClasses.DeepArchive }),
        });
        yield return Case("delete markers", new LifecycleRule { Id = "r", Filter = LifecycleFilter.MatchAll, Expiration = new LifecycleExpiration { ExpiredObjectDeleteMarker = true } });
        yield return Case("delete markers false", new LifecycleRule { Id = "r", Expiration = new LifecycleExpiration { Days = 3, ExpiredObjectDeleteMarker = false } });
        yield return Case("transition day zero", new LifecycleRule { Id = "r", Transitions = ValueList.Of(new LifecycleTransition { Days = 0, StorageClass = StorageClasses.IntelligentTiering }) });
        yield return Case("noncurrent only", new LifecycleRule
        {
            Id = "r",
            Filter = LifecycleFilter.MatchAll,
            NoncurrentVersionTransitions = ValueList.Of(
                new NoncurrentVersionTransition { NoncurrentDays = 10, StorageClass = StorageClasses.GlacierIR },
                new NoncurrentVersionTransition { NoncurrentDays = 100, StorageClass = StorageClasses.DeepArchive }),
            NoncurrentVersionExpiration = new NoncurrentVersionExpiration { NoncurrentDays = 200 },
        });
        yield return Case("abort only, no id", new LifecycleRule { AbortIncompleteMultipartUpload = new AbortIncompleteMultipartUpload { DaysAfterInitiation = 2 } });
    }

    public static IEnumerable<TestCaseData> Configurations()
    {
        foreach (var (name, rule) in NamedRules())
        {
            yield return new TestCaseData(LifecycleConfiguration.Of(rule)).SetArgDisplayNames(name);
        }

        yield return new TestCaseData(new LifecycleConfiguration
        {
            Rules = ValueList.Of(Everything, Everything with { Id = "second", Filter = null }),
            TransitionDefaultMinimumObjectSize = TransitionDefaultMinimumObjectSizes.VariesByStorageClass,
        }).SetArgDisplayNames("two rules, minimum size");
    }

    private static (string, LifecycleRule) Case(string name, LifecycleRule rule) => (name, rule);
}

using LakeCircle.Core.Model;

namespace LakeCircle.Core.Tests.Fingerprinting;

public partial class CanonicalFormTests
{
    private static IEnumerable<TestCaseData> SameMeaning()
    {
        var everything = Rule(null);
        yield return Case("absent filter = empty filter", everything, Rule(LifecycleFilter.MatchAll));
        yield return Case("absent filter = empty prefix", everything, Rule(new LifecycleFilter { Prefix = "" }));
        yield return Case("absent filter = empty legacy prefix", everything, Rule(null, ""));
        yield return Case("absent filter = empty And", everything, Rule(And(new LifecycleAndOperator())));
        yield return Case("absent filter = And with empty prefix", everything, Rule(And(new LifecycleAndOperator { Prefix = "" })));

        var prefix = Rule(new LifecycleFilter { Prefix = "logs/" });
        yield return Case("legacy prefix = filter prefix", prefix, Rule(null, "logs/"));
        yield return Case("legacy prefix = filter prefix with empty filter", prefix, Rule(LifecycleFilter.MatchAll, "logs/"));
        yield return Case("one-condition And (prefix) = bare prefix", prefix, Rule(And(new LifecycleAndOperator { Prefix = "logs/" })));

        var tag = new LifecycleTag("env", "prod");
        yield return Case("one-condition And (tag) = bare tag", Rule(new LifecycleFilter { Tag = tag }), Rule(And(new LifecycleAndOperator { Tags = ValueList.Of(tag) })));
        yield return Case(
            "one-condition And (greater) = bare greater",
            Rule(new LifecycleFilter { ObjectSizeGreaterThan = 10 }),
            Rule(And(new LifecycleAndOperator { ObjectSizeGreaterThan = 10 })));
        yield return Case(
            "one-condition And (less) = bare less",
            Rule(new LifecycleFilter { ObjectSizeLessThan = 10 }),
            Rule(And(new LifecycleAndOperator { ObjectSizeLessThan = 10 })));
        yield return Case(
            "And with empty prefix and a tag = bare tag",
            Rule(new LifecycleFilter { Tag = tag }),
            Rule(And(new LifecycleAndOperator { Prefix = "", Tags = ValueList.Of(tag) })));

        var noExpiration = Base with { Expiration = null };
        yield return Case("empty Expiration = absent", noExpiration, Base with { Expiration = new LifecycleExpiration() });
        yield return Case("Expiration with only ExpiredObjectDeleteMarker=false = absent", noExpiration, Base with { Expiration = new LifecycleExpiration { ExpiredObjectDeleteMarker = false } });
        yield return Case("ExpiredObjectDeleteMarker=false = absent", Base, Base with { Expiration = Base.Expiration! with { ExpiredObjectDeleteMarker = false } });
        yield return Case(
            "empty NoncurrentVersionExpiration = absent",
            Base with { NoncurrentVersionExpiration = null },
            Base with { NoncurrentVersionExpiration = new NoncurrentVersionExpiration() });
        yield return Case(
            "empty AbortIncompleteMultipartUpload = absent",
            Base with { AbortIncompleteMultipartUpload = null },
            Base with { AbortIncompleteMultipartUpload = new AbortIncompleteMultipartUpload() });

        var utc = Base with { Expiration = new LifecycleExpiration { Date = Midnight } };
        yield return Case("same instant in another offset", utc, Base with { Expiration = new LifecycleExpiration { Date = Midnight.ToOffset(TimeSpan.FromHours(-5)) } });
        yield return Case(
            "same transition instant in another offset",
            Base with { Transitions = ValueList.Of(new LifecycleTransition { Date = Midnight, StorageClass = StorageClasses.Glacier }) },
            Base with { Transitions = ValueList.Of(new LifecycleTransition { Date = Midnight.ToOffset(TimeSpan.FromHours(9)), StorageClass = StorageClasses.Glacier }) });
    }

    private static IEnumerable<TestCaseData> DifferentMeaning()
    {
        var tag = new LifecycleTag("env", "prod");
        var late = Midnight.AddDays(1);
        yield return Case("Id", Base, Base with { Id = "other" });
        yield return Case("Status", Base, Base with { Status = RuleStatus.Disabled });
        yield return Case("Status spelling", Base, Base with { Status = "enabled" });
        yield return Case("StorageClass spelling", Base, Base with { Transitions = ValueList.Of(Base.Transitions[0], Base.Transitions[1] with { StorageClass = "Glacier" }) });
        yield return Case("Filter.Prefix case", Base, Base with { Filter = new LifecycleFilter { Prefix = "Logs/" } });
        yield return Case("two prefixes vs one", Rule(new LifecycleFilter { Prefix = "a/" }), Rule(new LifecycleFilter { Prefix = "a/" }, "b/"));
        yield return Case("Filter.Prefix", Base, Base with { Filter = new LifecycleFilter { Prefix = "logs/x" } });
        yield return Case("Filter absent vs prefix", Base, Base with { Filter = null });
        yield return Case("legacy Prefix value", Rule(null, "a/"), Rule(null, "b/"));
        yield return Case("Filter.Tag key", Rule(new LifecycleFilter { Tag = tag }), Rule(new LifecycleFilter { Tag = tag with { Key = "Env" } }));
        yield return Case("Filter.Tag value", Rule(new LifecycleFilter { Tag = tag }), Rule(new LifecycleFilter { Tag = tag with { Value = "" } }));
        yield return Case("Filter.Tag vs prefix", Rule(new LifecycleFilter { Tag = new LifecycleTag("logs/", "") }), Rule(new LifecycleFilter { Prefix = "logs/" }));
        yield return Case("Filter.ObjectSizeGreaterThan", Rule(new LifecycleFilter { ObjectSizeGreaterThan = 0 }), Rule(new LifecycleFilter { ObjectSizeGreaterThan = 1 }));
        yield return Case("ObjectSizeGreaterThan=0 vs absent", Rule(new LifecycleFilter { ObjectSizeGreaterThan = 0 }), Rule(null));
        yield return Case("Filter.ObjectSizeLessThan", Rule(new LifecycleFilter { ObjectSizeLessThan = 10 }), Rule(new LifecycleFilter { ObjectSizeLessThan = 11 }));
        yield return Case("greater vs less", Rule(new LifecycleFilter { ObjectSizeGreaterThan = 10 }), Rule(new LifecycleFilter { ObjectSizeLessThan = 10 }));
        yield return Case("And.Prefix", Rule(And(new LifecycleAndOperator { Prefix = "a", Tags = ValueList.Of(tag) })), Rule(And(new LifecycleAndOperator { Prefix = "b", Tags = ValueList.Of(tag) })));
        yield return Case("And.Tags one more", Rule(And(new LifecycleAndOperator { Tags = ValueList.Of(tag) })), Rule(And(new LifecycleAndOperator { Tags = ValueList.Of(tag, new LifecycleTag("a", "b")) })));
        yield return Case("Expiration.Days", Base, Base with { Expiration = new LifecycleExpiration { Days = 366 } });
        yield return Case("Expiration.Date", Base with { Expiration = new LifecycleExpiration { Date = Midnight } }, Base with { Expiration = new LifecycleExpiration { Date = late } });
        yield return Case("Expiration.Date by a second", Base with { Expiration = new LifecycleExpiration { Date = Midnight } }, Base with { Expiration = new LifecycleExpiration { Date = Midnight.AddSeconds(1) } });
        yield return Case("Expiration.ExpiredObjectDeleteMarker", Base with { Expiration = null }, Base with { Expiration = new LifecycleExpiration { ExpiredObjectDeleteMarker = true } });
        yield return Case("Transitions[].Days", Base, Base with { Transitions = ValueList.Of(Base.Transitions[0] with { Days = 31 }, Base.Transitions[1]) });
        yield return Case("Transitions[].StorageClass", Base, Base with { Transitions = ValueList.Of(Base.Transitions[0] with { StorageClass = StorageClasses.OneZoneIA }, Base.Transitions[1]) });
        yield return Case("Transitions[].Date", Base with { Transitions = ValueList.Of(new LifecycleTransition { Date = Midnight, StorageClass = "GLACIER" }) }, Base with { Transitions = ValueList.Of(new LifecycleTransition { Date = late, StorageClass = "GLACIER" }) });
        yield return Case("Transitions one fewer", Base, Base with { Transitions = ValueList.Of(Base.Transitions[0]) });
        yield return Case("NoncurrentVersionExpiration.NoncurrentDays", Base, Base with { NoncurrentVersionExpiration = Base.NoncurrentVersionExpiration! with { NoncurrentDays = 61 } });
        yield return Case("NoncurrentVersionExpiration.NewerNoncurrentVersions", Base, Base with { NoncurrentVersionExpiration = Base.NoncurrentVersionExpiration! with { NewerNoncurrentVersions = null } });
        yield return Case("NoncurrentVersionTransitions[].NoncurrentDays", Base, Base with { NoncurrentVersionTransitions = ValueList.Of(Base.NoncurrentVersionTransitions[0] with { NoncurrentDays = 31 }, Base.NoncurrentVersionTransitions[1]) });
        yield return Case("NoncurrentVersionTransitions[].NewerNoncurrentVersions", Base, Base with { NoncurrentVersionTransitions = ValueList.Of(Base.NoncurrentVersionTransitions[0] with { NewerNoncurrentVersions = 5 }, Base.NoncurrentVersionTransitions[1]) });
        yield return Case("NoncurrentVersionTransitions[].StorageClass", Base, Base with { NoncurrentVersionTransitions = ValueList.Of(Base.NoncurrentVersionTransitions[0] with { StorageClass = StorageClasses.GlacierIR }, Base.NoncurrentVersionTransitions[1]) });
        yield return Case("AbortIncompleteMultipartUpload.DaysAfterInitiation", Base, Base with { AbortIncompleteMultipartUpload = new AbortIncompleteMultipartUpload { DaysAfterInitiation = 8 } });
        yield return Case("AbortIncompleteMultipartUpload absent", Base, Base with { AbortIncompleteMultipartUpload = null });
    }

    private static TestCaseData Case(string name, LifecycleRule a, LifecycleRule b) => new TestCaseData(a, b).SetArgDisplayNames(name);

    [TestCaseSource(nameof(SameMeaning))]
    public void Fingerprint_SameMeaningOtherShape_Equal(LifecycleRule a, LifecycleRule b)
    {
        b.Fingerprint.Should().Be(a.Fingerprint);
        b.DerivedId.Should().Be(a.DerivedId);
        LifecycleConfiguration.Of(b).Fingerprint.Should().Be(LifecycleConfiguration.Of(a).Fingerprint);
    }

    [TestCaseSource(nameof(DifferentMeaning))]
    public void Fingerprint_DifferentMeaning_Differs(LifecycleRule a, LifecycleRule b)
    {
        b.Fingerprint.Should().NotBe(a.Fingerprint);
        LifecycleConfiguration.Of(b).Fingerprint.Should().NotBe(LifecycleConfiguration.Of(a).Fingerprint);
        if (a.Id == b.Id)
        {
            b.ContentFingerprint.Should().NotBe(a.ContentFingerprint);
        }
    }
}

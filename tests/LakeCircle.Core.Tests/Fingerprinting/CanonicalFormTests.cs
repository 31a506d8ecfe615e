using LakeCircle.Core.Fingerprinting;
using LakeCircle.Core.Model;

namespace LakeCircle.Core.Tests.Fingerprinting;

/// <summary>One test (or test case) per decision of docs/fingerprint.md.</summary>
public partial class CanonicalFormTests
{
    private static readonly DateTimeOffset Midnight = new(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly LifecycleRule Base = new()
    {
        Id = "base",
        Filter = new LifecycleFilter { Prefix = "logs/" },
        Expiration = new LifecycleExpiration { Days = 365 },
        Transitions = ValueList.Of(
            new LifecycleTransition { Days = 30, StorageClass = StorageClasses.StandardIA },
            new LifecycleTransition { Days = 90, StorageClass = StorageClasses.Glacier }),
        NoncurrentVersionExpiration = new NoncurrentVersionExpiration { NoncurrentDays = 60, NewerNoncurrentVersions = 2 },
        NoncurrentVersionTransitions = ValueList.Of(
            new NoncurrentVersionTransition { NoncurrentDays = 30, StorageClass = StorageClasses.StandardIA },
            new NoncurrentVersionTransition { NoncurrentDays = 45, NewerNoncurrentVersions = 1, StorageClass = StorageClasses.Glacier }),
        AbortIncompleteMultipartUpload = new AbortIncompleteMultipartUpload { DaysAfterInitiation = 7 },
    };

    private static LifecycleRule Rule(LifecycleFilter? filter = null, string? prefix = null) =>
        new() { Id = "r", Filter = filter, Prefix = prefix, Expiration = new LifecycleExpiration { Days = 1 } };

    private static LifecycleFilter And(LifecycleAndOperator and) => new() { And = and };

    [Test]
    public void RuleJson_KnownRule_HasTheDocumentedShape()
    {
        var rule = new LifecycleRule
        {
            Id = "logs",
            Filter = And(new LifecycleAndOperator { Prefix = "logs/", Tags = ValueList.Of(new LifecycleTag("env", "prod")), ObjectSizeGreaterThan = 1024 }),
            Expiration = new LifecycleExpiration { Date = Midnight },
            Transitions = ValueList.Of(new LifecycleTransition { Days = 30, StorageClass = StorageClasses.Glacier }),
        };

        CanonicalForm.RuleJson(rule).Should().Be(
            """{"id":"logs","status":"Enabled","filter":{"prefix":"logs/","tags":[["env","prod"]],"objectSizeGreaterThan":1024},"expiration":{"date":"2030-01-01T00:00:00Z"},"transitions":[{"days":30,"storageClass":"GLACIER"}]}""");
    }

    [Test]
    public void Fingerprint_KnownRule_IsStableAcrossVersions()
    {
        // Changing the canonical form changes every fingerprint and every derived ID: a rule declared without an ID
        // would be removed and re-added under a new one. This pins the form; change it only on purpose.
        var rule = new LifecycleRule { Filter = new LifecycleFilter { Prefix = "logs/" }, Expiration = new LifecycleExpiration { Days = 30 } };

        CanonicalForm.RuleJson(rule with { Id = "x" }).Should().Be("""{"id":"x","status":"Enabled","filter":{"prefix":"logs/"},"expiration":{"days":30}}""");
        rule.ContentFingerprint.Should().Be(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(
            """{"status":"Enabled","filter":{"prefix":"logs/"},"expiration":{"days":30}}"""u8)));
    }

    [Test]
    public void Fingerprint_Format_Is64LowercaseHexDigits()
    {
        Base.Fingerprint.Should().MatchRegex("^[0-9a-f]{64}$");
        Base.ContentFingerprint.Should().MatchRegex("^[0-9a-f]{64}$");
        LifecycleConfiguration.Of(Base).Fingerprint.Should().MatchRegex("^[0-9a-f]{64}$");
    }

    [Test]
    public void ConfigurationFingerprint_RuleOrder_DoesNotCount()
    {
        var other = Base with { Id = "other", Expiration = new LifecycleExpiration { Days = 2 } };

        LifecycleConfiguration.Of(Base, other).Fingerprint.Should().Be(LifecycleConfiguration.Of(other, Base).Fingerprint);
        LifecycleConfiguration.Of(Base, other).Should().NotBe(LifecycleConfiguration.Of(other, Base));
    }

    [Test]
    public void Fingerprint_TagOrder_DoesNotCount()
    {
        var tags = new[] { new LifecycleTag("b", "2"), new LifecycleTag("a", "1"), new LifecycleTag("a", "0") };

        Rule(And(new LifecycleAndOperator { Tags = ValueList.Of(tags) })).Fingerprint
            .Should().Be(Rule(And(new LifecycleAndOperator { Tags = ValueList.Of(tags.Reverse().ToArray()) })).Fingerprint);
    }

    [Test]
    public void Fingerprint_TransitionOrder_DoesNotCount()
    {
        var reversed = Base with
        {
            Transitions = Base.Transitions.Reverse().ToValueList(),
            NoncurrentVersionTransitions = Base.NoncurrentVersionTransitions.Reverse().ToValueList(),
        };

        reversed.Fingerprint.Should().Be(Base.Fingerprint);
    }

    [Test]
    public void Fingerprint_IdIncluded_ContentFingerprintWithoutIt()
    {
        var renamed = Base with { Id = "renamed" };

        renamed.Fingerprint.Should().NotBe(Base.Fingerprint);
        renamed.ContentFingerprint.Should().Be(Base.ContentFingerprint);
    }

    [Test]
    public void DerivedId_IsLcAnd16HexOfContentFingerprint()
    {
        Base.DerivedId.Should().Be("lc-" + Base.ContentFingerprint[..16]);
        (Base with { Id = "other" }).DerivedId.Should().Be(Base.DerivedId);
        (Base with { Status = RuleStatus.Disabled }).DerivedId.Should().NotBe(Base.DerivedId);
    }

    [TestCase(null)]
    [TestCase("")]
    public void EffectiveId_NoId_IsDerivedAndFingerprintEqualsWrittenOut(string? id)
    {
        var unnamed = Base with { Id = id };

        CanonicalForm.EffectiveId(unnamed).Should().Be(unnamed.DerivedId);
        unnamed.Fingerprint.Should().Be((Base with { Id = unnamed.DerivedId }).Fingerprint);
        unnamed.WithDerivedIdIfMissing().Id.Should().Be(unnamed.DerivedId);
        Base.WithDerivedIdIfMissing().Should().BeSameAs(Base);
    }

    [Test]
    public void ConfigurationFingerprint_TransitionDefaultMinimumObjectSize_CountsAtConfigurationLevelOnly()
    {
        var unset = LifecycleConfiguration.Of(Base);
        var small = unset with { TransitionDefaultMinimumObjectSize = TransitionDefaultMinimumObjectSizes.VariesByStorageClass };
        var large = unset with { TransitionDefaultMinimumObjectSize = TransitionDefaultMinimumObjectSizes.AllStorageClasses128K };

        new[] { unset.Fingerprint, small.Fingerprint, large.Fingerprint }.Should().OnlyHaveUniqueItems();
        CanonicalForm.ConfigurationJson(large).Should().EndWith(""","transitionDefaultMinimumObjectSize":"all_storage_classes_128K"}""");
        CanonicalForm.ConfigurationJson(unset).Should().NotContain("transitionDefaultMinimumObjectSize");
    }
}

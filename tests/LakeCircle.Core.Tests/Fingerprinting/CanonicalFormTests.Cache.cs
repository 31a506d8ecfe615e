using System.Security.Cryptography;
using System.Text;
using LakeCircle.Core.Fingerprinting;
using LakeCircle.Core.Model;
using LakeCircle.Core.Tests.Support;

namespace LakeCircle.Core.Tests.Fingerprinting;

/// <summary>
/// The fingerprints are part of the contract (saved plans, run records, derived IDs): pinned values, and the cache of
/// the canonical form per instance, which must never outlive a change made by a <c>with</c> copy.
/// </summary>
public partial class CanonicalFormTests
{
    private static LifecycleRule Unnamed => new()
    {
        Filter = new LifecycleFilter { And = new LifecycleAndOperator { Prefix = "tmp/", Tags = ValueList.Of(new LifecycleTag("team", "a b"), new LifecycleTag("env", "dev")) } },
        Expiration = new LifecycleExpiration { Date = Midnight },
        Transitions = ValueList.Of(new LifecycleTransition { Date = Midnight.AddDays(-30), StorageClass = StorageClasses.GlacierIR }),
    };

    [Test]
    public void Fingerprints_KnownRulesAndConfigurations_ArePinned()
    {
        var configuration = new LifecycleConfiguration
        {
            Rules = ValueList.Of(Base, Unnamed.WithDerivedIdIfMissing()),
            TransitionDefaultMinimumObjectSize = TransitionDefaultMinimumObjectSizes.VariesByStorageClass,
        };

        Base.Fingerprint.Should().Be("c26ac387e3d5dc7b94771f22e51264f190919771f97ed71248bcd7235e488f59");
        Base.ContentFingerprint.Should().Be("7ebede1d7b6459c681eb7bd7eb361a946910f4f85e3528e5c374fdc64db88e04");
        Unnamed.Fingerprint.Should().Be("d5d5b97f6de36bd1870492ca1efcb8388403aa9670f41e8188c14eae9b633a67");
        Unnamed.DerivedId.Should().Be("lc-592c6babd9696b50");
        configuration.Fingerprint.Should().Be("41bae88ce2c9f47ec31b44d467f6ca9370cd126db6706f4a74c5bbdd05094901");
        DefinitionsFingerprint.Of(
            [KeyValuePair.Create("b-one", configuration), KeyValuePair.Create("a-two", LifecycleConfiguration.Of(Base))],
            new HashSet<string>(StringComparer.Ordinal) { "b-one" }).Should().Be("19bc7dd9b23ecf62d29bd89db14b87835753f8c95f9ad61f7bdbf91b03015cc1");
    }

    [Test]
    public void Fingerprints_GeneratedConfigurations_ArePinned()
    {
        // 300 generated configurations over the whole schema: one hash over every rule and configuration fingerprint.
        var generator = new ConfigurationGenerator(11);
        var all = new StringBuilder();
        for (var i = 0; i < 300; i++)
        {
            var configuration = generator.Configuration();
            all.Append(configuration.Fingerprint).Append('\n');
            foreach (var rule in configuration.Rules)
            {
                all.Append(rule.Fingerprint).Append(' ').Append(rule.ContentFingerprint).Append(' ').Append(rule.DerivedId).Append('\n');
            }
        }

        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(all.ToString()))).Should().Be("3bddc8f2c9ff1a849c09fef0071f31ce772bce7563223d9ecb7d89a55a5f3221");
    }

    [Test]
    public void Fingerprint_WithCopyOfEachField_IsTheCopysOwn()
    {
        // Read first, so the original has its canonical form cached; each copy must compute its own.
        var rule = Unnamed with { Id = "cached", Prefix = null, NoncurrentVersionExpiration = new NoncurrentVersionExpiration { NoncurrentDays = 5 } };
        _ = (rule.Fingerprint, rule.ContentFingerprint, rule.DerivedId, CanonicalForm.RuleJson(rule));
        LifecycleRule[] copies =
        [
            rule with { Id = "other" },
            rule with { Status = RuleStatus.Disabled },
            rule with { Filter = new LifecycleFilter { Prefix = "x/" } },
            rule with { Filter = null, Prefix = "legacy/" },
            rule with { Expiration = new LifecycleExpiration { Days = 3 } },
            rule with { Transitions = ValueList<LifecycleTransition>.Empty },
            rule with { NoncurrentVersionExpiration = new NoncurrentVersionExpiration { NoncurrentDays = 6 } },
            rule with { NoncurrentVersionTransitions = ValueList.Of(new NoncurrentVersionTransition { NoncurrentDays = 1, StorageClass = StorageClasses.Glacier }) },
            rule with { AbortIncompleteMultipartUpload = new AbortIncompleteMultipartUpload { DaysAfterInitiation = 2 } },
        ];

        foreach (var copy in copies)
        {
            var fresh = Rebuilt(copy);
            copy.Fingerprint.Should().Be(fresh.Fingerprint).And.NotBe(rule.Fingerprint);
            CanonicalForm.RuleJson(copy).Should().Be(CanonicalForm.RuleJson(fresh));
            copy.ContentFingerprint.Should().Be(fresh.ContentFingerprint);
            copy.DerivedId.Should().Be(fresh.DerivedId);
        }

        (rule with { Id = null }).DerivedId.Should().Be(rule.DerivedId, "the ID is no part of the content");
    }

    [Test]
    public void Equality_CachedAndUncachedInstances_StaysByValue()
    {
        var cached = Rebuilt(Base);
        _ = cached.Fingerprint;
        var uncached = Rebuilt(Base);

        cached.Should().Be(uncached);
        (cached == uncached).Should().BeTrue();
        cached.GetHashCode().Should().Be(uncached.GetHashCode());
        var full = new LifecycleRule
        {
            Id = Base.Id, Status = RuleStatus.Disabled, Filter = Base.Filter, Prefix = "legacy/", Expiration = Base.Expiration, Transitions = Base.Transitions,
            NoncurrentVersionExpiration = Base.NoncurrentVersionExpiration, NoncurrentVersionTransitions = Base.NoncurrentVersionTransitions,
            AbortIncompleteMultipartUpload = Base.AbortIncompleteMultipartUpload,
        };
        _ = full.Fingerprint;
        (full with { }).Should().Be(full, "a copy keeps every field");
        (full with { }).Fingerprint.Should().Be(full.Fingerprint);
        cached.ToString().Should().Be(uncached.ToString());

        var configuration = LifecycleConfiguration.Of(Base);
        _ = configuration.Fingerprint;
        configuration.Should().Be(LifecycleConfiguration.Of(Rebuilt(Base)));
        configuration.GetHashCode().Should().Be(LifecycleConfiguration.Of(Rebuilt(Base)).GetHashCode());
    }

    [Test]
    public void ConfigurationFingerprint_WithCopy_IsTheCopysOwn()
    {
        var configuration = new LifecycleConfiguration { Rules = ValueList.Of(Base), TransitionDefaultMinimumObjectSize = TransitionDefaultMinimumObjectSizes.VariesByStorageClass };
        var before = configuration.Fingerprint;

        var withoutMinimum = configuration with { TransitionDefaultMinimumObjectSize = null };
        var moreRules = configuration with { Rules = ValueList.Of(Base, Unnamed.WithDerivedIdIfMissing()) };

        withoutMinimum.Fingerprint.Should().NotBe(before).And.Be(LifecycleConfiguration.Of(Base).Fingerprint);
        moreRules.Fingerprint.Should().NotBe(before).And.Be(new LifecycleConfiguration
        {
            Rules = ValueList.Of(Unnamed.WithDerivedIdIfMissing(), Base), TransitionDefaultMinimumObjectSize = TransitionDefaultMinimumObjectSizes.VariesByStorageClass,
        }.Fingerprint);
        (configuration with { }).Fingerprint.Should().Be(before);
    }

    [Test]
    public void Fingerprint_ReadFromManyThreadsAtOnce_IsTheSame()
    {
        var rules = Enumerable.Range(0, 200).Select(i => Base with { Id = "r" + i }).ToList();
        var seen = new System.Collections.Concurrent.ConcurrentBag<(int, string, string)>();
        Parallel.For(0, 8, _ =>
        {
            for (var i = 0; i < rules.Count; i++)
            {
                seen.Add((i, rules[i].Fingerprint, rules[i].DerivedId));
            }
        });

        seen.GroupBy(s => s.Item1).Should().AllSatisfy(g => g.Select(s => (s.Item2, s.Item3)).Distinct().Should().ContainSingle());
        seen.Where(s => s.Item1 == 7).Select(s => s.Item2).First().Should().Be(Rebuilt(rules[7]).Fingerprint);
    }

    /// <summary>A new instance with the same fields, built without <c>with</c> (no cache to inherit).</summary>
    private static LifecycleRule Rebuilt(LifecycleRule rule) => new()
    {
        Id = rule.Id,
        Status = rule.Status,
        Filter = rule.Filter,
        Prefix = rule.Prefix,
        Expiration = rule.Expiration,
        Transitions = rule.Transitions,
        NoncurrentVersionExpiration = rule.NoncurrentVersionExpiration,
        NoncurrentVersionTransitions = rule.NoncurrentVersionTransitions,
        AbortIncompleteMultipartUpload = rule.AbortIncompleteMultipartUpload,
    };
}

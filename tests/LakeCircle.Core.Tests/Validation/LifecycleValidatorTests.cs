using LakeCircle.Core.Model;
using LakeCircle.Core.Validation;
using static LakeCircle.Core.Tests.Validation.ValidationHelpers;

namespace LakeCircle.Core.Tests.Validation;

public class LifecycleValidatorTests
{
    [Test]
    public void Validate_ValidRule_ReportsNothing()
    {
        Validate(ValidRule()).Should().BeEmpty();
        LifecycleValidator.Validate(Bucket, LifecycleConfiguration.Empty).Should().BeEmpty();
    }

    [Test]
    public void Validate_NullConfiguration_Throws()
    {
        var act = () => LifecycleValidator.Validate(Bucket, null!);
        act.Should().Throw<ArgumentNullException>();
    }

    [Test]
    public void Validate_MoreThan1000Rules_ReportsRules()
    {
        var rules = Enumerable.Range(0, 1001).Select(i => ValidRule($"r{i}")).ToArray();

        Validate(rules).Should().ContainSingle().Which.ShouldReport("Rules", null, "at most 1000 rules", "got 1001");
    }

    [Test]
    public void Validate_1000Rules_ReportsNothing()
    {
        Validate(Enumerable.Range(0, 1000).Select(i => ValidRule($"r{i}")).ToArray()).Should().BeEmpty();
    }

    [Test]
    public void Validate_DuplicateId_ReportsSecondRule()
    {
        var diagnostics = Validate(ValidRule("same"), ValidRule("other"), ValidRule("same") with { Filter = new LifecycleFilter { Prefix = "x/" } });

        diagnostics.Should().ContainSingle().Which.ShouldReport("Rules[2].Id", "same", "unique", "Rules[0]");
    }

    [Test]
    public void Validate_TwoIdlessRulesWithSameContent_ReportsDerivedIdClash()
    {
        var diagnostics = Validate(ValidRule(null), ValidRule(""));

        diagnostics.Should().ContainSingle().Which.ShouldReport("Rules[1].Id", null, "derived ID", ValidRule(null).DerivedId, "Rules[0]");
    }

    [Test]
    public void Validate_IdlessRulesWithDifferentContent_ReportsNothing()
    {
        Validate(ValidRule(null), ValidRule(null) with { Filter = new LifecycleFilter { Prefix = "other/" } }).Should().BeEmpty();
    }

    [Test]
    public void Validate_IdOf256Characters_ReportsId()
    {
        SingleProblem(ValidRule(new string('a', 256))).ShouldReport("Rules[0].Id", new string('a', 256), "at most 255 characters", "got 256");
        Validate(ValidRule(new string('a', 255))).Should().BeEmpty();
    }

    [TestCase("enabled")]
    [TestCase("ENABLED")]
    [TestCase("")]
    [TestCase("On")]
    public void Validate_StatusNotExact_ReportsStatus(string status)
    {
        SingleProblem(ValidRule() with { Status = status })
            .ShouldReport("Rules[0].Status", "r1", "'Enabled' or 'Disabled'", $"got '{status}'");
    }

    [Test]
    public void Validate_RuleWithoutAction_ReportsRule()
    {
        SingleProblem(ValidRule() with { Expiration = null }).ShouldReport("Rules[0]", "r1", "at least one action", "got none");
    }

    [Test]
    public void Validate_LegacyPrefixMixedWithFilterRules_ReportsOnceNamingTheRules()
    {
        var legacy = new LifecycleRule { Id = "old", Prefix = "logs/", Expiration = new LifecycleExpiration { Days = 1 } };

        var diagnostics = Validate(ValidRule("a"), legacy, ValidRule("b") with { Filter = new LifecycleFilter { Prefix = "b/" } });

        diagnostics.Should().ContainSingle().Which.ShouldReport("Rules", null, "legacy rule-level Prefix", "Rules[1] 'old'", "Rules[0] 'a'", "Rules[2] 'b'");
    }

    [Test]
    public void Validate_OnlyLegacyPrefixRules_ReportsNothing()
    {
        var legacy = new LifecycleRule { Id = "old", Prefix = "logs/", Expiration = new LifecycleExpiration { Days = 1 } };

        Validate(legacy, legacy with { Id = "old2", Prefix = "tmp/" }).Should().BeEmpty();
    }

    [Test]
    public void Validate_RuleWithPrefixAndFilter_ReportsPrefix()
    {
        SingleProblem(ValidRule() with { Prefix = "logs/" }).ShouldReport("Rules[0].Prefix", "r1", "Prefix or a Filter, not both");
    }

    [Test]
    public void Validate_LegacyPrefixOver1024Bytes_ReportsPrefix()
    {
        var rule = new LifecycleRule { Id = "old", Prefix = new string('é', 513), Expiration = new LifecycleExpiration { Days = 1 } };

        SingleProblem(rule).ShouldBeWarning().ShouldReport("Rules[0].Prefix", "old", "at most 1024 bytes in UTF-8", "got 1026");
    }

    [Test]
    public void Validate_NewerNoncurrentVersionsWithLegacyPrefix_ReportsField()
    {
        var rule = new LifecycleRule
        {
            Id = "old",
            Prefix = "logs/",
            NoncurrentVersionExpiration = new NoncurrentVersionExpiration { NoncurrentDays = 30, NewerNoncurrentVersions = 3 },
        };

        SingleProblem(rule).ShouldReport("Rules[0].NoncurrentVersionExpiration.NewerNoncurrentVersions", "old", "only accepted in a rule with a Filter");
    }

    [Test]
    public void Validate_UnknownTransitionDefaultMinimumObjectSize_ReportsField()
    {
        var configuration = LifecycleConfiguration.Of(ValidRule()) with { TransitionDefaultMinimumObjectSize = "all_storage_classes_128k" };

        LifecycleValidator.Validate(Bucket, configuration).Should().ContainSingle().Which
            .ShouldReport("TransitionDefaultMinimumObjectSize", null, "'all_storage_classes_128K' or 'varies_by_storage_class'", "got 'all_storage_classes_128k'");
    }

    [TestCase(TransitionDefaultMinimumObjectSizes.AllStorageClasses128K)]
    [TestCase(TransitionDefaultMinimumObjectSizes.VariesByStorageClass)]
    [TestCase(null)]
    public void Validate_KnownTransitionDefaultMinimumObjectSize_ReportsNothing(string? value)
    {
        var configuration = LifecycleConfiguration.Of(ValidRule()) with { TransitionDefaultMinimumObjectSize = value };

        LifecycleValidator.Validate(Bucket, configuration).Should().BeEmpty();
    }

    [Test]
    public void Validate_SeveralProblems_ReportsEveryOne()
    {
        var broken = new LifecycleRule
        {
            Id = "broken",
            Status = "enabled",
            Filter = new LifecycleFilter { Prefix = "a/", Tag = new LifecycleTag("", "v") },
            Expiration = new LifecycleExpiration { Days = 0 },
            Transitions = ValueList.Of(new LifecycleTransition { Days = 5, StorageClass = "STANDARD_IA" }),
            AbortIncompleteMultipartUpload = new AbortIncompleteMultipartUpload(),
        };
        var configuration = LifecycleConfiguration.Of(ValidRule("ok"), broken, ValidRule("ok")) with { TransitionDefaultMinimumObjectSize = "big" };

        var diagnostics = LifecycleValidator.Validate(Bucket, configuration);

        diagnostics.Select(d => d.Field).Should().BeEquivalentTo(
            "TransitionDefaultMinimumObjectSize",
            "Rules[2].Id",
            "Rules[1].Status",
            "Rules[1].Filter",
            "Rules[1].Filter.Tag.Key",
            "Rules[1].Expiration.Days",
            "Rules[1].Transitions[0].Days",
            "Rules[1].Expiration.Days",
            "Rules[1].AbortIncompleteMultipartUpload.DaysAfterInitiation",
            "Rules[1].AbortIncompleteMultipartUpload");
        diagnostics.Should().OnlyContain(d => d.Bucket == Bucket && d.Location == null);
        diagnostics.Where(d => d.Field!.StartsWith("Rules[1]", StringComparison.Ordinal)).Should().OnlyContain(d => d.RuleId == "broken");
    }

    [Test]
    public void Validate_RuleIdWithCharacterXmlForbids_ReportsId()
    {
        SingleProblem(ValidRule("bad" + (char)1)).ShouldBeError().ShouldReport("Rules[0].Id", "bad\u0001", "An ID must hold only characters XML 1.0 allows", "U+0001");
    }

    [TestCase("logs/", "logs/")]
    [TestCase("logs/", "logs/2024/")]
    [TestCase("dir/", "di")]
    [TestCase("", "logs/")]
    public void Validate_OverlappingLegacyPrefixesWithSameAction_ReportsLaterPrefix(string first, string second)
    {
        var diagnostics = Validate(
            new LifecycleRule { Id = "a", Prefix = first, Expiration = new LifecycleExpiration { Days = 1 } },
            new LifecycleRule { Id = "b", Prefix = second, Expiration = new LifecycleExpiration { Days = 2 } });

        diagnostics.Should().ContainSingle().Which.ShouldBeError()
            .ShouldReport("Rules[1].Prefix", "b", "overlapping prefixes for the same action type", $"'{second}' overlaps '{first}' of Rules[0]", "Expiration");
    }

    [Test]
    public void Validate_OverlappingLegacyPrefixesWithDifferentActions_ReportsNothing()
    {
        Validate(
            new LifecycleRule { Id = "a", Prefix = "logs/", Expiration = new LifecycleExpiration { Days = 1 } },
            new LifecycleRule { Id = "b", Prefix = "logs/old/", AbortIncompleteMultipartUpload = new AbortIncompleteMultipartUpload { DaysAfterInitiation = 2 } })
            .Should().BeEmpty();
    }

    [Test]
    public void Validate_OverlappingFilterPrefixesWithSameAction_ReportsNothing()
    {
        Validate(
            ValidRule("a") with { Filter = new LifecycleFilter { Prefix = "" } },
            ValidRule("b") with { Filter = new LifecycleFilter { Prefix = "logs/" } })
            .Should().BeEmpty("rules with a Filter may overlap (the user guide's overlapping-prefix example)");
    }

    [Test]
    public void Validate_DisjointLegacyPrefixes_ReportsNothing()
    {
        Validate(
            new LifecycleRule { Id = "a", Prefix = "logs/", Expiration = new LifecycleExpiration { Days = 1 } },
            new LifecycleRule { Id = "b", Prefix = "media/", Expiration = new LifecycleExpiration { Days = 2 } })
            .Should().BeEmpty();
    }
}

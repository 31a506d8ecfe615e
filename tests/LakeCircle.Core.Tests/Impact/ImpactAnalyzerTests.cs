using LakeCircle.Core.Impact;
using LakeCircle.Core.Model;

namespace LakeCircle.Core.Tests.Impact;

public sealed class ImpactAnalyzerTests
{
    private static LifecycleRule Expire(string id, int days, LifecycleFilter? filter = null) =>
        new() { Id = id, Filter = filter ?? LifecycleFilter.MatchAll, Expiration = new() { Days = days } };

    private static LifecycleRule Move(string id, int days, string storageClass, LifecycleFilter? filter = null) =>
        new() { Id = id, Filter = filter ?? LifecycleFilter.MatchAll, Transitions = ValueList.Of(new LifecycleTransition { Days = days, StorageClass = storageClass }) };

    private static LifecycleFilter Prefix(string prefix) => new() { Prefix = prefix };

    private static BucketImpact Compare(LifecycleRule[] current, LifecycleRule[] desired) =>
        ImpactAnalyzer.Compare(LifecycleConfiguration.Of(current), LifecycleConfiguration.Of(desired));

    [Test]
    public void SameConfiguration_ChangesNothing()
    {
        var rules = new[] { Expire("e", 30, Prefix("logs/")) };

        Compare(rules, rules).Should().Be(BucketImpact.None);
    }

    [Test]
    public void RenamedRule_ChangesNothingThatMatters()
    {
        var impact = Compare([Expire("old", 30)], [Expire("new", 30)]);

        impact.Kind.Should().Be(ImpactKind.None);
        impact.Findings.Should().BeEmpty();
    }

    [Test]
    public void ShorterExpiration_IsDestructive_AndSaysSoInWords()
    {
        var impact = Compare([Expire("logs", 30, Prefix("logs/"))], [Expire("logs", 3, Prefix("logs/"))]);

        impact.Kind.Should().Be(ImpactKind.Destructive);
        impact.IsDestructive.Should().BeTrue();
        impact.Findings.Single().Text.Should().Be("objects under `logs/` are deleted after 3 days instead of 30 days");
    }

    [Test]
    public void PrefixShortenedToEmpty_IsDestructive_ForObjectsOutsideThePrefix()
    {
        var impact = Compare([Expire("logs", 30, Prefix("logs/"))], [Expire("logs", 30, Prefix(""))]);

        impact.Kind.Should().Be(ImpactKind.Destructive);
        impact.Findings.Single().Text.Should().Be("objects outside `logs/` are deleted after 30 days instead of never");
    }

    [Test]
    public void PrefixNarrowedUnderAKeptExpiration_IsNotDestructive()
    {
        var impact = Compare([Expire("logs", 30, Prefix("logs/"))], [Expire("logs", 30, Prefix("logs/app/"))]);

        impact.Kind.Should().Be(ImpactKind.RetainsLonger);
        impact.Findings.Single().Text.Should().Be("objects under `logs/` except under `logs/app/` are never deleted instead of deleted after 30 days");
    }

    [Test]
    public void RuleRemovedWhileABroaderShorterRuleStays_ChangesNothing_BecauseTheShorterExpirationAlreadyWins()
    {
        var broad = Expire("all", 7);
        var narrow = Expire("logs", 90, Prefix("logs/"));

        // S3 honours the earliest expiration: with both rules, logs/ objects already go after 7 days; removing the
        // narrow rule changes nothing for them. Removing the broad rule instead keeps them longer.
        Compare([broad, narrow], [broad]).Kind.Should().Be(ImpactKind.None);
        Compare([broad, narrow], [narrow]).Kind.Should().Be(ImpactKind.RetainsLonger);

        // A narrower rule cannot protect objects from a broader, shorter one (S10): removing it keeps nothing shorter,
        // while widening the shorter one is destructive.
        var keepLonger = Expire("keep", 365, Prefix("data/"));
        var shortAll = Expire("short", 30, new LifecycleFilter { And = new() { Prefix = "data/", ObjectSizeGreaterThan = 1024 * 1024 } });
        Compare([keepLonger, shortAll], [shortAll]).Kind.Should().Be(ImpactKind.RetainsLonger);
        Compare([shortAll], [Expire("short", 30, Prefix("data/"))]).Kind.Should().Be(ImpactKind.Destructive);
    }

    [Test]
    public void RemovingARuleThatIsTheOnlyExpiration_RetainsLonger_AddingOneIsDestructive()
    {
        Compare([Expire("e", 30)], []).Kind.Should().Be(ImpactKind.RetainsLonger);
        Compare([], [Expire("e", 30)]).Kind.Should().Be(ImpactKind.Destructive);
        ImpactAnalyzer.Compare(LifecycleConfiguration.Of(Expire("e", 30)), null).Kind.Should().Be(ImpactKind.RetainsLonger);
        ImpactAnalyzer.Compare(null, LifecycleConfiguration.Of(Expire("e", 30))).Kind.Should().Be(ImpactKind.Destructive);
    }

    [Test]
    public void DisablingARule_RetainsLonger_EnablingOneIsDestructive()
    {
        var enabled = Expire("e", 30);
        var disabled = enabled with { Status = RuleStatus.Disabled };

        Compare([enabled], [disabled]).Kind.Should().Be(ImpactKind.RetainsLonger);
        Compare([disabled], [enabled]).Kind.Should().Be(ImpactKind.Destructive);
    }

    [Test]
    public void SizeRangeWidened_IsDestructive_ForTheNewSizesOnly()
    {
        var large = new LifecycleFilter { And = new() { Prefix = "logs/", ObjectSizeGreaterThan = 1024 * 1024 } };
        var impact = Compare([Expire("e", 30, large)], [Expire("e", 30, Prefix("logs/"))]);

        impact.Kind.Should().Be(ImpactKind.Destructive);
        impact.Findings.Single().Text.Should().Be("objects under `logs/` of at most 1 MiB are deleted after 30 days instead of never");
    }

    [Test]
    public void ShorterExpirationForLargeObjects_NamesTheSizeRange()
    {
        var large = new LifecycleFilter { And = new() { Prefix = "logs/", ObjectSizeGreaterThan = 1024 * 1024 } };
        var impact = Compare([Expire("e", 30, Prefix("logs/"))], [Expire("e", 30, Prefix("logs/")), Expire("big", 7, large)]);

        impact.Findings.Single().Text.Should().Be("objects under `logs/` larger than 1 MiB are deleted after 7 days instead of 30 days");
    }

    [Test]
    public void TagFilterDropped_IsDestructive_ForUntaggedObjects()
    {
        var tagged = new LifecycleFilter { And = new() { Prefix = "tmp/", Tags = ValueList.Of(new LifecycleTag("retention", "temporary")) } };
        var impact = Compare([Expire("e", 14, tagged)], [Expire("e", 14, Prefix("tmp/"))]);

        impact.Kind.Should().Be(ImpactKind.Destructive);
        impact.Findings.Single().Text.Should().Be("objects under `tmp/` not tagged `retention=temporary` are deleted after 14 days instead of never");
    }

    [Test]
    public void TagAdded_RetainsLonger()
    {
        var tagged = new LifecycleFilter { Tag = new LifecycleTag("retention", "temporary") };

        Compare([Expire("e", 14)], [Expire("e", 14, tagged)]).Kind.Should().Be(ImpactKind.RetainsLonger);
    }

    [Test]
    public void EarlierTransition_ArchivesSooner_AndLaterOneRetains()
    {
        var sooner = Compare([Move("t", 90, "GLACIER")], [Move("t", 30, "GLACIER")]);
        sooner.Kind.Should().Be(ImpactKind.ArchivesSooner);
        sooner.Findings.Single().Text.Should().Be("objects of 128 KiB or more are moved to GLACIER after 30 days instead of 90 days");

        Compare([Move("t", 30, "GLACIER")], [Move("t", 90, "GLACIER")]).Kind.Should().Be(ImpactKind.RetainsLonger);
    }

    [Test]
    public void ColderClassOnTheSameDay_ArchivesSooner()
    {
        Compare([Move("t", 30, "STANDARD_IA")], [Move("t", 30, "DEEP_ARCHIVE")]).Kind.Should().Be(ImpactKind.ArchivesSooner);
    }

    [Test]
    public void DestructiveWinsOverArchivesSooner_FindingsWorstFirst()
    {
        var current = new[] { Expire("e", 365), Move("t", 90, "GLACIER") };
        var desired = new[] { Expire("e", 100), Move("t", 30, "GLACIER") };

        var impact = Compare(current, desired);

        impact.Kind.Should().Be(ImpactKind.Destructive);
        impact.Findings.Select(f => f.Kind).Should().BeInDescendingOrder();
        impact.Findings.Select(f => f.Kind).Should().Contain(ImpactKind.ArchivesSooner);
    }

    [Test]
    public void ShorterNoncurrentExpiration_IsDestructive_ForNoncurrentVersions()
    {
        var current = new LifecycleRule { Id = "n", Filter = Prefix("raw/"), NoncurrentVersionExpiration = new() { NoncurrentDays = 90 } };
        var desired = current with { NoncurrentVersionExpiration = new() { NoncurrentDays = 30 } };

        var impact = Compare([current], [desired]);

        impact.Kind.Should().Be(ImpactKind.Destructive);
        impact.Findings.Single().Text.Should().Be("noncurrent versions under `raw/` are deleted after 30 days noncurrent instead of 90 days noncurrent");
    }

    [Test]
    public void FewerRetainedNoncurrentVersions_IsDestructive_ForTheVersionsNoLongerKept()
    {
        var current = new LifecycleRule { Id = "n", Filter = Prefix("raw/"), NoncurrentVersionExpiration = new() { NoncurrentDays = 90, NewerNoncurrentVersions = 5 } };
        var desired = current with { NoncurrentVersionExpiration = new() { NoncurrentDays = 90, NewerNoncurrentVersions = 3 } };

        var impact = Compare([current], [desired]);

        impact.Kind.Should().Be(ImpactKind.Destructive);
        impact.Findings.Single().Objects.Should().Be("noncurrent versions under `raw/` with 3 or 4 newer noncurrent versions");
    }

    [Test]
    public void NewerVersionCountsOfAnotherPrefix_DoNotNarrowTheFinding()
    {
        var raw = new LifecycleRule { Id = "raw", Filter = Prefix("raw/"), NoncurrentVersionExpiration = new() { NoncurrentDays = 90, NewerNoncurrentVersions = 3 } };
        var curated = new LifecycleRule { Id = "curated", Filter = Prefix("curated/"), NoncurrentVersionExpiration = new() { NoncurrentDays = 30 } };

        var impact = Compare([raw], [raw, curated]);

        impact.Findings.Single().Text.Should().Be("noncurrent versions under `curated/` are deleted after 30 days noncurrent instead of never");
    }

    [Test]
    public void DateExpirationReplacingDays_IsDestructiveForSomeCreationTimes()
    {
        var date = new LifecycleRule { Id = "e", Filter = LifecycleFilter.MatchAll, Expiration = new() { Date = new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero) } };

        var impact = Compare([Expire("e", 30)], [date]);

        impact.Kind.Should().Be(ImpactKind.Destructive);
        impact.Findings.Should().Contain(f => f.After == "deleted from 2030-01-01 on");
    }

    [Test]
    public void SmallObjects_NotTransitionedByDefault_SoNarrowingBySizeBelow128KChangesNothingForThem()
    {
        var impact = Compare([Move("t", 30, "GLACIER")], [Move("t", 30, "GLACIER", new LifecycleFilter { ObjectSizeGreaterThan = (128 * 1024) - 1 })]);

        impact.Kind.Should().Be(ImpactKind.None);
    }

    [Test]
    public void VariesByStorageClass_LetsSmallObjectsGoToGlacier()
    {
        var current = LifecycleConfiguration.Of(Move("t", 30, "GLACIER"));
        var desired = current with { TransitionDefaultMinimumObjectSize = "varies_by_storage_class" };

        var impact = ImpactAnalyzer.Compare(current, desired);

        impact.Kind.Should().Be(ImpactKind.ArchivesSooner);
        impact.Findings.Single().Objects.Should().Be("objects smaller than 128 KiB");
    }

    [Test]
    public void AbortIncompleteUploadsOnly_ChangesNothingThatMatters()
    {
        var current = new LifecycleRule { Id = "a", Filter = LifecycleFilter.MatchAll, AbortIncompleteMultipartUpload = new() { DaysAfterInitiation = 7 } };
        var desired = current with { AbortIncompleteMultipartUpload = new() { DaysAfterInitiation = 1 } };

        Compare([current], [desired]).Kind.Should().Be(ImpactKind.None);
    }

    [Test]
    public void TooManyTagCombinations_IsTreatedAsDestructive()
    {
        var rules = Enumerable.Range(0, 40)
            .Select(i => Expire($"e{i}", 30, new LifecycleFilter { Tag = new LifecycleTag($"k{i}", "v") }))
            .ToArray();

        var impact = Compare([], rules);

        impact.Kind.Should().Be(ImpactKind.Destructive);
        impact.Findings.Single().After.Should().Contain("treated as destructive");
    }
}

using LakeCircle.Core.Impact;
using LakeCircle.Core.Model;

namespace LakeCircle.Core.Tests.Impact;

/// <summary>One test (or more) per rule of docs/semantics.md, named by its number.</summary>
public sealed class LifecycleEvaluatorTests
{
    private static readonly DateTimeOffset Created = new(2014, 1, 15, 10, 30, 0, TimeSpan.Zero);

    private static DateTimeOffset Day(int year, int month, int day) => new(year, month, day, 0, 0, 0, TimeSpan.Zero);

    private static LifecycleRule Rule(string id, LifecycleFilter? filter = null) =>
        new() { Id = id, Status = RuleStatus.Enabled, Filter = filter ?? LifecycleFilter.MatchAll };

    private static ObjectVersion Object(string key = "logs/a.txt", long size = 1 << 20, DateTimeOffset? created = null, params LifecycleTag[] tags) =>
        new() { Key = key, Size = size, Created = created ?? Created, Tags = ValueList<LifecycleTag>.From(tags) };

    private static ObjectSchedule Evaluate(ObjectVersion version, BucketVersioning versioning, params LifecycleRule[] rules) =>
        LifecycleEvaluator.Evaluate(LifecycleConfiguration.Of(rules), version, versioning);

    private static ObjectSchedule Evaluate(ObjectVersion version, params LifecycleRule[] rules) =>
        Evaluate(version, BucketVersioning.Unversioned, rules);

    [Test]
    public void S1_DisabledRule_DoesNothing()
    {
        var rule = Rule("off") with { Status = RuleStatus.Disabled, Expiration = new() { Days = 1 } };

        Evaluate(Object(), rule).Actions.Should().BeEmpty();
    }

    [Test]
    public void S1_NoConfiguration_NothingHappens()
    {
        LifecycleEvaluator.Evaluate(LifecycleConfiguration.Empty, Object()).Actions.Should().BeEmpty();
    }

    [TestCase("logs/a.txt", true)]
    [TestCase("logs/", true)]
    [TestCase("log/a.txt", false)]
    [TestCase("LOGS/a.txt", false)]
    public void S2_Prefix_MatchesKeysStartingWithIt(string key, bool matches)
    {
        var rule = Rule("p", new LifecycleFilter { Prefix = "logs/" }) with { Expiration = new() { Days = 3 } };

        Evaluate(Object(key), rule).Removal.Should().Match<ScheduledAction?>(r => (r != null) == matches);
    }

    [Test]
    public void S2_LegacyRulePrefix_WithoutFilter_Matches()
    {
        var rule = new LifecycleRule { Id = "legacy", Prefix = "logs/", Expiration = new() { Days = 3 } };

        Evaluate(Object("logs/x"), rule).Removal.Should().NotBeNull();
        Evaluate(Object("data/x"), rule).Removal.Should().BeNull();
    }

    [Test]
    public void S2_EmptyFilter_MatchesEveryObject()
    {
        Evaluate(Object("anything"), Rule("all") with { Expiration = new() { Days = 3 } }).Removal.Should().NotBeNull();
    }

    [Test]
    public void S2_AndWithTags_NeedsEveryTagWithItsValue_ExtraTagsAllowed()
    {
        var filter = new LifecycleFilter
        {
            And = new() { Prefix = "logs/", Tags = ValueList.Of(new LifecycleTag("a", "1"), new LifecycleTag("b", "2")) },
        };
        var rule = Rule("tags", filter) with { Expiration = new() { Days = 3 } };

        Evaluate(Object(tags: [new("a", "1"), new("b", "2"), new("c", "3")]), rule).Removal.Should().NotBeNull();
        Evaluate(Object(tags: [new("a", "1")]), rule).Removal.Should().BeNull();
        Evaluate(Object(tags: [new("a", "1"), new("b", "other")]), rule).Removal.Should().BeNull();
        Evaluate(Object("data/x", tags: [new("a", "1"), new("b", "2")]), rule).Removal.Should().BeNull();
    }

    [Test]
    public void S2_SingleTagFilter_ValueMustMatchExactly()
    {
        var rule = Rule("tag", new LifecycleFilter { Tag = new("class", "temp") }) with { Expiration = new() { Days = 1 } };

        Evaluate(Object(tags: [new("class", "temp")]), rule).Removal.Should().NotBeNull();
        Evaluate(Object(tags: [new("class", "Temp")]), rule).Removal.Should().BeNull();
    }

    [Test]
    public void S2_UnknownTags_RuleWithTagFilterIsLeftOutAndNamed()
    {
        var tagged = Rule("tagged", new LifecycleFilter { Tag = new("class", "temp") }) with { Expiration = new() { Days = 1 } };
        var plain = Rule("plain") with { Expiration = new() { Days = 10 } };
        var version = Object() with { Tags = null };

        var schedule = Evaluate(version, tagged, plain);

        schedule.DependsOnTags.Should().Equal("tagged");
        schedule.Removal!.RuleId.Should().Be("plain");
    }

    [TestCase(500, false)]
    [TestCase(501, true)]
    [TestCase(63999, true)]
    [TestCase(64000, false)]
    public void S3_SizeBounds_AreStrict(long size, bool matches)
    {
        var filter = new LifecycleFilter { And = new() { ObjectSizeGreaterThan = 500, ObjectSizeLessThan = 64000 } };
        var rule = Rule("size", filter) with { Expiration = new() { Days = 1 } };

        (Evaluate(Object(size: size), rule).Removal != null).Should().Be(matches);
    }

    [Test]
    public void S5_Days_AddedToCreationAndRoundedUpToNextMidnightUtc()
    {
        // The user guide's example: created 1/15/2014 10:30 UTC, 3 days: transition date 1/19/2014 00:00 UTC.
        var rule = Rule("t") with { Transitions = ValueList.Of(new LifecycleTransition { Days = 3, StorageClass = "GLACIER" }) };

        var step = Evaluate(Object(), rule).Actions.Single();

        step.Date.Should().Be(Day(2014, 1, 19));
        step.Kind.Should().Be(ScheduledActionKind.Transition);
        step.StorageClass.Should().Be("GLACIER");
        step.RuleId.Should().Be("t");
    }

    [Test]
    public void S5_CreatedExactlyAtMidnight_DateIsThatMidnightPlusDays()
    {
        var rule = Rule("e") with { Expiration = new() { Days = 3 } };

        Evaluate(Object(created: Day(2014, 1, 15)), rule).Removal!.Date.Should().Be(Day(2014, 1, 18));
    }

    [Test]
    public void S5_CreationTimeInAnotherOffset_IsCountedInUtc()
    {
        var rule = Rule("e") with { Expiration = new() { Days = 1 } };
        var created = new DateTimeOffset(2014, 1, 15, 23, 30, 0, TimeSpan.FromHours(-2)); // 01:30 UTC on the 16th

        Evaluate(Object(created: created), rule).Removal!.Date.Should().Be(Day(2014, 1, 18));
    }

    [Test]
    public void S6_Date_AppliesOnTheDateToOlderObjects_AndAfterItToNewOnes()
    {
        var rule = Rule("d") with { Expiration = new() { Date = Day(2014, 6, 1) } };

        Evaluate(Object(), rule).Removal!.Date.Should().Be(Day(2014, 6, 1));
        Evaluate(Object(created: new DateTimeOffset(2014, 7, 3, 9, 0, 0, TimeSpan.Zero)), rule).Removal!.Date.Should().Be(Day(2014, 7, 4));
    }

    [Test]
    public void S4_UnversionedBucket_ExpirationDeletesPermanently()
    {
        var rule = Rule("e") with { Expiration = new() { Days = 30 } };

        var schedule = Evaluate(Object(), rule);

        schedule.Removal!.Kind.Should().Be(ScheduledActionKind.Delete);
        schedule.Deletion.Should().Be(schedule.Removal);
    }

    [Test]
    public void S4_VersionedBucket_ExpirationAddsDeleteMarker_ThenNoncurrentRulesCountFromIt()
    {
        var rule = Rule("e") with
        {
            Expiration = new() { Days = 30 },
            NoncurrentVersionExpiration = new() { NoncurrentDays = 7 },
        };

        var schedule = Evaluate(Object(), BucketVersioning.Enabled, rule);

        schedule.Actions.Select(a => (a.Kind, a.Date, a.Noncurrent)).Should().Equal(
            (ScheduledActionKind.CreateDeleteMarker, Day(2014, 2, 15), false),
            (ScheduledActionKind.Delete, Day(2014, 2, 22), true));
        schedule.Removal!.Kind.Should().Be(ScheduledActionKind.CreateDeleteMarker);
        schedule.Deletion!.Date.Should().Be(Day(2014, 2, 22));
    }

    [Test]
    public void S4_SuspendedBucket_ExpirationAddsDeleteMarker()
    {
        var rule = Rule("e") with { Expiration = new() { Days = 30 } };

        Evaluate(Object(), BucketVersioning.Suspended, rule).Removal!.Kind.Should().Be(ScheduledActionKind.CreateDeleteMarker);
    }

    [Test]
    public void S4_UnversionedBucket_NoncurrentActionsHaveNoEffect()
    {
        var rule = Rule("n") with { NoncurrentVersionExpiration = new() { NoncurrentDays = 1 } };
        var version = Object() with { IsCurrent = false, NoncurrentSince = Created };

        Evaluate(version, BucketVersioning.Unversioned, rule).Actions.Should().BeEmpty();
        Evaluate(version, BucketVersioning.Enabled, rule).Actions.Should().ContainSingle();
    }

    [Test]
    public void S7_NoncurrentDays_CountFromTheSuccessorsCreation()
    {
        // The user guide's example: successor created 1/15/2014 10:30 UTC, 3 days: 1/19/2014 00:00 UTC.
        var rule = Rule("n") with
        {
            NoncurrentVersionTransitions = ValueList.Of(new NoncurrentVersionTransition { NoncurrentDays = 3, StorageClass = "GLACIER" }),
        };
        var version = Object(created: Day(2014, 1, 1).AddHours(10.5)) with { IsCurrent = false, NoncurrentSince = Created };

        var step = Evaluate(version, BucketVersioning.Enabled, rule).Actions.Single();

        step.Date.Should().Be(Day(2014, 1, 19));
        step.Noncurrent.Should().BeTrue();
    }

    [Test]
    public void S7_NoncurrentVersion_CurrentVersionActionsDoNotApply()
    {
        var rule = Rule("c") with { Expiration = new() { Days = 1 }, Transitions = ValueList.Of(new LifecycleTransition { Days = 0, StorageClass = "GLACIER" }) };
        var version = Object() with { IsCurrent = false, NoncurrentSince = Created };

        Evaluate(version, BucketVersioning.Enabled, rule).Actions.Should().BeEmpty();
    }

    [TestCase(0, false)]
    [TestCase(2, false)]
    [TestCase(3, true)]
    [TestCase(10, true)]
    public void S7_NewerNoncurrentVersions_OnlyVersionsBeyondTheRetainedOnesExpire(int newer, bool expires)
    {
        var rule = Rule("n") with { NoncurrentVersionExpiration = new() { NoncurrentDays = 30, NewerNoncurrentVersions = 3 } };
        var version = Object() with { IsCurrent = false, NoncurrentSince = Created, NewerNoncurrentVersions = newer };

        (Evaluate(version, BucketVersioning.Enabled, rule).Deletion != null).Should().Be(expires);
    }

    [Test]
    public void S7_NoncurrentSinceUnknown_NothingIsScheduled()
    {
        var rule = Rule("n") with { NoncurrentVersionExpiration = new() { NoncurrentDays = 1 } };

        Evaluate(Object() with { IsCurrent = false }, BucketVersioning.Enabled, rule).Actions.Should().BeEmpty();
    }

    [Test]
    public void S8_ObjectsUnder128K_AreNotTransitionedByDefault()
    {
        var rule = Rule("t") with { Transitions = ValueList.Of(new LifecycleTransition { Days = 30, StorageClass = "GLACIER" }) };

        Evaluate(Object(size: 128 * 1024 - 1), rule).Actions.Should().BeEmpty();
        Evaluate(Object(size: 128 * 1024), rule).Actions.Should().ContainSingle();
    }

    [Test]
    public void S8_VariesByStorageClass_SmallObjectsGoToGlacierAndDeepArchiveOnly()
    {
        var rules = ValueList.Of(
            Rule("ia") with { Transitions = ValueList.Of(new LifecycleTransition { Days = 30, StorageClass = "STANDARD_IA" }) },
            Rule("glacier") with { Transitions = ValueList.Of(new LifecycleTransition { Days = 60, StorageClass = "GLACIER" }) });
        var configuration = new LifecycleConfiguration { Rules = rules, TransitionDefaultMinimumObjectSize = "varies_by_storage_class" };

        var schedule = LifecycleEvaluator.Evaluate(configuration, Object(size: 1000));

        schedule.Actions.Select(a => a.StorageClass).Should().Equal("GLACIER");
    }

    [Test]
    public void S8_SizeBoundInTheRulesFilter_OverridesTheDefault()
    {
        var rule = Rule("small", new LifecycleFilter { ObjectSizeGreaterThan = 100 }) with
        {
            Transitions = ValueList.Of(new LifecycleTransition { Days = 30, StorageClass = "STANDARD_IA" }),
        };

        Evaluate(Object(size: 1000), rule).Actions.Should().ContainSingle();
    }

    [Test]
    public void S8_DeletionIsNotLimitedBySize()
    {
        Evaluate(Object(size: 0), Rule("e") with { Expiration = new() { Days = 1 } }).Removal.Should().NotBeNull();
    }

    [Test]
    public void S9_ExpiredObjectDeleteMarker_IsRemoved()
    {
        var rule = Rule("m", new LifecycleFilter { Prefix = "logs/" }) with { Expiration = new() { ExpiredObjectDeleteMarker = true } };
        var marker = Object(size: 0) with { IsDeleteMarker = true, IsOnlyVersion = true };

        var step = Evaluate(marker, BucketVersioning.Enabled, rule).Actions.Single();

        step.Kind.Should().Be(ScheduledActionKind.RemoveDeleteMarker);
        step.Date.Should().Be(Day(2014, 1, 16));
    }

    [Test]
    public void S9_DeleteMarkerWithVersionsUnderIt_IsKept()
    {
        var rule = Rule("m") with { Expiration = new() { ExpiredObjectDeleteMarker = true } };
        var marker = Object(size: 0) with { IsDeleteMarker = true, IsOnlyVersion = false };

        Evaluate(marker, BucketVersioning.Enabled, rule).Actions.Should().BeEmpty();
    }

    [Test]
    public void S9_ExpirationDays_RemovesAnExpiredDeleteMarkerToo()
    {
        var rule = Rule("e") with { Expiration = new() { Days = 5 } };
        var marker = Object(size: 0) with { IsDeleteMarker = true, IsOnlyVersion = true };

        Evaluate(marker, BucketVersioning.Enabled, rule).Actions.Single().Kind.Should().Be(ScheduledActionKind.RemoveDeleteMarker);
    }

    [Test]
    public void S10_PermanentDeletionWinsOverTransitionOnTheSameDay()
    {
        var rules = new[]
        {
            Rule("expire") with { Expiration = new() { Days = 365 } },
            Rule("archive") with { Transitions = ValueList.Of(new LifecycleTransition { Days = 365, StorageClass = "GLACIER" }) },
        };

        Evaluate(Object(), rules).Actions.Select(a => a.Kind).Should().Equal(ScheduledActionKind.Delete);
    }

    [Test]
    public void S10_TransitionWinsOverDeleteMarkerCreationOnTheSameDay()
    {
        var rules = new[]
        {
            Rule("expire") with { Expiration = new() { Days = 365 } },
            Rule("archive") with { Transitions = ValueList.Of(new LifecycleTransition { Days = 365, StorageClass = "GLACIER" }) },
        };

        Evaluate(Object(), BucketVersioning.Enabled, rules).Actions.Select(a => a.Kind)
            .Should().Equal(ScheduledActionKind.Transition, ScheduledActionKind.CreateDeleteMarker);
    }

    [Test]
    public void S10_SameDayTransitions_GlacierWinsOverStandardIA()
    {
        var rules = new[]
        {
            Rule("ia") with { Transitions = ValueList.Of(new LifecycleTransition { Days = 30, StorageClass = "STANDARD_IA" }) },
            Rule("glacier") with { Transitions = ValueList.Of(new LifecycleTransition { Days = 30, StorageClass = "GLACIER" }) },
        };

        var step = Evaluate(Object(), rules).Actions.Single();

        step.StorageClass.Should().Be("GLACIER");
        step.RuleId.Should().Be("glacier");
    }

    [Test]
    public void S10_SameDayTransitions_IntelligentTieringWinsOverGlacierIR_ButNotOverGlacier()
    {
        Transition("INTELLIGENT_TIERING", "GLACIER_IR").Should().Be("INTELLIGENT_TIERING");
        Transition("INTELLIGENT_TIERING", "GLACIER").Should().Be("GLACIER");
        Transition("DEEP_ARCHIVE", "GLACIER").Should().Be("DEEP_ARCHIVE");

        static string? Transition(string a, string b) => Evaluate(Object(),
            Rule("a") with { Transitions = ValueList.Of(new LifecycleTransition { Days = 30, StorageClass = a }) },
            Rule("b") with { Transitions = ValueList.Of(new LifecycleTransition { Days = 30, StorageClass = b }) })
            .Actions.Single().StorageClass;
    }

    [Test]
    public void S10_OverlappingExpirations_TheEarliestWins()
    {
        var rules = new[]
        {
            Rule("year") with { Expiration = new() { Days = 365 } },
            Rule("logs", new LifecycleFilter { Prefix = "logs/" }) with { Expiration = new() { Days = 30 } },
        };

        var removal = Evaluate(Object(), rules).Removal!;

        removal.RuleId.Should().Be("logs");
        removal.Date.Should().Be(Day(2014, 2, 15));
    }

    [Test]
    public void S10_TransitionsAfterTheDeletion_NeverHappen()
    {
        var rule = Rule("r") with
        {
            Expiration = new() { Days = 60 },
            Transitions = ValueList.Of(new LifecycleTransition { Days = 30, StorageClass = "STANDARD_IA" }, new LifecycleTransition { Days = 90, StorageClass = "GLACIER" }),
        };

        Evaluate(Object(), rule).Actions.Select(a => a.Kind.ToString() + ":" + a.StorageClass)
            .Should().Equal("Transition:STANDARD_IA", "Delete:");
    }

    [Test]
    public void S11_Waterfall_NoTransitionToAWarmerClass()
    {
        var rules = new[]
        {
            Rule("glacier") with { Transitions = ValueList.Of(new LifecycleTransition { Days = 30, StorageClass = "GLACIER" }) },
            Rule("ia") with { Transitions = ValueList.Of(new LifecycleTransition { Days = 60, StorageClass = "STANDARD_IA" }) },
            Rule("deep") with { Transitions = ValueList.Of(new LifecycleTransition { Days = 180, StorageClass = "DEEP_ARCHIVE" }) },
        };

        var schedule = Evaluate(Object(), rules);

        schedule.Actions.Select(a => a.StorageClass).Should().Equal("GLACIER", "DEEP_ARCHIVE");
        schedule.StorageClassOn(Day(2014, 4, 1)).Should().Be("GLACIER");
        schedule.StorageClassOn(Day(2014, 1, 16)).Should().Be("STANDARD");
    }

    [Test]
    public void S11_VersionAlreadyInAColderClass_IsNotMovedBack()
    {
        var rule = Rule("ia") with { Transitions = ValueList.Of(new LifecycleTransition { Days = 30, StorageClass = "STANDARD_IA" }) };

        Evaluate(Object() with { StorageClass = "GLACIER" }, rule).Actions.Should().BeEmpty();
    }

    [TestCase("STANDARD", "GLACIER_IR", true)]
    [TestCase("STANDARD_IA", "INTELLIGENT_TIERING", true)]
    [TestCase("STANDARD_IA", "GLACIER_IR", true)]
    [TestCase("INTELLIGENT_TIERING", "ONEZONE_IA", true)]
    [TestCase("INTELLIGENT_TIERING", "STANDARD_IA", false)]
    [TestCase("ONEZONE_IA", "GLACIER_IR", false)]
    [TestCase("ONEZONE_IA", "GLACIER", true)]
    [TestCase("GLACIER_IR", "DEEP_ARCHIVE", true)]
    [TestCase("GLACIER", "DEEP_ARCHIVE", true)]
    [TestCase("GLACIER", "GLACIER_IR", false)]
    [TestCase("DEEP_ARCHIVE", "GLACIER", false)]
    public void S11_Waterfall_OnlySupportedTransitionsHappen(string from, string to, bool happens)
    {
        var rule = Rule("t") with { Transitions = ValueList.Of(new LifecycleTransition { Days = 30, StorageClass = to }) };

        Evaluate(Object() with { StorageClass = from }, rule).Actions.Should().HaveCount(happens ? 1 : 0);
    }

    [Test]
    public void Schedule_IsInDateOrder_AndStorageClassIsGoneAfterDeletion()
    {
        var rule = Rule("r") with
        {
            Expiration = new() { Days = 400 },
            Transitions = ValueList.Of(new LifecycleTransition { Days = 90, StorageClass = "GLACIER" }, new LifecycleTransition { Days = 30, StorageClass = "STANDARD_IA" }),
        };

        var schedule = Evaluate(Object(), rule);

        schedule.Actions.Select(a => a.Date).Should().BeInAscendingOrder();
        schedule.StorageClassOn(Day(2016, 1, 1)).Should().BeNull();
    }
}

using LakeCircle.Core.Model;
using static LakeCircle.Core.Tests.Validation.ValidationHelpers;

namespace LakeCircle.Core.Tests.Validation;

public class TransitionOrderTests
{
    private static readonly DateTimeOffset Midnight = new(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static LifecycleTransition At(int days, string storageClass) => new() { Days = days, StorageClass = storageClass };

    private static LifecycleTransition On(DateTimeOffset date, string storageClass) => new() { Date = date, StorageClass = storageClass };

    private static LifecycleRule WithTransitions(LifecycleExpiration? expiration, params LifecycleTransition[] transitions) =>
        ValidRule() with { Expiration = expiration, Transitions = ValueList.Of(transitions) };

    private static NoncurrentVersionTransition NoncurrentAt(int days, string storageClass) => new() { NoncurrentDays = days, StorageClass = storageClass };

    [Test]
    public void Validate_WarmerClassAfterColder_ReportsLaterStorageClass()
    {
        SingleProblem(WithTransitions(null, At(30, StorageClasses.Glacier), At(90, StorageClasses.GlacierIR))).ShouldBeError()
            .ShouldReport("Rules[0].Transitions[1].StorageClass", "r1", "does not support", "from GLACIER", "to GLACIER_IR at day 90", "may move to DEEP_ARCHIVE");
    }

    [Test]
    public void Validate_OneZoneIAThenGlacierIR_ReportsUnsupportedMove()
    {
        SingleProblem(WithTransitions(null, At(30, StorageClasses.OneZoneIA), At(90, StorageClasses.GlacierIR))).ShouldBeError()
            .ShouldReport("Rules[0].Transitions[1].StorageClass", "r1", "does not support", "from ONEZONE_IA", "to GLACIER_IR", "GLACIER, DEEP_ARCHIVE");
        Validate(WithTransitions(null, At(30, StorageClasses.OneZoneIA), At(90, StorageClasses.Glacier))).Should().BeEmpty();
        Validate(WithTransitions(null, At(30, StorageClasses.IntelligentTiering), At(60, StorageClasses.GlacierIR))).Should().BeEmpty();
    }

    [TestCase(StorageClasses.Glacier)]
    [TestCase(StorageClasses.GlacierIR)]
    public void Validate_DeepArchiveLessThan90DaysAfterGlacier_ReportsDeepArchiveDays(string glacier)
    {
        SingleProblem(WithTransitions(null, At(30, glacier), At(119, StorageClasses.DeepArchive))).ShouldBeError()
            .ShouldReport("Rules[0].Transitions[1].Days", "r1", "DEEP_ARCHIVE must come at least 90 days after", glacier, "got day 119");
        Validate(WithTransitions(null, At(30, glacier), At(120, StorageClasses.DeepArchive))).Should().BeEmpty();
    }

    [Test]
    public void Validate_DeepArchiveDateLessThan90DaysAfterGlacier_ReportsDeepArchiveDate()
    {
        SingleProblem(WithTransitions(null, On(Midnight, StorageClasses.Glacier), On(Midnight.AddDays(89), StorageClasses.DeepArchive)))
            .ShouldBeError().ShouldReport("Rules[0].Transitions[1].Date", "r1", "at least 90 days after", "got 2030-03-31");
    }

    [Test]
    public void Validate_DeepArchive90DaysAfterGlacierForNoncurrent_IsNotChecked()
    {
        var rule = ValidRule() with
        {
            NoncurrentVersionTransitions = ValueList.Of(NoncurrentAt(10, StorageClasses.Glacier), NoncurrentAt(20, StorageClasses.DeepArchive)),
        };

        Validate(rule).Should().BeEmpty();
    }

    [Test]
    public void Validate_FullWaterfallInListedOrderOrShuffled_ReportsNothing()
    {
        var waterfall = new[]
        {
            At(30, StorageClasses.StandardIA), At(60, StorageClasses.IntelligentTiering), At(90, StorageClasses.OneZoneIA),
            At(120, StorageClasses.Glacier), At(210, StorageClasses.DeepArchive),
        };

        Validate(WithTransitions(new LifecycleExpiration { Days = 211 }, waterfall)).Should().BeEmpty();
        Validate(WithTransitions(null, waterfall.Reverse().ToArray())).Should().BeEmpty();
    }

    [Test]
    public void Validate_TwoTransitionsOnSameDay_ReportsLaterOne()
    {
        SingleProblem(WithTransitions(null, At(5, StorageClasses.IntelligentTiering), At(5, StorageClasses.Glacier))).ShouldBeWarning()
            .ShouldReport("Rules[0].Transitions[1].Days", "r1", "after the previous one", "both happen at day 5");
    }

    [Test]
    public void Validate_TransitionLessThan30DaysAfterStandardIA_ReportsNextDays()
    {
        SingleProblem(WithTransitions(null, At(30, StorageClasses.StandardIA), At(59, StorageClasses.Glacier))).ShouldBeError()
            .ShouldReport("Rules[0].Transitions[1].Days", "r1", "at least 30 days in STANDARD_IA", "got day 59");
        Validate(WithTransitions(null, At(30, StorageClasses.StandardIA), At(60, StorageClasses.Glacier))).Should().BeEmpty();
    }

    [TestCase(StorageClasses.IntelligentTiering)]
    [TestCase(StorageClasses.GlacierIR)]
    public void Validate_LessThan30DaysInStandardIABeforeUndocumentedClass_Warns(string next)
    {
        SingleProblem(WithTransitions(null, At(30, StorageClasses.StandardIA), At(40, next))).ShouldBeWarning()
            .ShouldReport("Rules[0].Transitions[1].Days", "r1", "at least 30 days in STANDARD_IA", "got day 40");
    }

    [Test]
    public void Validate_DateTransitionLessThan30DaysAfterOneZoneIA_ReportsNextDate()
    {
        SingleProblem(WithTransitions(null, On(Midnight, StorageClasses.OneZoneIA), On(Midnight.AddDays(10), StorageClasses.DeepArchive)))
            .ShouldReport("Rules[0].Transitions[1].Date", "r1", "at least 30 days in ONEZONE_IA", "got 2030-01-11");
    }

    [Test]
    public void Validate_ExpirationDaysNotAfterLastTransition_ReportsExpirationDays()
    {
        SingleProblem(WithTransitions(new LifecycleExpiration { Days = 365 }, At(30, StorageClasses.StandardIA), At(365, StorageClasses.Glacier)))
            .ShouldReport("Rules[0].Expiration.Days", "r1", "after the last transition", "GLACIER at day 365", "got day 365");
    }

    [Test]
    public void Validate_ExpirationDateBeforeLastTransitionDate_ReportsExpirationDate()
    {
        SingleProblem(WithTransitions(new LifecycleExpiration { Date = Midnight }, On(Midnight.AddDays(1), StorageClasses.Glacier)))
            .ShouldReport("Rules[0].Expiration.Date", "r1", "after the last transition", "GLACIER at 2030-01-02", "got 2030-01-01");
    }

    [Test]
    public void Validate_DeleteMarkerExpirationWithTransitions_IsNotOrdered()
    {
        Validate(WithTransitions(new LifecycleExpiration { ExpiredObjectDeleteMarker = true }, At(10, StorageClasses.Glacier))).Should().BeEmpty();
    }

    [Test]
    public void Validate_NoncurrentWarmerAfterColder_ReportsStorageClass()
    {
        var rule = ValidRule() with
        {
            NoncurrentVersionTransitions = ValueList.Of(NoncurrentAt(10, StorageClasses.DeepArchive), NoncurrentAt(40, StorageClasses.StandardIA)),
        };

        SingleProblem(rule).ShouldBeWarning()
            .ShouldReport("Rules[0].NoncurrentVersionTransitions[1].StorageClass", "r1", "does not support", "from DEEP_ARCHIVE", "to STANDARD_IA at day 40");
    }

    [Test]
    public void Validate_NoncurrentLessThan30DaysAfterStandardIA_ReportsNoncurrentDays()
    {
        var rule = ValidRule() with
        {
            NoncurrentVersionTransitions = ValueList.Of(NoncurrentAt(30, StorageClasses.StandardIA), NoncurrentAt(45, StorageClasses.Glacier)),
        };

        SingleProblem(rule).ShouldBeWarning()
            .ShouldReport("Rules[0].NoncurrentVersionTransitions[1].NoncurrentDays", "r1", "at least 30 days in STANDARD_IA", "got day 45");
    }

    [Test]
    public void Validate_NoncurrentExpirationNotAfterLastNoncurrentTransition_ReportsNoncurrentDays()
    {
        var rule = ValidRule() with
        {
            NoncurrentVersionTransitions = ValueList.Of(NoncurrentAt(30, StorageClasses.Glacier)),
            NoncurrentVersionExpiration = new NoncurrentVersionExpiration { NoncurrentDays = 20 },
        };

        SingleProblem(rule).ShouldBeError()
            .ShouldReport("Rules[0].NoncurrentVersionExpiration.NoncurrentDays", "r1", "after the last transition", "GLACIER at day 30", "got day 20");
    }

    /// <summary>Terraform's acceptance test EmptyFilter_NonCurrentVersions applies this against AWS.</summary>
    [Test]
    public void Validate_NoncurrentExpirationOnLastTransitionDayWithNewerVersions_ReportsNothing()
    {
        var rule = ValidRule() with
        {
            Filter = new LifecycleFilter(),
            NoncurrentVersionTransitions = ValueList.Of(NoncurrentAt(30, StorageClasses.StandardIA)),
            NoncurrentVersionExpiration = new NoncurrentVersionExpiration { NoncurrentDays = 30, NewerNoncurrentVersions = 2 },
        };

        Validate(rule).Should().BeEmpty();
    }

    [Test]
    public void Validate_NoncurrentExpirationBeforeLastTransitionWithNewerVersions_Warns()
    {
        var rule = ValidRule() with
        {
            NoncurrentVersionTransitions = ValueList.Of(NoncurrentAt(30, StorageClasses.Glacier)),
            NoncurrentVersionExpiration = new NoncurrentVersionExpiration { NoncurrentDays = 20, NewerNoncurrentVersions = 2 },
        };

        SingleProblem(rule).ShouldBeWarning()
            .ShouldReport("Rules[0].NoncurrentVersionExpiration.NoncurrentDays", "r1", "should come after the last transition", "got day 20");
    }

    [Test]
    public void Validate_NoncurrentExpirationOnLastTransitionDayWithoutNewerVersions_ReportsError()
    {
        var rule = ValidRule() with
        {
            NoncurrentVersionTransitions = ValueList.Of(NoncurrentAt(30, StorageClasses.StandardIA)),
            NoncurrentVersionExpiration = new NoncurrentVersionExpiration { NoncurrentDays = 30 },
        };

        SingleProblem(rule).ShouldBeError().ShouldReport("Rules[0].NoncurrentVersionExpiration.NoncurrentDays", "r1", "after the last transition");
    }
}

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
        SingleProblem(WithTransitions(null, At(30, StorageClasses.Glacier), At(90, StorageClasses.GlacierIR)))
            .ShouldReport("Rules[0].Transitions[1].StorageClass", "r1", "colder", "GLACIER_IR at day 90 comes after GLACIER at day 30");
    }

    [Test]
    public void Validate_FullWaterfallInListedOrderOrShuffled_ReportsNothing()
    {
        var waterfall = new[]
        {
            At(30, StorageClasses.StandardIA), At(60, StorageClasses.IntelligentTiering), At(90, StorageClasses.OneZoneIA),
            At(120, StorageClasses.GlacierIR), At(150, StorageClasses.Glacier), At(180, StorageClasses.DeepArchive),
        };

        Validate(WithTransitions(new LifecycleExpiration { Days = 181 }, waterfall)).Should().BeEmpty();
        Validate(WithTransitions(null, waterfall.Reverse().ToArray())).Should().BeEmpty();
    }

    [Test]
    public void Validate_TwoTransitionsOnSameDay_ReportsLaterOne()
    {
        SingleProblem(WithTransitions(null, At(5, StorageClasses.Glacier), At(5, StorageClasses.DeepArchive)))
            .ShouldReport("Rules[0].Transitions[1].Days", "r1", "after the previous one", "both happen at day 5");
    }

    [Test]
    public void Validate_TransitionLessThan30DaysAfterStandardIA_ReportsNextDays()
    {
        SingleProblem(WithTransitions(null, At(30, StorageClasses.StandardIA), At(59, StorageClasses.Glacier)))
            .ShouldReport("Rules[0].Transitions[1].Days", "r1", "at least 30 days in STANDARD_IA", "got day 59");
        Validate(WithTransitions(null, At(30, StorageClasses.StandardIA), At(60, StorageClasses.Glacier))).Should().BeEmpty();
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

        SingleProblem(rule).ShouldReport("Rules[0].NoncurrentVersionTransitions[1].StorageClass", "r1", "colder", "STANDARD_IA at day 40 comes after DEEP_ARCHIVE at day 10");
    }

    [Test]
    public void Validate_NoncurrentLessThan30DaysAfterStandardIA_ReportsNoncurrentDays()
    {
        var rule = ValidRule() with
        {
            NoncurrentVersionTransitions = ValueList.Of(NoncurrentAt(30, StorageClasses.StandardIA), NoncurrentAt(45, StorageClasses.Glacier)),
        };

        SingleProblem(rule).ShouldReport("Rules[0].NoncurrentVersionTransitions[1].NoncurrentDays", "r1", "at least 30 days in STANDARD_IA", "got day 45");
    }

    [Test]
    public void Validate_NoncurrentExpirationNotAfterLastNoncurrentTransition_ReportsNoncurrentDays()
    {
        var rule = ValidRule() with
        {
            NoncurrentVersionTransitions = ValueList.Of(NoncurrentAt(30, StorageClasses.Glacier)),
            NoncurrentVersionExpiration = new NoncurrentVersionExpiration { NoncurrentDays = 20 },
        };

        SingleProblem(rule).ShouldReport("Rules[0].NoncurrentVersionExpiration.NoncurrentDays", "r1", "after the last transition", "GLACIER at day 30", "got day 20");
    }
}

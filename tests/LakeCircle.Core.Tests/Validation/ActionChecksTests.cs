using LakeCircle.Core.Model;
using static LakeCircle.Core.Tests.Validation.ValidationHelpers;

namespace LakeCircle.Core.Tests.Validation;

public class ActionChecksTests
{
    private static readonly DateTimeOffset Midnight = new(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static LifecycleRule WithExpiration(LifecycleExpiration expiration) => ValidRule() with { Expiration = expiration };

    [TestCase(0)]
    [TestCase(-3)]
    public void Validate_ExpirationDaysNotPositive_ReportsDays(int days)
    {
        SingleProblem(WithExpiration(new LifecycleExpiration { Days = days }))
            .ShouldReport("Rules[0].Expiration.Days", "r1", "Days must be a positive integer", $"got {days}");
    }

    [Test]
    public void Validate_ExpirationWithNothingSet_ReportsExpiration()
    {
        SingleProblem(WithExpiration(new LifecycleExpiration()))
            .ShouldReport("Rules[0].Expiration", "r1", "exactly one of Days, Date or ExpiredObjectDeleteMarker", "got none");
    }

    [Test]
    public void Validate_ExpirationDaysAndDeleteMarker_ReportsExpiration()
    {
        SingleProblem(WithExpiration(new LifecycleExpiration { Days = 3, ExpiredObjectDeleteMarker = true }))
            .ShouldReport("Rules[0].Expiration", "r1", "exactly one of", "got Days and ExpiredObjectDeleteMarker");
    }

    [Test]
    public void Validate_ExpirationDateNotMidnightUtc_ReportsDate()
    {
        var notMidnightUtc = new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.FromHours(2));

        SingleProblem(WithExpiration(new LifecycleExpiration { Date = notMidnightUtc }))
            .ShouldReport("Rules[0].Expiration.Date", "r1", "midnight UTC", "2030-01-01T00:00:00+02:00");
        Validate(WithExpiration(new LifecycleExpiration { Date = Midnight })).Should().BeEmpty();
    }

    [Test]
    public void Validate_DeleteMarkerWithTagFilter_ReportsDeleteMarker()
    {
        var rule = ValidRule() with
        {
            Filter = new LifecycleFilter { Tag = new LifecycleTag("k", "v") },
            Expiration = new LifecycleExpiration { ExpiredObjectDeleteMarker = true },
        };

        SingleProblem(rule).ShouldReport("Rules[0].Expiration.ExpiredObjectDeleteMarker", "r1", "cannot be used", "has tags");
    }

    [Test]
    public void Validate_DeleteMarkerWithSizeFilter_ReportsDeleteMarker()
    {
        var rule = ValidRule() with
        {
            Filter = new LifecycleFilter { And = new LifecycleAndOperator { Prefix = "a/", ObjectSizeLessThan = 10 } },
            Expiration = new LifecycleExpiration { ExpiredObjectDeleteMarker = false },
        };

        SingleProblem(rule).ShouldReport("Rules[0].Expiration.ExpiredObjectDeleteMarker", "r1", "cannot be used", "object size condition");
    }

    [Test]
    public void Validate_AbortWithTagFilter_ReportsAbort()
    {
        var rule = ValidRule() with
        {
            Filter = new LifecycleFilter { And = new LifecycleAndOperator { Prefix = "a/", Tags = ValueList.Of(new LifecycleTag("k", "v")) } },
            AbortIncompleteMultipartUpload = new AbortIncompleteMultipartUpload { DaysAfterInitiation = 7 },
        };

        SingleProblem(rule).ShouldReport("Rules[0].AbortIncompleteMultipartUpload", "r1", "AbortIncompleteMultipartUpload cannot be used", "has tags");
    }

    [Test]
    public void Validate_AbortWithSizeFilter_ReportsAbort()
    {
        var rule = ValidRule() with
        {
            Filter = new LifecycleFilter { ObjectSizeGreaterThan = 1 },
            AbortIncompleteMultipartUpload = new AbortIncompleteMultipartUpload { DaysAfterInitiation = 7 },
        };

        SingleProblem(rule).ShouldReport("Rules[0].AbortIncompleteMultipartUpload", "r1", "object size condition");
    }

    [Test]
    public void Validate_AbortWithoutDays_ReportsDaysAfterInitiation()
    {
        SingleProblem(ValidRule() with { AbortIncompleteMultipartUpload = new AbortIncompleteMultipartUpload() })
            .ShouldReport("Rules[0].AbortIncompleteMultipartUpload.DaysAfterInitiation", "r1", "required", "positive integer");
    }

    [Test]
    public void Validate_AbortZeroDays_ReportsDaysAfterInitiation()
    {
        SingleProblem(ValidRule() with { AbortIncompleteMultipartUpload = new AbortIncompleteMultipartUpload { DaysAfterInitiation = 0 } })
            .ShouldReport("Rules[0].AbortIncompleteMultipartUpload.DaysAfterInitiation", "r1", "positive integer", "got 0");
    }

    [Test]
    public void Validate_TransitionWithDaysAndDate_ReportsTransition()
    {
        var rule = ValidRule() with
        {
            Expiration = null,
            Transitions = ValueList.Of(new LifecycleTransition { Days = 1, Date = Midnight, StorageClass = StorageClasses.Glacier }),
        };

        SingleProblem(rule).ShouldReport("Rules[0].Transitions[0]", "r1", "exactly one of Days or Date", "both");
    }

    [Test]
    public void Validate_TransitionWithoutDaysOrDate_ReportsTransition()
    {
        var rule = ValidRule() with { Expiration = null, Transitions = ValueList.Of(new LifecycleTransition { StorageClass = StorageClasses.Glacier }) };

        SingleProblem(rule).ShouldReport("Rules[0].Transitions[0]", "r1", "exactly one of Days or Date", "neither");
    }

    [Test]
    public void Validate_TransitionNegativeDays_ReportsDays()
    {
        var rule = ValidRule() with { Expiration = null, Transitions = ValueList.Of(new LifecycleTransition { Days = -1, StorageClass = StorageClasses.Glacier }) };

        SingleProblem(rule).ShouldReport("Rules[0].Transitions[0].Days", "r1", "0 or a positive integer", "got -1");
    }

    [Test]
    public void Validate_TransitionUnknownStorageClass_ReportsStorageClass()
    {
        var rule = ValidRule() with { Expiration = null, Transitions = ValueList.Of(new LifecycleTransition { Days = 1, StorageClass = "glacier" }) };

        SingleProblem(rule).ShouldReport("Rules[0].Transitions[0].StorageClass", "r1", "STANDARD_IA, INTELLIGENT_TIERING", "got 'glacier'");
    }

    [TestCase(StorageClasses.StandardIA)]
    [TestCase(StorageClasses.OneZoneIA)]
    public void Validate_InfrequentAccessBefore30Days_ReportsDays(string storageClass)
    {
        var rule = ValidRule() with { Expiration = null, Transitions = ValueList.Of(new LifecycleTransition { Days = 29, StorageClass = storageClass }) };

        SingleProblem(rule).ShouldReport("Rules[0].Transitions[0].Days", "r1", $"at least 30 for a transition to {storageClass}", "got 29");
    }

    [Test]
    public void Validate_TransitionDateNotMidnight_ReportsDate()
    {
        var rule = ValidRule() with
        {
            Expiration = null,
            Transitions = ValueList.Of(new LifecycleTransition { Date = Midnight.AddHours(6), StorageClass = StorageClasses.Glacier }),
        };

        SingleProblem(rule).ShouldReport("Rules[0].Transitions[0].Date", "r1", "midnight UTC", "2030-01-01T06:00:00");
    }

    [Test]
    public void Validate_TwoTransitionsToSameClass_ReportsSecond()
    {
        var rule = ValidRule() with
        {
            Expiration = null,
            Transitions = ValueList.Of(
                new LifecycleTransition { Days = 10, StorageClass = StorageClasses.Glacier },
                new LifecycleTransition { Days = 20, StorageClass = StorageClasses.Glacier }),
        };

        SingleProblem(rule).ShouldReport("Rules[0].Transitions[1].StorageClass", "r1", "different storage class", "GLACIER", "Transitions[0]");
    }

    [Test]
    public void Validate_ExpirationDateWithTransitionDays_ReportsMix()
    {
        var rule = ValidRule() with
        {
            Expiration = new LifecycleExpiration { Date = Midnight },
            Transitions = ValueList.Of(new LifecycleTransition { Days = 10, StorageClass = StorageClasses.Glacier }),
        };

        SingleProblem(rule).ShouldReport("Rules[0].Expiration.Date", "r1", "all use Days or all use Date", "Transitions[0] uses Days");
    }

    [Test]
    public void Validate_TransitionDatesWithExpirationDate_ReportsNothing()
    {
        var rule = ValidRule() with
        {
            Expiration = new LifecycleExpiration { Date = Midnight.AddDays(400) },
            Transitions = ValueList.Of(new LifecycleTransition { Date = Midnight, StorageClass = StorageClasses.StandardIA }),
        };

        Validate(rule).Should().BeEmpty();
    }
}

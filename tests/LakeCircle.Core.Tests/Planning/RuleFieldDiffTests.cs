using LakeCircle.Core.Model;
using LakeCircle.Core.Planning;

namespace LakeCircle.Core.Tests.Planning;

public class RuleFieldDiffTests
{
    private static readonly LifecycleRule Rule = new() { Id = "r", Filter = new LifecycleFilter { Prefix = "logs/" }, Expiration = new LifecycleExpiration { Days = 30 } };

    [Test]
    public void Of_SameMeaningOtherShape_NoFields()
    {
        var other = Rule with { Filter = null, Prefix = "logs/", Expiration = new LifecycleExpiration { Days = 30, ExpiredObjectDeleteMarker = false } };

        RuleFieldDiff.Of(Rule, other).Should().BeEmpty();
    }

    [Test]
    public void Of_FilterChanged_RendersConditionsReadably()
    {
        var narrowed = Rule with
        {
            Filter = new LifecycleFilter
            {
                And = new LifecycleAndOperator { Prefix = "logs/", Tags = ValueList.Of(new LifecycleTag("team", "a b"), new LifecycleTag("env", "prod")), ObjectSizeGreaterThan = 1024 },
            },
        };

        RuleFieldDiff.Of(Rule, narrowed).Should().Equal(
            new FieldChange("Filter", "Prefix=logs/", "Prefix=logs/ AND Tag env=prod AND Tag team=\"a b\" AND ObjectSizeGreaterThan=1024"));
    }

    [Test]
    public void Of_FilterRemoved_RendersEveryObject()
    {
        RuleFieldDiff.Of(Rule, Rule with { Filter = LifecycleFilter.MatchAll })
            .Should().Equal(new FieldChange("Filter", "Prefix=logs/", FieldRendering.EveryObject));
    }

    [Test]
    public void Of_ExpirationDaysToDate_ListsBothSubfields()
    {
        var dated = Rule with { Expiration = new LifecycleExpiration { Date = new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero) } };

        RuleFieldDiff.Of(Rule, dated).Should().Equal(
            new FieldChange("Expiration.Days", "30", null),
            new FieldChange("Expiration.Date", null, "2030-01-01"));
    }

    [Test]
    public void Of_TransitionsAndNoncurrentActions_RenderedInCanonicalOrder()
    {
        var after = Rule with
        {
            Status = RuleStatus.Disabled,
            Transitions = ValueList.Of(
                new LifecycleTransition { Days = 90, StorageClass = StorageClasses.Glacier },
                new LifecycleTransition { Days = 1, StorageClass = StorageClasses.IntelligentTiering }),
            NoncurrentVersionExpiration = new NoncurrentVersionExpiration { NoncurrentDays = 60, NewerNoncurrentVersions = 3 },
            NoncurrentVersionTransitions = ValueList.Of(new NoncurrentVersionTransition { NoncurrentDays = 30, NewerNoncurrentVersions = 2, StorageClass = StorageClasses.StandardIA }),
            AbortIncompleteMultipartUpload = new AbortIncompleteMultipartUpload { DaysAfterInitiation = 7 },
        };

        RuleFieldDiff.Of(Rule, after).Should().Equal(
            new FieldChange("Status", "Enabled", "Disabled"),
            new FieldChange("Transitions", null, "INTELLIGENT_TIERING after 1 day; GLACIER after 90 days"),
            new FieldChange("NoncurrentVersionExpiration.NoncurrentDays", null, "60"),
            new FieldChange("NoncurrentVersionExpiration.NewerNoncurrentVersions", null, "3"),
            new FieldChange("NoncurrentVersionTransitions", null, "STANDARD_IA after 30 days noncurrent (keep 2 newer)"),
            new FieldChange("AbortIncompleteMultipartUpload.DaysAfterInitiation", null, "7"));
    }

    [Test]
    public void Of_DeleteMarkerAndTimedDates_Rendered()
    {
        var before = Rule with { Expiration = new LifecycleExpiration { ExpiredObjectDeleteMarker = true } };
        var after = Rule with
        {
            Expiration = null,
            Transitions = ValueList.Of(new LifecycleTransition { Date = new DateTimeOffset(2030, 1, 1, 12, 0, 0, TimeSpan.FromHours(2)), StorageClass = StorageClasses.Glacier }),
        };

        RuleFieldDiff.Of(before, after).Should().Equal(
            new FieldChange("Expiration.ExpiredObjectDeleteMarker", "true", null),
            new FieldChange("Transitions", null, "GLACIER on 2030-01-01T10:00:00Z"));
    }

    [Test]
    public void Quote_NamesOutsidePlainCharacters_QuotedSoRenderingsStayDistinct()
    {
        FieldRendering.Quote("logs/2024_a-b.c").Should().Be("logs/2024_a-b.c");
        FieldRendering.Quote("a AND Prefix=b").Should().Be("\"a AND Prefix=b\"");
        FieldRendering.Quote("").Should().Be("\"\"");
    }
}

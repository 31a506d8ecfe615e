using System.Text.Json;
using LakeCircle.Core.Model;
using LakeCircle.Core.Planning;
using LakeCircle.Core.Rendering;

namespace LakeCircle.Core.Tests.Rendering;

/// <summary>Changed fields in the JSON plan carry their values typed as the AWS API's JSON has them.</summary>
public sealed class JsonFieldValuesTests
{
    private static readonly DateTimeOffset Date = new(2027, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly LifecycleRule Before = new()
    {
        Id = "r",
        Status = RuleStatus.Enabled,
        Filter = new LifecycleFilter { Prefix = "logs/" },
        Expiration = new LifecycleExpiration { Days = 30 },
        Transitions = ValueList.Of(new LifecycleTransition { Days = 30, StorageClass = "STANDARD_IA" }),
        NoncurrentVersionExpiration = new NoncurrentVersionExpiration { NoncurrentDays = 10 },
        NoncurrentVersionTransitions = ValueList.Of(new NoncurrentVersionTransition { NoncurrentDays = 5, StorageClass = "GLACIER" }),
        AbortIncompleteMultipartUpload = new AbortIncompleteMultipartUpload { DaysAfterInitiation = 7 },
    };

    private static readonly LifecycleRule After = new()
    {
        Id = "r",
        Status = RuleStatus.Disabled,
        Filter = new LifecycleFilter { And = new LifecycleAndOperator { Prefix = "logs/", ObjectSizeGreaterThan = 1024, Tags = ValueList.Of(new LifecycleTag("k", "v")) } },
        Expiration = new LifecycleExpiration { Date = Date },
        Transitions = ValueList.Of(new LifecycleTransition { Days = 60, StorageClass = "GLACIER" }),
        NoncurrentVersionExpiration = new NoncurrentVersionExpiration { NoncurrentDays = 20, NewerNoncurrentVersions = 3 },
        NoncurrentVersionTransitions = ValueList.Of(new NoncurrentVersionTransition { NoncurrentDays = 6, StorageClass = "GLACIER" }),
        AbortIncompleteMultipartUpload = new AbortIncompleteMultipartUpload { DaysAfterInitiation = 14 },
    };

    [Test]
    public void Render_EveryChangedField_TypedAsTheAwsApiAndWithTheTextOfThePlan()
    {
        var fields = Fields(Before, After);

        fields.Keys.Should().BeEquivalentTo(RuleFieldDiff.Fields.Where(f => f != "Expiration.ExpiredObjectDeleteMarker"));
        fields["Status"].GetProperty("before").GetString().Should().Be("Enabled");
        fields["Status"].GetProperty("after").GetString().Should().Be("Disabled");
        fields["Expiration.Days"].GetProperty("before").ValueKind.Should().Be(JsonValueKind.Number);
        fields["Expiration.Days"].GetProperty("before").GetInt32().Should().Be(30);
        fields["Expiration.Days"].TryGetProperty("after", out _).Should().BeFalse("absent on that side");
        fields["Expiration.Days"].GetProperty("beforeText").GetString().Should().Be("30");
        fields["Expiration.Date"].GetProperty("after").GetString().Should().Be("2027-01-01T00:00:00+00:00");
        fields["Expiration.Date"].GetProperty("afterText").GetString().Should().Be("2027-01-01");
        fields["NoncurrentVersionExpiration.NewerNoncurrentVersions"].GetProperty("after").GetInt32().Should().Be(3);
        fields["AbortIncompleteMultipartUpload.DaysAfterInitiation"].GetProperty("after").GetInt32().Should().Be(14);

        var filter = fields["Filter"];
        filter.GetProperty("before").GetProperty("Prefix").GetString().Should().Be("logs/");
        var and = filter.GetProperty("after").GetProperty("And");
        and.GetProperty("ObjectSizeGreaterThan").GetInt64().Should().Be(1024);
        and.GetProperty("Tags")[0].GetProperty("Key").GetString().Should().Be("k");
        filter.GetProperty("afterText").GetString().Should().Contain("ObjectSizeGreaterThan=1024");

        var transitions = fields["Transitions"];
        transitions.GetProperty("before").ValueKind.Should().Be(JsonValueKind.Array);
        transitions.GetProperty("after")[0].GetProperty("Days").GetInt32().Should().Be(60);
        transitions.GetProperty("after")[0].GetProperty("StorageClass").GetString().Should().Be("GLACIER");
        fields["NoncurrentVersionTransitions"].GetProperty("after")[0].GetProperty("NoncurrentDays").GetInt32().Should().Be(6);
    }

    [Test]
    public void Render_DeleteMarker_IsABoolean()
    {
        var fields = Fields(
            Before with { Expiration = new LifecycleExpiration { ExpiredObjectDeleteMarker = false } },
            Before with { Expiration = new LifecycleExpiration { ExpiredObjectDeleteMarker = true } });

        var marker = fields["Expiration.ExpiredObjectDeleteMarker"];
        marker.GetProperty("before").ValueKind.Should().Be(JsonValueKind.False);
        marker.GetProperty("after").ValueKind.Should().Be(JsonValueKind.True);
        marker.GetProperty("afterText").GetString().Should().Be("true");
    }

    [Test]
    public void Of_LegacyTopLevelPrefix_IsTheFilterItMeans()
    {
        var legacy = new LifecycleRule { Id = "r", Prefix = "old/", Expiration = new LifecycleExpiration { Days = 1 } };

        var filter = JsonFieldValues.Of(legacy, "Filter");

        filter!.Value.GetProperty("Prefix").GetString().Should().Be("old/");
        JsonFieldValues.Of(legacy with { Prefix = null }, "Filter").Should().BeNull();
    }

    [Test]
    public void Of_Rule_IsTheWholeRuleInItsAwsShape()
    {
        var rule = JsonFieldValues.Of(Before, "Rule");

        rule!.Value.GetProperty("ID").GetString().Should().Be("r");
        rule.Value.GetProperty("Expiration").GetProperty("Days").GetInt32().Should().Be(30);
    }

    [Test]
    public void Render_ConfigurationChange_MinimumObjectSizeIsAString()
    {
        var actual = new LifecycleConfiguration { Rules = ValueList.Of(Before), TransitionDefaultMinimumObjectSize = "all_storage_classes_128K" };
        var desired = actual with { TransitionDefaultMinimumObjectSize = "varies_by_storage_class" };

        using var json = Render(desired, actual);

        var change = json.RootElement.GetProperty("buckets")[0].GetProperty("configuration").EnumerateArray().Single();
        change.GetProperty("field").GetString().Should().Be(Planner.TransitionDefaultMinimumObjectSizeField);
        change.GetProperty("before").GetString().Should().Be("all_storage_classes_128K");
        change.GetProperty("after").GetString().Should().Be("varies_by_storage_class");
        change.GetProperty("afterText").GetString().Should().Be("varies_by_storage_class");
    }

    [Test]
    public void TextPlan_KeepsTheReadableValues()
    {
        var outcome = Outcome(LifecycleConfiguration.Of(After), LifecycleConfiguration.Of(Before));

        var text = TextPlanRenderer.ToText(outcome);

        text.Should().Contain("Expiration.Days: 30 -> (none)").And.Contain("Expiration.Date: (none) -> 2027-01-01");
    }

    private static Dictionary<string, JsonElement> Fields(LifecycleRule before, LifecycleRule after)
    {
        using var json = Render(LifecycleConfiguration.Of(after), LifecycleConfiguration.Of(before));
        return json.RootElement.GetProperty("buckets")[0].GetProperty("rules").GetProperty("changed")[0].GetProperty("fields").EnumerateArray()
            .ToDictionary(f => f.GetProperty("field").GetString()!, f => f.Clone());
    }

    private static JsonDocument Render(LifecycleConfiguration desired, LifecycleConfiguration actual) =>
        JsonDocument.Parse(JsonPlanRenderer.Render(Outcome(desired, actual)));

    private static PlanOutcome Outcome(LifecycleConfiguration desired, LifecycleConfiguration actual) => new()
    {
        Plan = Planner.PlanAccount(
            new Dictionary<string, LifecycleConfiguration> { ["b"] = desired },
            new Dictionary<string, LifecycleConfiguration?> { ["b"] = actual }),
    };
}

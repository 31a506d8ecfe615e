using LakeCircle.Core.Model;
using LakeCircle.Core.Gateways.Json;
using LakeCircle.Core.Tests.Gateways;

namespace LakeCircle.Core.Tests.Gateways.Json;

public class LifecycleJsonTests
{
    private const string AwsCliShape =
        """{"TransitionDefaultMinimumObjectSize":"all_storage_classes_128K","Rules":[{"ID":"x","Filter":{"And":{"Prefix":"a/","Tags":[{"Key":"k","Value":"v"}],"ObjectSizeGreaterThan":1}},"Status":"Enabled","Expiration":{"Days":30},"Transitions":[{"Days":30,"StorageClass":"GLACIER"}],"NoncurrentVersionTransitions":[{"NoncurrentDays":30,"StorageClass":"GLACIER","NewerNoncurrentVersions":2}],"NoncurrentVersionExpiration":{"NoncurrentDays":60,"NewerNoncurrentVersions":3},"AbortIncompleteMultipartUpload":{"DaysAfterInitiation":7}}]}""";

    [Test]
    public void Deserialize_AwsCliOutput_ReadsEveryField()
    {
        var configuration = LifecycleJson.Deserialize(AwsCliShape);

        configuration.TransitionDefaultMinimumObjectSize.Should().Be(TransitionDefaultMinimumObjectSizes.AllStorageClasses128K);
        var rule = configuration.Rules.Should().ContainSingle().Subject;
        rule.Id.Should().Be("x");
        rule.Filter!.And!.Tags.Should().Equal(new LifecycleTag("k", "v"));
        rule.Filter.And.ObjectSizeGreaterThan.Should().Be(1);
        rule.NoncurrentVersionTransitions[0].NewerNoncurrentVersions.Should().Be(2);
        rule.NoncurrentVersionExpiration!.NewerNoncurrentVersions.Should().Be(3);
        rule.AbortIncompleteMultipartUpload!.DaysAfterInitiation.Should().Be(7);
    }

    [Test]
    public void Serialize_AwsCliOutput_WritesTheSameText()
    {
        LifecycleJson.Serialize(LifecycleJson.Deserialize(AwsCliShape)).Should().Be(AwsCliShape);
    }

    [TestCaseSource(typeof(LifecycleShapes), nameof(LifecycleShapes.Configurations))]
    public void Serialize_ThenDeserialize_EqualsOriginal(LifecycleConfiguration configuration)
    {
        LifecycleJson.Deserialize(LifecycleJson.Serialize(configuration)).Should().Be(configuration);
        LifecycleJson.Deserialize(LifecycleJson.Serialize(configuration, indented: true)).Should().Be(configuration);
    }

    [TestCase("2027-01-01T00:00:00+00:00")]
    [TestCase("2027-01-01T00:00:00Z")]
    [TestCase("2027-01-01T00:00:00.000Z")]
    [TestCase("2027-01-01T02:00:00+02:00")]
    public void Deserialize_DateWithOffset_ReadsTheInstant(string date)
    {
        var json = $$$"""{"Rules":[{"ID":"d","Status":"Enabled","Expiration":{"Date":"{{{date}}}"}}]}""";

        LifecycleJson.Deserialize(json).Rules[0].Expiration!.Date.Should().Be(LifecycleShapes.Date);
    }

    [Test]
    public void Serialize_Date_WritesUtcWithOffsetLikeTheAwsCli()
    {
        var configuration = LifecycleConfiguration.Of(new LifecycleRule { Id = "d", Expiration = new LifecycleExpiration { Date = LifecycleShapes.Date } });

        LifecycleJson.Serialize(configuration).Should().Contain("\"Date\":\"2027-01-01T00:00:00+00:00\"");
    }

    [Test]
    public void Deserialize_DateWithoutOffset_FailsAtTheDate()
    {
        var act = () => LifecycleJson.Deserialize("""{"Rules":[{"ID":"d","Status":"Enabled","Expiration":{"Date":"2027-01-01T00:00:00"}}]}""");

        act.Should().Throw<LifecycleJsonException>().Which.PropertyPath.Should().Be("$.Rules[0].Expiration.Date");
    }

    [Test]
    public void Deserialize_UnknownProperty_FailsWithLineColumnAndPath()
    {
        var json = "{\n  \"Rules\": [\n    {\"ID\": \"x\", \"Status\": \"Enabled\", \"Expiry\": {\"Days\": 1}}\n  ]\n}";

        var e = FluentActions.Invoking(() => LifecycleJson.Deserialize(json)).Should().Throw<LifecycleJsonException>().Which;

        e.Line.Should().Be(3);
        e.Column.Should().BeGreaterThan(1);
        e.PropertyPath.Should().Be("$.Rules[0].Expiry");
        e.Message.Should().Contain("line 3").And.Contain("Expiry");
    }

    [Test]
    public void Deserialize_WrongType_FailsWithPath()
    {
        var json = "{\"Rules\":[{\"ID\":\"x\",\"Status\":\"Enabled\",\n\"Expiration\":{\"Days\":\"30\"}}]}";

        var e = FluentActions.Invoking(() => LifecycleJson.Deserialize(json)).Should().Throw<LifecycleJsonException>().Which;

        e.Line.Should().Be(2);
        e.PropertyPath.Should().Be("$.Rules[0].Expiration.Days");
    }

    [TestCase("""{"rules":[]}""", TestName = "Deserialize_WrongCase_Fails")]
    [TestCase("""{"Rules":[{"ID":"x"}]}""", TestName = "Deserialize_MissingStatus_Fails")]
    [TestCase("""{"Rules":[{"ID":"x","Status":"Enabled",}]}""", TestName = "Deserialize_TrailingComma_Fails")]
    [TestCase("""{"Rules":[] /* c */}""", TestName = "Deserialize_Comment_Fails")]
    [TestCase("""{"Rules":[],"Rules":[]}""", TestName = "Deserialize_DuplicateProperty_Fails")]
    [TestCase("""{"Rules":[{"ID":"x","Status":"Enabled","Filter":{"Tag":{"Key":"k"}}}]}""", TestName = "Deserialize_TagWithoutValue_Fails")]
    [TestCase("""{"Rules":[{"ID":"x","Status":"Enabled","Expiration":{"Days":1.5}}]}""", TestName = "Deserialize_FractionalDays_Fails")]
    [TestCase("""{"Rules":null}""", TestName = "Deserialize_NullRules_Fails")]
    [TestCase("""null""", TestName = "Deserialize_Null_Fails")]
    [TestCase("""{"Rules":[]""", TestName = "Deserialize_Truncated_Fails")]
    public void Deserialize_Malformed_Throws(string json)
    {
        FluentActions.Invoking(() => LifecycleJson.Deserialize(json)).Should().Throw<LifecycleJsonException>()
            .Which.Line.Should().BeGreaterThan(0);
    }

    [Test]
    public void Exception_ToDiagnostic_NamesFileLineAndField()
    {
        var e = FluentActions.Invoking(() => LifecycleJson.Deserialize("{\"Rules\":[{\"ID\":1}]}")).Should().Throw<LifecycleJsonException>().Which;

        var diagnostic = e.ToDiagnostic("old.json");

        diagnostic.Location!.File.Should().Be("old.json");
        diagnostic.Location.Line.Should().Be(1);
        diagnostic.Field.Should().Be("$.Rules[0].ID");
        diagnostic.ToString().Should().StartWith("old.json:1:");
    }
}

using System.Text.Json;
using LakeCircle.Cli.Running;

namespace LakeCircle.Cli.Tests.Running;

public class ParameterMergeTests
{
    [Test]
    public void Merge_NoFlags_KeepsTheVariableAsIs()
    {
        ParameterMerge.Merge("{ \"concurrency\": 3 }", new Dictionary<string, object>()).Should().Be("{ \"concurrency\": 3 }");
    }

    [Test]
    public void Merge_FlagsOverKeys_KeepsTheOtherKeys()
    {
        var merged = ParameterMerge.Merge(
            """{"concurrency": 3, "maxChanges": 9, "buckets": ["a"]}""",
            new Dictionary<string, object> { ["maxChanges"] = 2, ["buckets"] = new[] { "b", "c" }, ["detailedExitCode"] = true });

        using var json = JsonDocument.Parse(merged!);
        json.RootElement.GetProperty("concurrency").GetInt32().Should().Be(3);
        json.RootElement.GetProperty("maxChanges").GetInt32().Should().Be(2);
        json.RootElement.GetProperty("buckets").EnumerateArray().Select(b => b.GetString()).Should().Equal("b", "c");
        json.RootElement.GetProperty("detailedExitCode").GetBoolean().Should().BeTrue();
    }

    [Test]
    public void Merge_BlankVariable_StartsFromAnEmptyObject()
    {
        ParameterMerge.Merge("  ", new Dictionary<string, object> { ["concurrency"] = 4 }).Should().Be("""{"concurrency":4}""");
    }

    [TestCase("{\"buckets\": [")]
    [TestCase("[1, 2]")]
    [TestCase("{\"concurrency\": 1, \"concurrency\": 2}")]
    public void Merge_VariableNotAnObject_IsLeftForTheSettingsToReport(string json)
    {
        ParameterMerge.Merge(json, new Dictionary<string, object> { ["concurrency"] = 4 }).Should().Be(json);
    }
}

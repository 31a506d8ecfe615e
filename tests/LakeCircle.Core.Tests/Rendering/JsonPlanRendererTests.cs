using System.Text.Json;
using LakeCircle.Core.Gateways;
using LakeCircle.Core.Rendering;
using LakeCircle.Core.Tests.Support;
using static LakeCircle.Core.Tests.Support.WorkflowFixtures;

namespace LakeCircle.Core.Tests.Rendering;

public sealed class JsonPlanRendererTests
{
    [Test]
    public async Task Render_DriftedPlan_SummaryNumbersMatchThePlan()
    {
        var outcome = await RenderingFixtures.PlanAsync();

        using var json = JsonDocument.Parse(JsonPlanRenderer.Render(outcome));

        var root = json.RootElement;
        root.GetProperty("succeeded").GetBoolean().Should().BeTrue();
        root.GetProperty("hasChanges").GetBoolean().Should().BeTrue();
        var summary = root.GetProperty("summary");
        summary.GetProperty("bucketsChanged").GetInt32().Should().Be(2);
        summary.GetProperty("rulesAdded").GetInt32().Should().Be(2);
        summary.GetProperty("rulesRemoved").GetInt32().Should().Be(1);
        summary.GetProperty("rulesChanged").GetInt32().Should().Be(1);
        summary.GetProperty("bucketsInSync").GetInt32().Should().Be(1);
        summary.GetProperty("bucketsMissing").GetInt32().Should().Be(1);
        summary.GetProperty("bucketsUnmanaged").GetInt32().Should().Be(1);
        summary.GetProperty("bucketsDestructive").GetInt32().Should().Be(2);
        summary.GetProperty("bucketsArchivingSooner").GetInt32().Should().Be(0);
        root.TryGetProperty("results", out _).Should().BeFalse();
    }

    [Test]
    public async Task Render_DriftedPlan_BucketsWithStatusActionAndRules()
    {
        using var json = JsonDocument.Parse(JsonPlanRenderer.Render(await RenderingFixtures.PlanAsync()));

        var buckets = json.RootElement.GetProperty("buckets").EnumerateArray().ToList();
        buckets.Select(b => (b.GetProperty("name").GetString(), b.GetProperty("status").GetString(), b.GetProperty("action").GetString()))
            .Should().Equal(
                ("archive", "missing", "none"), ("backups", "in-sync", "none"), ("bare", "change", "put"),
                ("logs", "change", "put"), ("scratch", "unmanaged", "none"));
        buckets.Select(b => b.GetProperty("impact").GetProperty("kind").GetString())
            .Should().Equal("none", "none", "destructive", "destructive", "none");
        buckets[3].GetProperty("impact").GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("text").GetString())
            .Should().Contain("objects under `new/` are deleted after 7 days instead of never");
        var rules = buckets[3].GetProperty("rules");
        var added = rules.GetProperty("added").EnumerateArray().Single();
        added.GetProperty("id").GetString().Should().Be("new");
        added.GetProperty("fingerprint").GetString().Should().Be(Rule("new", "new/", 7).Fingerprint);
        added.GetProperty("aws").GetProperty("Expiration").GetProperty("Days").GetInt32().Should().Be(7);
        rules.GetProperty("removed").EnumerateArray().Single().GetProperty("id").GetString().Should().Be("old");
        var field = rules.GetProperty("changed").EnumerateArray().Single().GetProperty("fields").EnumerateArray().Single();
        field.GetProperty("field").GetString().Should().Be("Expiration.Days");
        field.GetProperty("before").ValueKind.Should().Be(JsonValueKind.Number);
        (field.GetProperty("before").GetInt32(), field.GetProperty("after").GetInt32()).Should().Be((30, 90));
        (field.GetProperty("beforeText").GetString(), field.GetProperty("afterText").GetString()).Should().Be(("30", "90"));
        buckets[1].GetProperty("rules").GetProperty("unchanged").EnumerateArray().Select(e => e.GetString()).Should().Equal("keep");
    }

    [Test]
    public async Task Render_SyncWithFailure_ResultPerBucketAndResultsSummary()
    {
        var text = JsonPlanRenderer.Render(await RenderingFixtures.SyncAsync(failingBucket: "logs"));
        using var json = JsonDocument.Parse(text);

        text.Should().Contain("bucket 'logs'");

        var root = json.RootElement;
        root.GetProperty("succeeded").GetBoolean().Should().BeFalse();
        var results = root.GetProperty("results");
        (results.GetProperty("applied").GetInt32(), results.GetProperty("failed").GetInt32(), results.GetProperty("skipped").GetInt32())
            .Should().Be((1, 1, 0));
        var buckets = root.GetProperty("buckets").EnumerateArray().ToDictionary(b => b.GetProperty("name").GetString()!);
        buckets["bare"].GetProperty("result").GetProperty("status").GetString().Should().Be("applied");
        var logs = buckets["logs"].GetProperty("result");
        logs.GetProperty("status").GetString().Should().Be("failed");
        logs.GetProperty("error").GetString().Should().Contain("Access Denied");
        buckets["backups"].TryGetProperty("result", out _).Should().BeFalse();
        var error = root.GetProperty("error");
        error.GetProperty("code").GetString().Should().Be("failed");
        error.GetProperty("message").GetString().Should().Be("1 bucket not written.");
        error.GetProperty("errors").EnumerateArray().Single().GetString().Should().StartWith("logs: ").And.Contain("Access Denied");
    }

    [Test]
    public async Task Render_SyncAppliedNotVisible_DistinctStatusNoteAndCount()
    {
        using var json = JsonDocument.Parse(JsonPlanRenderer.Render(await RenderingFixtures.NotVisibleSyncAsync()));

        var root = json.RootElement;
        root.GetProperty("succeeded").GetBoolean().Should().BeTrue();
        var results = root.GetProperty("results");
        (results.GetProperty("applied").GetInt32(), results.GetProperty("appliedNotVisible").GetInt32(), results.GetProperty("failed").GetInt32())
            .Should().Be((1, 1, 0));
        var logs = root.GetProperty("buckets").EnumerateArray().Single(b => b.GetProperty("name").GetString() == "logs").GetProperty("result");
        logs.GetProperty("status").GetString().Should().Be("applied-not-visible");
        logs.GetProperty("note").GetString().Should().StartWith("applied, not yet visible after 0 s");
        logs.TryGetProperty("error", out _).Should().BeFalse();
    }

    [Test]
    public async Task Render_InvalidDefinitions_DiagnosticsAndNoBuckets()
    {
        var outcome = await TestClient.Create(new InMemoryS3Gateway(), Source(("bad.toml", "BucketName = 3\n"))).PlanAsync();

        using var json = JsonDocument.Parse(JsonPlanRenderer.Render(outcome));

        var root = json.RootElement;
        root.GetProperty("succeeded").GetBoolean().Should().BeFalse();
        var diagnostic = root.GetProperty("diagnostics").EnumerateArray().First();
        diagnostic.GetProperty("file").GetString().Should().Be("bad.toml");
        diagnostic.GetProperty("line").GetInt32().Should().Be(1);
        root.GetProperty("buckets").GetArrayLength().Should().Be(0);
        root.TryGetProperty("summary", out _).Should().BeFalse();
        var error = root.GetProperty("error");
        error.GetProperty("code").GetString().Should().Be("definitions");
        var errors = root.GetProperty("diagnostics").EnumerateArray().Count(d => d.GetProperty("severity").GetString() == "error");
        error.GetProperty("message").GetString().Should().StartWith($"{errors} problems in the definitions");
        error.GetProperty("errors").GetArrayLength().Should().Be(errors);
        error.GetProperty("errors")[0].GetString().Should().StartWith("bad.toml:1:");
    }
}

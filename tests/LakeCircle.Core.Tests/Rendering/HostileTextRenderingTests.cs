using System.Text.Json;
using LakeCircle.Core.Gateways;
using LakeCircle.Core.Model;
using LakeCircle.Core.Planning;
using LakeCircle.Core.Rendering;
using LakeCircle.Core.Tests.Support;
using static LakeCircle.Core.Tests.Support.WorkflowFixtures;

namespace LakeCircle.Core.Tests.Rendering;

/// <summary>Rule IDs and bucket names from the server are shown escaped: they cannot forge lines or reach the terminal's controls.</summary>
public sealed class HostileTextRenderingTests
{
    /// <summary>A rule ID anyone with PutLifecycleConfiguration on the bucket can set.</summary>
    private const string HostileId = "old\n= other-bucket: in sync\u001b[2J\u202e";

    /// <summary>A bucket name no S3 allows, as a server of one's own may list.</summary>
    private const string HostileBucket = "evil\r\n= payroll: in sync\u009b\u2066";

    private static Task<PlanOutcome> PlanAsync()
    {
        var gateway = new InMemoryS3Gateway()
            .SetLifecycle("logs", LifecycleConfiguration.Of(Rule("expire", "logs/", 30), Rule(HostileId, "old/", 5)))
            .SetLifecycle(HostileBucket, LifecycleConfiguration.Of(Rule(HostileId, "tmp/", 1)));
        return TestClient.Create(gateway, Source(Toml("logs", ("expire", "logs/", 90)))).PlanAsync();
    }

    [Test]
    public async Task ToText_HostileRuleIdAndBucketName_EscapedOnTheirOwnLine()
    {
        var text = TextPlanRenderer.ToText(await PlanAsync());

        var lines = text.Split(Environment.NewLine);
        lines.Should().Contain(@"    - old\n= other-bucket: in sync\x1b[2J\u202e");
        lines.Should().Contain(@"? evil\r\n= payroll: in sync\x9b\u2066: no definition (left alone)");
        lines.Should().NotContain(l => l.StartsWith("= ", StringComparison.Ordinal));
        text.Should().NotContain("\u001b").And.NotContain("\u202e").And.NotContain("\u009b").And.NotContain("\u2066").And.NotContain("\r");
    }

    [Test]
    public async Task ToText_ColorAndHostileText_OnlyOwnColourCodes()
    {
        var text = TextPlanRenderer.ToText(await PlanAsync(), new PlanRenderOptions { Color = true });

        text.Should().NotContain("\u001b[2J");
        text.Should().Contain(@"\x1b[2J");
        text.Split('\u001b').Skip(1).Should().OnlyContain(part => part.StartsWith('[') && char.IsAsciiDigit(part[1]));
    }

    [Test]
    public async Task ToText_ChangedRuleWithBackslash_BackslashEscaped()
    {
        var gateway = new InMemoryS3Gateway().SetLifecycle("logs", LifecycleConfiguration.Of(Rule(@"a\n", "old/", 5)));

        var text = TextPlanRenderer.ToText(await TestClient.Create(gateway, Source(Toml("logs", (@"a\\n", "old/", 6)))).PlanAsync());

        text.Split(Environment.NewLine).Should().Contain(@"    ~ a\\n").And.Contain("        Expiration.Days: 5 -> 6");
    }

    [Test]
    public async Task Render_HostileText_JsonStaysValidAndKeepsTheText()
    {
        var json = JsonPlanRenderer.Render(await PlanAsync());

        json.Should().NotContain("\u001b").And.NotContain("\n= other-bucket").And.NotContain("\u202e").And.NotContain("\u2066");
        using var document = JsonDocument.Parse(json);
        var buckets = document.RootElement.GetProperty("buckets").EnumerateArray().ToList();
        buckets.Select(b => b.GetProperty("name").GetString()).Should().Contain(HostileBucket);
        buckets.Single(b => b.GetProperty("name").GetString() == "logs")
            .GetProperty("rules").GetProperty("removed")[0].GetProperty("id").GetString().Should().Be(HostileId);
    }

    [Test]
    public async Task ToText_HostileSyncResult_BucketAndErrorEscaped()
    {
        var gateway = new InstrumentedGateway(new InMemoryS3Gateway().SetLifecycle("logs", LifecycleConfiguration.Of(Rule(HostileId, "old/", 5))))
        {
            Hold = TimeSpan.Zero,
        };
        gateway.FailingWrites.Add("logs");
        var outcome = await TestClient.Create(gateway, Source(Toml("logs", ("expire", "logs/", 90)))).SyncAsync();

        var text = TextPlanRenderer.ToText(outcome);

        text.Should().Contain("  FAILED   logs (PUT): ").And.Contain(@"    - old\n= other-bucket: in sync\x1b[2J\u202e");
        text.Should().NotContain("\u001b");
    }
}

using System.Text.Json;
using LakeCircle.Core.Diagnostics;
using LakeCircle.Core.Gateways;
using LakeCircle.Core.Rendering;
using LakeCircle.Core.Sync;
using LakeCircle.Core.Tests.Support;
using Microsoft.Extensions.Logging;
using static LakeCircle.Core.Tests.Support.WorkflowFixtures;

namespace LakeCircle.Core.Tests.Planning;

/// <summary>Warnings (rules without AWS evidence) go on with the run; one error stops it whole.</summary>
public sealed partial class LakeCircleClientTests
{
    /// <summary>Two transitions on one day: a warning.</summary>
    private const string WarnedToml = "BucketName = \"warned\"\n[LifecycleConfiguration]\n[[LifecycleConfiguration.Rules]]\n"
        + "ID = \"same-day\"\nStatus = \"Enabled\"\nFilter = {}\n"
        + "Transitions = [{ Days = 60, StorageClass = \"INTELLIGENT_TIERING\" }, { Days = 60, StorageClass = \"GLACIER\" }]\n";

    private static string ValidToml(string bucket) =>
        $"BucketName = \"{bucket}\"\n[LifecycleConfiguration]\n[[LifecycleConfiguration.Rules]]\nID = \"x\"\nStatus = \"Enabled\"\nFilter = {{}}\nExpiration = {{ Days = 1 }}\n";

    private const string InvalidToml = "BucketName = \"broken\"\n[LifecycleConfiguration]\n[[LifecycleConfiguration.Rules]]\n"
        + "ID = \"zero\"\nStatus = \"Enabled\"\nFilter = {}\nExpiration = { Days = 0 }\n";

    [Test]
    public async Task PlanAsync_OnlyWarnings_PlansAndCarriesThem()
    {
        var gateway = new InMemoryS3Gateway().AddBucket("warned");
        using var loggers = new RecordingLoggers();
        var client = TestClient.Create(gateway, Source(("warned.toml", WarnedToml)), options: TestClient.Options(loggers: loggers));

        var outcome = await client.PlanAsync();

        outcome.Succeeded.Should().BeTrue();
        outcome.Plan.Should().NotBeNull();
        outcome.Diagnostics.Should().ContainSingle().Which.Severity.Should().Be(DiagnosticSeverity.Warning);
        loggers.Logger.Events.Should().Contain(e => e.Level == LogLevel.Warning && e.Message.Contains("warning: warned/same-day", StringComparison.Ordinal));
        loggers.Logger.Events.Should().NotContain(e => e.Level == LogLevel.Error);

        var text = TextPlanRenderer.ToText(outcome);
        var lines = text.Split(Environment.NewLine);
        Array.FindIndex(lines, l => l.Contains("warning:", StringComparison.Ordinal))
            .Should().BeLessThan(Array.FindIndex(lines, l => l.StartsWith("Plan:", StringComparison.Ordinal))).And.BeGreaterThanOrEqualTo(0);
        text.Should().NotContain("no plan");

        using var json = JsonDocument.Parse(JsonPlanRenderer.Render(outcome));
        json.RootElement.GetProperty("succeeded").GetBoolean().Should().BeTrue();
        json.RootElement.GetProperty("diagnostics").EnumerateArray().Single().GetProperty("severity").GetString().Should().Be("warning");
    }

    [Test]
    public async Task SyncAsync_OnlyWarnings_WritesAndSucceeds()
    {
        var gateway = new InMemoryS3Gateway().AddBucket("warned");

        var outcome = await Client(gateway, Source(("warned.toml", WarnedToml))).SyncAsync();

        outcome.Status.Should().Be(RunStatus.Succeeded);
        outcome.Succeeded.Should().BeTrue();
        outcome.Diagnostics.Should().ContainSingle().Which.Severity.Should().Be(DiagnosticSeverity.Warning);
        gateway.PeekLifecycle("warned")!.Rules.Select(r => r.Id).Should().Equal("same-day");
    }

    [Test]
    public async Task PlanAsync_OneInvalidDefinition_StopsTheWholeRunAndCountsTheValidOnes()
    {
        var gateway = new InMemoryS3Gateway().AddBucket("a-bucket").AddBucket("b-bucket").AddBucket("broken");
        using var loggers = new RecordingLoggers();
        var definitions = Source(("a.toml", ValidToml("a-bucket")), ("b.toml", ValidToml("b-bucket")), ("broken.toml", InvalidToml), ("warned.toml", WarnedToml));
        var client = TestClient.Create(gateway, definitions, options: TestClient.Options(loggers: loggers));

        var outcome = await client.PlanAsync();

        outcome.Succeeded.Should().BeFalse();
        outcome.Plan.Should().BeNull();
        gateway.CallCount(S3Operations.ListBuckets).Should().Be(0);
        loggers.Logger.Events.Should().Contain(e => e.Level == LogLevel.Error && e.Message
            == "1 problems in the definitions or the bucket selection; 3 other definitions were valid; one invalid definition stops the whole run: nothing read from the account, nothing written");
        TextPlanRenderer.ToText(outcome).Should().Contain(
            "1 problem in the definitions; 3 other definitions were valid; one invalid definition stops the whole run: no plan, nothing read from the account.");

        var sync = await client.SyncAsync();
        sync.Status.Should().Be(RunStatus.Stopped);
        TextPlanRenderer.ToText(sync).Should().Contain("3 other definitions were valid; one invalid definition stops the whole run");
    }
}

using System.Text.Json;
using LakeCircle.Core.Gateways;
using LakeCircle.Core.Planning;
using LakeCircle.Core.Rendering;
using LakeCircle.Core.Sync;
using LakeCircle.Core.Tests.Support;
using static LakeCircle.Core.Tests.Support.WorkflowFixtures;

namespace LakeCircle.Core.Tests.Rendering;

/// <summary>The head of every JSON document: schemaVersion, tool, account, region, generatedAt, succeeded, error.</summary>
public sealed class JsonDocumentHeadTests
{
    [Test]
    public async Task Render_Plan_HeadComesFirstWithTheGivenToolAndClock()
    {
        var outcome = await RenderingFixtures.PlanAsync();
        var options = new JsonRenderOptions { ToolName = "lakecircle", ToolVersion = "9.8.7+abc", TimeProvider = new ManualTime() };

        using var json = JsonDocument.Parse(JsonPlanRenderer.Render(outcome, options));

        var root = json.RootElement;
        root.EnumerateObject().Select(p => p.Name).Take(6).Should().Equal("schemaVersion", "tool", "account", "region", "generatedAt", "succeeded");
        root.GetProperty("schemaVersion").ValueKind.Should().Be(JsonValueKind.Number);
        root.GetProperty("schemaVersion").GetInt32().Should().Be(JsonPlanRenderer.SchemaVersion).And.Be(1);
        root.GetProperty("tool").GetProperty("name").GetString().Should().Be("lakecircle");
        root.GetProperty("tool").GetProperty("version").GetString().Should().Be("9.8.7+abc");
        root.GetProperty("account").GetString().Should().Be(TestClient.Account);
        root.GetProperty("region").GetString().Should().Be("eu-west-1");
        root.GetProperty("generatedAt").GetString().Should().Be("2026-03-14T09:15:00.250Z");
        root.TryGetProperty("error", out _).Should().BeFalse();
    }

    [Test]
    public async Task Render_DefaultOptions_ToolIsTheLibraryAtItsVersionAndTheTimeIsNow()
    {
        var outcome = await RenderingFixtures.PlanAsync();
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);

        using var json = JsonDocument.Parse(JsonPlanRenderer.Render(outcome));

        var tool = json.RootElement.GetProperty("tool");
        tool.GetProperty("name").GetString().Should().Be("LakeCircle.Core");
        tool.GetProperty("version").GetString().Should().StartWith(typeof(JsonPlanRenderer).Assembly.GetName().Version!.ToString(3));
        var generatedAt = json.RootElement.GetProperty("generatedAt").GetString()!;
        generatedAt.Should().EndWith("Z");
        DateTimeOffset.Parse(generatedAt, System.Globalization.CultureInfo.InvariantCulture).Should().BeOnOrAfter(before).And.BeOnOrBefore(DateTimeOffset.UtcNow.AddSeconds(1));
    }

    [Test]
    public async Task Render_Sync_CarriesTheAccountAndRegionOfTheRun()
    {
        var outcome = await RenderingFixtures.SyncAsync();

        outcome.Account.Should().Be(TestClient.Account);
        outcome.Region.Should().Be("eu-west-1");
        using var json = JsonDocument.Parse(JsonPlanRenderer.Render(outcome, new JsonRenderOptions { TimeProvider = new ManualTime() }));
        json.RootElement.GetProperty("account").GetString().Should().Be(TestClient.Account);
        json.RootElement.GetProperty("region").GetString().Should().Be("eu-west-1");
        json.RootElement.GetProperty("succeeded").GetBoolean().Should().BeTrue();
    }

    [Test]
    public void Render_OutcomeWithoutAccount_LeavesAccountAndRegionOut()
    {
        using var json = JsonDocument.Parse(JsonPlanRenderer.Render(new PlanOutcome { Plan = new AccountPlan() }));

        json.RootElement.TryGetProperty("account", out _).Should().BeFalse();
        json.RootElement.TryGetProperty("region", out _).Should().BeFalse();
        json.RootElement.GetProperty("succeeded").GetBoolean().Should().BeTrue();
    }

    [Test]
    public void Render_RefusedRun_ErrorCodeRefusedWithTheReason()
    {
        var outcome = new RunOutcome { RunId = "r", Refusal = "The lock s3://cfg/lock.json is held by ci@runner:1." };

        using var json = JsonDocument.Parse(JsonPlanRenderer.Render(outcome));

        var root = json.RootElement;
        root.GetProperty("succeeded").GetBoolean().Should().BeFalse();
        root.GetProperty("error").GetProperty("code").GetString().Should().Be("refused");
        root.GetProperty("error").GetProperty("message").GetString().Should().Contain("is held by ci@runner:1");
        root.GetProperty("buckets").GetArrayLength().Should().Be(0);
    }

    [Test]
    public async Task Render_GuardStoppedRun_ErrorCodeStopped()
    {
        var outcome = await RenderingFixtures.SyncAsync(configure: o => o.MaxChanges = 0);

        using var json = JsonDocument.Parse(JsonPlanRenderer.Render(outcome));

        outcome.Status.Should().Be(RunStatus.Stopped);
        var error = json.RootElement.GetProperty("error");
        error.GetProperty("code").GetString().Should().Be("stopped");
        error.GetProperty("message").GetString().Should().Be(outcome.Error);
    }

    [Test]
    public void Render_ErrorWithUrlPassword_MasksIt()
    {
        var outcome = new PlanOutcome { Error = "Could not list the account's buckets: GET http://user:Pa55w0rd@127.0.0.1:9/ failed." };

        var text = JsonPlanRenderer.Render(outcome);

        text.Should().NotContain("Pa55w0rd").And.Contain("user:***@");
        using var json = JsonDocument.Parse(text);
        json.RootElement.GetProperty("error").GetProperty("code").GetString().Should().Be("failed");
    }

    [Test]
    public async Task Render_RollbackPlan_NamesTheRestoredVersion()
    {
        var gateway = new InMemoryS3Gateway().SetLifecycle("logs", Model.LifecycleConfiguration.Of(Rule("expire", "logs/", 30)));
        var endpoint = new InMemoryEndpointStore();
        var definitions = Source(Toml("logs", ("expire", "logs/", 90)));
        await using var client = TestClient.Create(gateway, definitions, endpoint);
        (await client.SyncAsync()).Succeeded.Should().BeTrue();

        var plan = await client.PlanRollbackAsync("logs");

        using var json = JsonDocument.Parse(JsonPlanRenderer.Render(plan));
        var version = json.RootElement.GetProperty("restoredVersion");
        version.GetProperty("reason").GetString().Should().Be("before-sync");
        version.GetProperty("rules").GetInt32().Should().Be(1);
        version.GetProperty("capturedAt").GetString().Should().EndWith("Z");
        json.RootElement.GetProperty("account").GetString().Should().Be(TestClient.Account);
    }
}

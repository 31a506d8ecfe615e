using LakeCircle.Core.Gateways;
using LakeCircle.Core.Model;
using LakeCircle.Core.Rendering;
using LakeCircle.Core.Tests.Support;
using static LakeCircle.Core.Tests.Support.WorkflowFixtures;

namespace LakeCircle.Core.Tests.Rendering;

public sealed class TextPlanRendererTests
{
    [Test]
    public async Task ToText_DriftedPlan_ShowsEachBucketRuleAndField()
    {
        var text = TextPlanRenderer.ToText(await RenderingFixtures.PlanAsync());

        var lines = text.Split(Environment.NewLine);
        lines.Should().Contain("! archive: defined but not in the account (not created)");
        lines.Should().Contain("= backups: in sync (1 rule)");
        lines.Should().Contain("~ bare (1 rule added) ! DESTRUCTIVE");
        lines.Should().Contain("    ! deletes data sooner: objects are deleted after 30 days instead of never");
        lines.Should().Contain("~ logs (1 rule added, 1 changed, 1 removed) ! DESTRUCTIVE");
        lines.Should().Contain("    ! deletes data sooner: objects under `new/` are deleted after 7 days instead of never");
        lines.Should().Contain("    + new (Filter: Prefix=new/; Expiration.Days: 7)");
        lines.Should().Contain("    ~ expire");
        lines.Should().Contain("        Expiration.Days: 30 -> 90");
        lines.Should().Contain("    - old");
        lines.Should().Contain("? scratch: no definition (left alone)");
        lines.Should().Contain("Impact: 2 buckets delete data sooner (bare, logs).");
        lines.Should().Contain("Plan: 2 buckets to change (2 rules to add, 1 to remove, 1 to change), 1 in sync, 1 missing, 1 unmanaged.");
        text.Should().NotContain("\u001b[");
    }

    [Test]
    public async Task ToText_NoChanges_OneLineSummary()
    {
        var gateway = new InMemoryS3Gateway().SetLifecycle("a-bucket", LifecycleConfiguration.Of(Rule("r", "r/", 1)));
        var outcome = await TestClient.Create(gateway, Source(Toml("a-bucket", ("r", "r/", 1)), Toml("b-bucket", ("r", "r/", 1)))).PlanAsync();

        var text = TextPlanRenderer.ToText(outcome);

        text.Split(Environment.NewLine).Should().Contain("No changes. 1 bucket in sync, 1 missing.");
    }

    [Test]
    public async Task ToText_ManyInSync_OneSummaryLineInsteadOfOnePerBucket()
    {
        var gateway = new InMemoryS3Gateway();
        var names = Enumerable.Range(0, 5).Select(i => $"bucket-{i}").ToArray();
        foreach (var name in names)
        {
            gateway.SetLifecycle(name, LifecycleConfiguration.Of(Rule("r", "r/", 1)));
        }

        var outcome = await TestClient.Create(gateway, Source(names.Select(n => Toml(n, ("r", "r/", 1))).ToArray())).PlanAsync();

        var text = TextPlanRenderer.ToText(outcome, new PlanRenderOptions { InSyncListLimit = 3 });

        text.Should().NotContain("= bucket-0:");
        text.Split(Environment.NewLine).Should().Contain("= 5 buckets in sync").And.Contain("No changes. 5 buckets in sync.");
    }

    [Test]
    public async Task ToText_ManyUnmanaged_OneCountLineUnlessAllAreAskedFor()
    {
        var gateway = new InMemoryS3Gateway().SetLifecycle("managed", LifecycleConfiguration.Of(Rule("r", "r/", 1)));
        foreach (var i in Enumerable.Range(0, 5))
        {
            gateway.SetLifecycle($"other-{i}", LifecycleConfiguration.Of(Rule("r", "r/", 1)));
        }

        var outcome = await TestClient.Create(gateway, Source(Toml("managed", ("r", "r/", 1)))).PlanAsync();

        var folded = TextPlanRenderer.ToText(outcome, new PlanRenderOptions { UnmanagedListLimit = 4 }).Split(Environment.NewLine);
        folded.Should().NotContain(l => l.StartsWith("? other-", StringComparison.Ordinal));
        folded.Should().Contain("? 5 buckets without definition (left alone; --show-unmanaged lists them)");
        var listed = TextPlanRenderer.ToText(outcome, new PlanRenderOptions { UnmanagedListLimit = 5 }).Split(Environment.NewLine);
        listed.Should().Contain("? other-0: no definition (left alone)").And.NotContain(l => l.Contains("without definition", StringComparison.Ordinal));
    }

    [Test]
    public async Task ToText_Deletion_BucketHeaderSaysDeleted()
    {
        var gateway = new InMemoryS3Gateway().SetLifecycle("a-bucket", LifecycleConfiguration.Of(Rule("r", "r/", 1)));
        var outcome = await TestClient.Create(gateway, Source(Toml("a-bucket"))).PlanAsync();

        var text = TextPlanRenderer.ToText(outcome);

        text.Should().Contain("- a-bucket (1 rule removed, lifecycle configuration deleted)");
    }

    [Test]
    public async Task ToText_InvalidDefinitions_ListsProblemsAndNoPlan()
    {
        var outcome = await TestClient.Create(new InMemoryS3Gateway(), Source(("bad.toml", "BucketName = 3\n"))).PlanAsync();

        var text = TextPlanRenderer.ToText(outcome);

        text.Should().Contain("bad.toml:1:").And.Contain("no plan, nothing read from the account.");
        text.Should().NotContain("Plan:");
    }

    [Test]
    public async Task ToText_Color_UsesAnsiCodes()
    {
        var text = TextPlanRenderer.ToText(await RenderingFixtures.PlanAsync(), new PlanRenderOptions { Color = true });

        text.Should().Contain("\u001b[32m    + new");
    }

    [Test]
    public async Task ToText_SyncWithFailure_ResultSectionAndSummary()
    {
        var text = TextPlanRenderer.ToText(await RenderingFixtures.SyncAsync(failingBucket: "logs"));

        var lines = text.Split(Environment.NewLine);
        lines.Should().Contain("Results:");
        lines.Should().Contain(l => l.StartsWith("  applied  bare (PUT, ", StringComparison.Ordinal));
        lines.Should().Contain(l => l.StartsWith("  FAILED   logs (PUT): ", StringComparison.Ordinal) && l.Contains("Access Denied", StringComparison.Ordinal));
        lines.Should().Contain("Sync: 1 bucket applied, 1 failed, 0 skipped.");
    }

    [Test]
    public async Task ToText_SyncAppliedNotVisible_TildeLineAndDistinctCount()
    {
        var text = TextPlanRenderer.ToText(await RenderingFixtures.NotVisibleSyncAsync());

        var lines = text.Split(Environment.NewLine);
        lines.Should().Contain(l => l.StartsWith("  ~ logs: applied, not yet visible after 0 s (", StringComparison.Ordinal) && l.EndsWith("(PUT)", StringComparison.Ordinal));
        lines.Should().Contain(l => l.StartsWith("  applied  bare (PUT, ", StringComparison.Ordinal));
        lines.Should().Contain("Sync: 1 bucket applied, 1 applied, not yet visible, 0 failed, 0 skipped.");
        text.Should().NotContain("FAILED");
    }

    [Test]
    public async Task ToText_SyncStoppedByGuard_SaysWhyAndSkipsAll()
    {
        var text = TextPlanRenderer.ToText(await RenderingFixtures.SyncAsync(configure: o => o.MaxChanges = 0));

        text.Should().Contain("Stopped: The plan changes 2 buckets, more than the 0 allowed (maxChanges): nothing was written.");
        text.Split(Environment.NewLine).Should().Contain("  skipped  logs (PUT)").And.Contain("Sync: 0 buckets applied, 0 failed, 2 skipped.");
    }
}

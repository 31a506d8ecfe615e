using System.Text.Json;
using LakeCircle.Core.Impact;
using LakeCircle.Core.Model;
using LakeCircle.Core.Planning;
using LakeCircle.Core.Rendering;
using static LakeCircle.Core.Tests.Support.WorkflowFixtures;

namespace LakeCircle.Core.Tests.Rendering;

/// <summary>How a plan shows what its changes do to the data: markers and findings in text, the impact object in JSON.</summary>
public sealed class ImpactRenderingTests
{
    private static readonly ImpactFinding Shorter = Finding(
        ImpactKind.Destructive, "current versions under `logs/` larger than 1 MiB", "deleted after 30 days", "deleted after 7 days");

    private static readonly ImpactFinding Colder = Finding(
        ImpactKind.ArchivesSooner, "current versions under `media/`", "never transitioned", "moved to GLACIER after 30 days");

    private static readonly ImpactFinding Longer = Finding(
        ImpactKind.RetainsLonger, "current versions under `tmp/`", "deleted after 1 day", "deleted after 3 days");

    [Test]
    public void ToText_DestructiveBucket_MarkerAndFindingInWords()
    {
        var text = TextPlanRenderer.ToText(Outcome(Changed("logs", ImpactKind.Destructive, Shorter, Colder)));

        var lines = text.Split(Environment.NewLine);
        lines.Should().Contain("~ logs (1 rule added) ! DESTRUCTIVE");
        lines.Should().Contain("    ! deletes data sooner: current versions under `logs/` larger than 1 MiB are deleted after 7 days instead of 30 days");
        lines.Should().Contain("    ! archives sooner: current versions under `media/` are moved to GLACIER after 30 days instead of never transitioned");
        lines.Should().Contain("Impact: 1 bucket deletes data sooner (logs).");
        text.Should().NotContain("\u001b[");
    }

    [Test]
    public void ToText_FindingsComeRightUnderTheHeader()
    {
        var lines = TextPlanRenderer.ToText(Outcome(Changed("logs", ImpactKind.Destructive, Shorter))).Split(Environment.NewLine).ToList();

        var header = lines.IndexOf("~ logs (1 rule added) ! DESTRUCTIVE");
        lines[header + 1].Should().StartWith("    ! deletes data sooner: ");
        lines[header + 2].Should().StartWith("    + new");
    }

    [Test]
    public void ToText_Color_DestructiveMarkerIsRedArchiveYellow()
    {
        var outcome = Outcome(Changed("logs", ImpactKind.Destructive, Shorter), Changed("media", ImpactKind.ArchivesSooner, Colder));

        var text = TextPlanRenderer.ToText(outcome, new PlanRenderOptions { Color = true });

        text.Should().Contain("\u001b[1;31m! DESTRUCTIVE\u001b[0m");
        text.Should().Contain("\u001b[1;31m    ! deletes data sooner: ");
        text.Should().Contain("\u001b[33m! archives sooner\u001b[0m");
        text.Should().Contain("\u001b[33m    ! archives sooner: current versions under `media/`");
        text.Should().Contain("\u001b[1;31mImpact: 1 bucket deletes data sooner (logs), 1 archives sooner (media).\u001b[0m");
    }

    [Test]
    public void ToText_ArchivesSooner_YellowMarkerNoDestructive()
    {
        var text = TextPlanRenderer.ToText(Outcome(Changed("media", ImpactKind.ArchivesSooner, Colder)));

        var lines = text.Split(Environment.NewLine);
        lines.Should().Contain("~ media (1 rule added) ! archives sooner");
        lines.Should().Contain("Impact: 1 bucket archives sooner (media).");
        text.Should().NotContain("DESTRUCTIVE");
    }

    [Test]
    public void ToText_RetainsLonger_PlainNoteNoMarker()
    {
        var text = TextPlanRenderer.ToText(Outcome(Changed("tmp", ImpactKind.RetainsLonger, Longer)), new PlanRenderOptions { Color = true });

        text.Should().Contain("\n    retains data longer: nothing is deleted or archived sooner" + Environment.NewLine);
        text.Should().NotContain("!").And.NotContain("Impact:");
    }

    [Test]
    public void ToText_NoImpact_HeaderAsBefore()
    {
        var text = TextPlanRenderer.ToText(Outcome(Changed("plain", ImpactKind.None)));

        text.Split(Environment.NewLine).Should().Contain("~ plain (1 rule added)");
        text.Should().NotContain("Impact:").And.NotContain("retains");
    }

    [Test]
    public void ToText_Protected_SaysSoInTheHeader()
    {
        var bucket = Changed("vault", ImpactKind.Destructive, Shorter) with { Protected = true };

        var text = TextPlanRenderer.ToText(Outcome(bucket));

        text.Split(Environment.NewLine).Should().Contain("~ vault (1 rule added) (protected) ! DESTRUCTIVE");
    }

    [Test]
    public void ToText_ManyFindings_CappedWithACount()
    {
        var findings = Enumerable.Range(0, 8)
            .Select(i => Finding(ImpactKind.Destructive, $"current versions under `p{i}/`", "deleted after 30 days", "deleted after 7 days"))
            .ToArray();

        var lines = TextPlanRenderer.ToText(Outcome(Changed("logs", ImpactKind.Destructive, findings))).Split(Environment.NewLine);

        lines.Count(l => l.StartsWith("    ! deletes data sooner: ", StringComparison.Ordinal)).Should().Be(5);
        lines.Should().Contain("    ! deletes data sooner: current versions under `p4/` are deleted after 7 days instead of 30 days");
        lines.Should().NotContain(l => l.Contains("`p5/`", StringComparison.Ordinal));
        lines.Should().Contain("    ! and 3 more");
    }

    [Test]
    public void ToText_HostileFindingText_IsEscaped()
    {
        var hostile = Finding(ImpactKind.Destructive, "current versions under `\u001b[2Jx/\u202e`", "deleted after 30 days", "deleted after 7 days");

        var text = TextPlanRenderer.ToText(Outcome(Changed("logs", ImpactKind.Destructive, hostile)));

        text.Should().Contain(@"`\x1b[2Jx/\u202e`").And.NotContain("\u001b").And.NotContain("\u202e");
    }

    [Test]
    public void ToText_ManyDestructiveBuckets_ImpactLineNamesThemAllOnAndSummaryStaysLast()
    {
        var buckets = Enumerable.Range(0, 7).Select(i => Changed($"b{i}", ImpactKind.Destructive, Shorter)).ToArray();

        var lines = TextPlanRenderer.ToText(Outcome(buckets)).TrimEnd().Split(Environment.NewLine);

        lines[^2].Should().Be("Impact: 7 buckets delete data sooner (b0, b1, b2, b3, b4 and 2 more).");
        lines[^1].Should().StartWith("Plan: 7 buckets to change");
    }

    [Test]
    public void Render_Json_ImpactPerBucketAndCountsInSummary()
    {
        var outcome = Outcome(
            Changed("logs", ImpactKind.Destructive, Shorter, Colder) with { Protected = true },
            Changed("media", ImpactKind.ArchivesSooner, Colder),
            Changed("tmp", ImpactKind.RetainsLonger, Longer));

        using var json = JsonDocument.Parse(JsonPlanRenderer.Render(outcome));

        var summary = json.RootElement.GetProperty("summary");
        summary.GetProperty("bucketsDestructive").GetInt32().Should().Be(1);
        summary.GetProperty("bucketsArchivingSooner").GetInt32().Should().Be(1);
        var buckets = json.RootElement.GetProperty("buckets").EnumerateArray().ToList();
        buckets.Select(b => b.GetProperty("impact").GetProperty("kind").GetString())
            .Should().Equal("destructive", "archives-sooner", "retains-longer");
        buckets.Select(b => b.GetProperty("protected").GetBoolean()).Should().Equal(true, false, false);
        var findings = buckets[0].GetProperty("impact").GetProperty("findings").EnumerateArray().ToList();
        findings.Should().HaveCount(2);
        findings[0].GetProperty("kind").GetString().Should().Be("destructive");
        findings[0].GetProperty("objects").GetString().Should().Be("current versions under `logs/` larger than 1 MiB");
        findings[0].GetProperty("before").GetString().Should().Be("deleted after 30 days");
        findings[0].GetProperty("after").GetString().Should().Be("deleted after 7 days");
        findings[0].GetProperty("text").GetString().Should().Be(Shorter.Text);
        findings[1].GetProperty("kind").GetString().Should().Be("archives-sooner");
    }

    [Test]
    public void Render_Json_UnchangedBucket_ImpactNoneWithoutFindings()
    {
        var inSync = new BucketPlan { Bucket = "quiet", Status = BucketStatus.InSync };

        using var json = JsonDocument.Parse(JsonPlanRenderer.Render(Outcome(inSync)));

        var bucket = json.RootElement.GetProperty("buckets")[0];
        bucket.GetProperty("impact").GetProperty("kind").GetString().Should().Be("none");
        bucket.GetProperty("impact").GetProperty("findings").GetArrayLength().Should().Be(0);
        bucket.GetProperty("protected").GetBoolean().Should().BeFalse();
        json.RootElement.GetProperty("summary").GetProperty("bucketsDestructive").GetInt32().Should().Be(0);
    }

    private static ImpactFinding Finding(ImpactKind kind, string objects, string before, string after) =>
        new() { Kind = kind, Objects = objects, Before = before, After = after };

    private static BucketPlan Changed(string name, ImpactKind kind, params ImpactFinding[] findings) => new()
    {
        Bucket = name,
        Status = BucketStatus.Change,
        Action = BucketAction.Put,
        Added = new[] { Rule("new", "new/", 7) }.ToValueList(),
        Impact = new BucketImpact { Kind = kind, Findings = findings.ToValueList() },
    };

    private static PlanOutcome Outcome(params BucketPlan[] buckets) =>
        new() { Plan = new AccountPlan { Buckets = buckets.ToValueList(), Summary = PlanSummary.Of(buckets) } };
}

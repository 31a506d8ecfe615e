using System.Text.Json;
using LakeCircle.Cli.Tests.Commands;
using LakeCircle.Core.Gateways;
using LakeCircle.Core.Locking;

namespace LakeCircle.Cli.Tests.Targets;

public class TargetsRunTests
{
    private OrganisationCopy _org = null!;

    [SetUp]
    public void SetUp() => _org = new OrganisationCopy();

    [TearDown]
    public void TearDown() => _org.Dispose();

    // ---- dryrun ----

    [Test]
    public async Task DryRun_BothTargets_TextGroupedByTargetInFileOrder_SummaryLast()
    {
        var run = await CliRun.RunAsync(["dryrun", .. _org.Flags("-q")]);

        run.ExitCode.Should().Be(ExitCodes.Ok, run.ToString());
        var prod = run.Output.IndexOf($"=== target prod: account 111111111111, eu-west-1, endpoint {_org.State("prod")} ===", StringComparison.Ordinal);
        var analytics = run.Output.IndexOf($"=== target analytics: account 222222222222, eu-west-1, endpoint {_org.State("analytics")} ===", StringComparison.Ordinal);
        prod.Should().BeGreaterThanOrEqualTo(0, run.ToString());
        analytics.Should().BeGreaterThan(prod, "targets are reported in file order");
        var prodSection = run.Output[prod..analytics];
        prodSection.Should().Contain("acme-prod-logs").And.Contain("acme-prod-uploads").And.NotContain("acme-analytics-raw");
        run.Output[analytics..].Should().Contain("acme-analytics-raw").And.NotContain("acme-prod-logs");
        var lines = run.Output.TrimEnd().Split(Environment.NewLine);
        lines[^1].Should().Be("2 targets: 2 planned (3 buckets to change in 2 targets), none failed.");
        lines.Count(l => l.StartsWith("2 targets:", StringComparison.Ordinal)).Should().Be(1, "one summary line");
        _org.StateFiles().Should().BeEmpty("a dryrun writes nothing");
        _org.SnapshotUnchanged("prod").Should().BeTrue();
        _org.SnapshotUnchanged("analytics").Should().BeTrue();
    }

    [Test]
    public async Task DryRun_DetailedExitCode_IsTwoWithChangesPending()
    {
        var run = await CliRun.RunAsync(["dryrun", .. _org.Flags("-q", "--detailed-exitcode")]);

        run.ExitCode.Should().Be(ExitCodes.ChangesPending, run.ToString());
    }

    [Test]
    public async Task DryRun_Json_IsOneDocumentWithEachTargetsPlanAndTheSummary()
    {
        var run = await CliRun.RunAsync(["dryrun", .. _org.Flags("-q", "-o", "json")]);

        run.ExitCode.Should().Be(ExitCodes.Ok, run.ToString());
        using var json = JsonDocument.Parse(run.Output);
        var root = json.RootElement;
        root.GetProperty("succeeded").GetBoolean().Should().BeTrue();
        root.GetProperty("action").GetString().Should().Be("dryrun");
        var targets = root.GetProperty("targets").EnumerateArray().ToList();
        targets.Select(t => t.GetProperty("name").GetString()).Should().Equal("prod", "analytics");
        targets.Select(t => t.GetProperty("status").GetString()).Should().Equal("changes", "changes");
        targets.Select(t => t.GetProperty("result").GetProperty("account").GetString()).Should().Equal("111111111111", "222222222222");
        targets[0].GetProperty("result").GetProperty("summary").GetProperty("bucketsChanged").GetInt32().Should().Be(2);
        targets[1].GetProperty("result").GetProperty("summary").GetProperty("bucketsChanged").GetInt32().Should().Be(1);
        targets[0].GetProperty("result").GetProperty("buckets").EnumerateArray().Select(b => b.GetProperty("name").GetString())
            .Should().BeEquivalentTo("acme-prod-logs", "acme-prod-uploads");
        var summary = root.GetProperty("summary");
        summary.GetProperty("targets").GetInt32().Should().Be(2);
        summary.GetProperty("succeeded").GetInt32().Should().Be(2);
        summary.GetProperty("failed").GetInt32().Should().Be(0);
        summary.GetProperty("failedTargets").GetArrayLength().Should().Be(0);
        summary.GetProperty("bucketsChanged").GetInt32().Should().Be(3);
    }

    [Test]
    public async Task DryRun_OneTargetSelected_RunsOnlyThatOne()
    {
        var run = await CliRun.RunAsync(["dryrun", .. _org.Flags("-q", "--target", "analytics")]);

        run.ExitCode.Should().Be(ExitCodes.Ok, run.ToString());
        run.Output.Should().Contain("=== target analytics:").And.NotContain("=== target prod:").And.NotContain("acme-prod-logs");
        run.Output.TrimEnd().Split(Environment.NewLine)[^1].Should().StartWith("1 target: 1 planned (1 bucket to change in 1 target)");
    }

    [Test]
    public async Task DryRun_ParallelOne_GivesTheSameReport()
    {
        var one = await CliRun.RunAsync(["dryrun", .. _org.Flags("-q", "--parallel", "1")]);

        one.ExitCode.Should().Be(ExitCodes.Ok, one.ToString());
        one.Output.IndexOf("=== target prod:", StringComparison.Ordinal).Should().BeLessThan(one.Output.IndexOf("=== target analytics:", StringComparison.Ordinal));
        one.Output.Should().EndWith("2 targets: 2 planned (3 buckets to change in 2 targets), none failed." + Environment.NewLine);
    }

    [Test]
    public async Task DryRun_VariablesOfOneAccountRun_AreNotTakenByTargets()
    {
        // LCC_ENDPOINT, LCC_SNAPSHOT and LCC_AWS_ACCOUNT speak of one account: each target gives its own.
        var elsewhere = Path.Combine(_org.Root, "elsewhere");
        var variables = new Dictionary<string, string?>
        {
            ["LCC_ENDPOINT"] = elsewhere,
            ["LCC_SNAPSHOT"] = Path.Combine(_org.Root, "no-such.json"),
            ["LCC_AWS_ACCOUNT"] = "999999999999",
        };

        var run = await CliRun.RunAsync(variables, ["sync", .. _org.Flags("-q")]);

        run.ExitCode.Should().Be(ExitCodes.Ok, run.ToString());
        Directory.Exists(elsewhere).Should().BeFalse();
        _org.StateFiles().Should().Contain(f => f.StartsWith("prod" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .And.Contain(f => f.StartsWith("analytics" + Path.DirectorySeparatorChar, StringComparison.Ordinal));
    }

    // ---- sync ----

    [Test]
    public async Task Sync_WritesEachTargetsOwnStateAndSnapshot_ThenASecondSyncIsInSync()
    {
        var sync = await CliRun.RunAsync(["sync", .. _org.Flags("-q")]);

        sync.ExitCode.Should().Be(ExitCodes.Ok, sync.ToString());
        sync.Output.TrimEnd().Split(Environment.NewLine)[^1].Should().Be("2 targets: 2 synced (3 buckets applied, 0 failed), none failed.");
        foreach (var (target, buckets) in new[] { ("prod", new[] { "acme-prod-logs", "acme-prod-uploads" }), ("analytics", new[] { "acme-analytics-raw" }) })
        {
            var state = _org.State(target);
            File.Exists(Path.Combine(state, "lock.json")).Should().BeFalse($"{target}'s lock is released");
            Directory.GetFiles(Path.Combine(state, "log")).Should().ContainSingle($"{target} has one run record");
            foreach (var bucket in buckets)
            {
                Directory.GetFiles(Path.Combine(state, "history", bucket)).Should().ContainSingle($"{bucket} is archived in {target}'s own history");
                File.Exists(Path.Combine(state, "current", bucket + ".json")).Should().BeTrue();
            }

            _org.SnapshotUnchanged(target).Should().BeFalse($"{target}'s snapshot is written back");
        }

        Directory.Exists(Path.Combine(_org.State("prod"), "history", "acme-analytics-raw")).Should().BeFalse("a target's state holds its own buckets only");

        var again = await CliRun.RunAsync(["sync", .. _org.Flags("-q")]);

        again.ExitCode.Should().Be(ExitCodes.Ok, again.ToString());
        again.Output.TrimEnd().Split(Environment.NewLine)[^1].Should().Be("2 targets: 2 synced (0 buckets applied, 0 failed), none failed.");
        var dryRun = await CliRun.RunAsync(["dryrun", .. _org.Flags("-q", "--detailed-exitcode")]);
        dryRun.ExitCode.Should().Be(ExitCodes.Ok, dryRun.ToString());
    }

    [Test]
    public async Task Sync_Json_HasEachTargetsRunAndAppliedCounts()
    {
        var sync = await CliRun.RunAsync(["sync", .. _org.Flags("-q", "-o", "json")]);

        sync.ExitCode.Should().Be(ExitCodes.Ok, sync.ToString());
        using var json = JsonDocument.Parse(sync.Output);
        json.RootElement.GetProperty("action").GetString().Should().Be("sync");
        json.RootElement.GetProperty("targets").EnumerateArray().Select(t => t.GetProperty("status").GetString()).Should().Equal("applied", "applied");
        json.RootElement.GetProperty("summary").GetProperty("bucketsApplied").GetInt32().Should().Be(3);
        json.RootElement.GetProperty("summary").GetProperty("bucketsFailed").GetInt32().Should().Be(0);
    }

    [Test]
    public async Task Sync_OneTargetsSnapshotOfAnotherAccount_FailsAlone_TheOtherConverges()
    {
        var snapshot = _org.Snapshot("analytics");
        File.WriteAllText(snapshot, File.ReadAllText(snapshot).Replace("222222222222", "333333333333", StringComparison.Ordinal));

        var sync = await CliRun.RunAsync(["sync", .. _org.Flags("-q")]);

        sync.ExitCode.Should().Be(ExitCodes.Error, sync.ToString());
        sync.Error.Should().Contain("analytics").And.Contain("333333333333");
        _org.SnapshotUnchanged("prod").Should().BeFalse($"prod converges whatever analytics' snapshot says\n{sync}");
        Directory.Exists(Path.Combine(_org.State("prod"), "log")).Should().BeTrue("prod ran");
        Directory.Exists(Path.Combine(_org.State("analytics"), "log")).Should().BeFalse("analytics' snapshot is for another account: nothing is written for it");
        sync.Output.TrimEnd().Split(Environment.NewLine)[^1].Should().Contain("1 failed (analytics)");
    }

    [Test]
    public async Task Sync_OneTargetsEndpointLockedByAnotherRun_FailsAlone_TheOtherConverges()
    {
        var store = EndpointStore.For(EndpointLocation.Local(_org.State("analytics")));
        var held = await new RunLock(store, owner: "ops@elsewhere:42").AcquireAsync("other-run");
        held.Acquired.Should().BeTrue();

        var sync = await CliRun.RunAsync(["sync", .. _org.Flags("-q")]);

        sync.ExitCode.Should().Be(ExitCodes.Error, sync.ToString());
        sync.Error.Should().Contain("target analytics:").And.Contain("ops@elsewhere:42");
        _org.SnapshotUnchanged("prod").Should().BeFalse("prod converges");
        _org.SnapshotUnchanged("analytics").Should().BeTrue("analytics' endpoint is held by another run");
        sync.Output.TrimEnd().Split(Environment.NewLine)[^1].Should().Be("2 targets: 1 synced (2 buckets applied, 0 failed), 1 failed (analytics).");

        var json = await CliRun.RunAsync(["dryrun", .. _org.Flags("-q", "-o", "json")]);
        using var document = JsonDocument.Parse(json.Output);
        document.RootElement.GetProperty("summary").GetProperty("failed").GetInt32().Should().Be(0, "a dryrun takes no lock");
    }

    [Test]
    public async Task DryRun_OneTargetsConfigurationError_FailsThatTargetAlone_NamingItsKeyNotAVariable()
    {
        var snapshot = _org.Snapshot("analytics");
        File.WriteAllText(snapshot, File.ReadAllText(snapshot).Replace("222222222222", "333333333333", StringComparison.Ordinal));

        var run = await CliRun.RunAsync(["dryrun", .. _org.Flags("-q", "-o", "json")]);

        run.ExitCode.Should().Be(ExitCodes.Error, run.ToString());
        run.Error.Should().Contain("error: target analytics: ").And.Contain("(the target's 'account')").And.NotContain("LCC_AWS_ACCOUNT");
        run.Error.Should().NotContain("   at ");
        using var json = JsonDocument.Parse(run.Output);
        var targets = json.RootElement.GetProperty("targets").EnumerateArray().ToList();
        targets.Single(t => t.GetProperty("name").GetString() == "prod").GetProperty("status").GetString().Should().Be("changes");
        var analytics = targets.Single(t => t.GetProperty("name").GetString() == "analytics");
        analytics.GetProperty("status").GetString().Should().Be("failed");
        analytics.GetProperty("error").GetString().Should().Contain("is for account 333333333333, not 222222222222");
    }

    [Test]
    public async Task DryRun_AProblemOfEveryTarget_IsTheCommandLinesAndNothingRuns()
    {
        var run = await CliRun.RunAsync(["dryrun", .. _org.Flags("-q", "--params", "{\"concurrency\": 0}")]);

        run.ExitCode.Should().Be(ExitCodes.Error, run.ToString());
        run.Error.Should().Contain("target prod (").And.Contain("target analytics (").And.Contain("Nothing was read or written.");
        run.Output.Should().BeEmpty();
    }

    [Test]
    public async Task Sync_TargetsFileWithProblems_ExitOneWithFileLine_NothingWritten()
    {
        var toml = File.ReadAllText(_org.TargetsFile).Replace("account = \"222222222222\"", "account = \"2222\"", StringComparison.Ordinal);
        File.WriteAllText(_org.TargetsFile, toml);

        var run = await CliRun.RunAsync(["sync", .. _org.Flags("-q")]);

        run.ExitCode.Should().Be(ExitCodes.Error, run.ToString());
        run.Error.Should().Contain($"{_org.TargetsFile}:{TargetsFolder.LineOf(toml, "\"2222\"")}:").And.Contain("target[1].account");
        _org.StateFiles().Should().BeEmpty();
        _org.SnapshotUnchanged("prod").Should().BeTrue("a file with any problem runs no target");
    }

    [Test]
    public async Task Sync_UnknownTarget_ExitOneWithASuggestion_NothingWritten()
    {
        var run = await CliRun.RunAsync(["sync", .. _org.Flags("-q", "--target", "prd")]);

        run.ExitCode.Should().Be(ExitCodes.Error, run.ToString());
        run.Error.Should().Contain("--target 'prd' is not a target of").And.Contain("did you mean prod?");
        _org.StateFiles().Should().BeEmpty();
    }

    // ---- usage errors ----

    [TestCase("0")]
    [TestCase("65")]
    [TestCase("-1")]
    [TestCase("many")]
    public async Task Parallel_OutOfRange_IsAUsageError(string value)
    {
        var run = await CliRun.RunAsync(["dryrun", .. _org.Flags("--parallel", value)]);

        run.ExitCode.Should().Be(ExitCodes.UsageError, run.ToString());
        run.Error.Should().Contain("--parallel");
    }

    [TestCase("--endpoint", "/tmp/x")]
    [TestCase("--account", "111111111111")]
    [TestCase("--snapshot", "/tmp/x.json")]
    [TestCase("--plan", "/tmp/x.plan.json")]
    public async Task TargetsWithAOneAccountFlag_IsAUsageError_ForSync(string flag, string value)
    {
        var run = await CliRun.RunAsync(["sync", .. _org.Flags(flag, value)]);

        run.ExitCode.Should().Be(ExitCodes.UsageError, run.ToString());
        run.Error.Should().Contain($"--targets and {flag} cannot be used together");
        _org.StateFiles().Should().BeEmpty();
    }

    [TestCase("--endpoint", "/tmp/x")]
    [TestCase("--account", "111111111111")]
    [TestCase("--snapshot", "/tmp/x.json")]
    [TestCase("--out", "/tmp/x.plan.json")]
    public async Task TargetsWithAOneAccountFlag_IsAUsageError_ForDryRun(string flag, string value)
    {
        var run = await CliRun.RunAsync(["dryrun", .. _org.Flags(flag, value)]);

        run.ExitCode.Should().Be(ExitCodes.UsageError, run.ToString());
        run.Error.Should().Contain($"--targets and {flag} cannot be used together");
    }

    [TestCase("--target", "prod")]
    [TestCase("--parallel", "2")]
    public async Task TargetOrParallel_WithoutTargets_IsAUsageError(string flag, string value)
    {
        foreach (var command in new[] { "dryrun", "sync" })
        {
            var run = await CliRun.RunAsync([command, flag, value]);

            run.ExitCode.Should().Be(ExitCodes.UsageError, run.ToString());
            run.Error.Should().Contain($"{flag} needs --targets FILE.");
        }
    }

    // ---- report ----

    [Test]
    public async Task Report_BeforeAnySync_IsNoRun_ExitOne()
    {
        var report = await CliRun.RunAsync(["report", .. _org.Flags("-q")]);

        report.ExitCode.Should().Be(ExitCodes.Error, report.ToString());
        var lines = report.Output.TrimEnd().Split(Environment.NewLine);
        lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries).Should().Equal("TARGET", "ACCOUNT", "WHEN", "ACTION", "STATUS", "APPLIED", "FAILED", "PENDING");
        lines[1].Should().StartWith("prod ").And.Contain(" no-run ");
        lines[2].Should().StartWith("analytics ").And.Contain(" no-run ");
        lines[^1].Should().Be("2 targets: 0 last ran well, 2 did not (prod, analytics).");
        _org.StateFiles().Should().BeEmpty("a report writes nothing");
    }

    [Test]
    public async Task Report_AfterASync_BothSucceeded_ExitZero_AndJsonDocument()
    {
        var sync = await CliRun.RunAsync(["sync", .. _org.Flags("-q")]);
        sync.ExitCode.Should().Be(ExitCodes.Ok, sync.ToString());
        var files = _org.StateFiles();

        var report = await CliRun.RunAsync(["report", .. _org.Flags("-q")]);
        var json = await CliRun.RunAsync(["report", .. _org.Flags("-q", "-o", "json")]);

        report.ExitCode.Should().Be(ExitCodes.Ok, report.ToString());
        var lines = report.Output.TrimEnd().Split(Environment.NewLine);
        lines[1].Should().StartWith("prod ").And.Contain(" SYNC ").And.Contain(" succeeded ");
        lines[1].Split(' ', StringSplitOptions.RemoveEmptyEntries)[^3..].Should().Equal("2", "0", "0");
        lines[2].Should().StartWith("analytics ").And.Contain(" succeeded ");
        lines[2].Split(' ', StringSplitOptions.RemoveEmptyEntries)[^3..].Should().Equal("1", "0", "0");
        lines[^1].Should().Be("2 targets: 2 last ran well.");

        json.ExitCode.Should().Be(ExitCodes.Ok, json.ToString());
        using var document = JsonDocument.Parse(json.Output);
        document.RootElement.GetProperty("succeeded").GetBoolean().Should().BeTrue();
        var targets = document.RootElement.GetProperty("targets").EnumerateArray().ToList();
        targets.Select(t => t.GetProperty("name").GetString()).Should().Equal("prod", "analytics");
        targets.Select(t => t.GetProperty("status").GetString()).Should().Equal("succeeded", "succeeded");
        targets.Select(t => t.GetProperty("action").GetString()).Should().Equal("SYNC", "SYNC");
        targets.Select(t => t.GetProperty("applied").GetInt32()).Should().Equal(2, 1);
        targets[0].GetProperty("record").GetString().Should().StartWith(Path.Combine(_org.State("prod"), "log"));
        _org.StateFiles().Should().Equal(files, "a report writes nothing");
    }

    [Test]
    public async Task Report_OneTargetSynced_TheOtherIsNoRun_ExitOne_JsonNamesIt()
    {
        (await CliRun.RunAsync(["sync", .. _org.Flags("-q", "--target", "prod")])).ExitCode.Should().Be(ExitCodes.Ok);

        var json = await CliRun.RunAsync(["report", .. _org.Flags("-q", "-o", "json")]);

        json.ExitCode.Should().Be(ExitCodes.Error, json.ToString());
        using var document = JsonDocument.Parse(json.Output);
        document.RootElement.GetProperty("succeeded").GetBoolean().Should().BeFalse();
        document.RootElement.GetProperty("targets").EnumerateArray().Select(t => t.GetProperty("status").GetString()).Should().Equal("succeeded", "no-run");
        document.RootElement.GetProperty("error").GetProperty("message").GetString().Should().Contain("analytics").And.NotContain("prod");
    }

    [Test]
    public async Task Report_ATargetWhoseLockIsHeld_SaysWhoHoldsIt_InTextAndJson()
    {
        (await CliRun.RunAsync(["sync", .. _org.Flags("-q")])).ExitCode.Should().Be(ExitCodes.Ok);
        var store = EndpointStore.For(EndpointLocation.Local(_org.State("analytics")));
        (await new RunLock(store, owner: "ops@elsewhere:42").AcquireAsync("running-now")).Acquired.Should().BeTrue();

        var report = await CliRun.RunAsync(["report", .. _org.Flags("-q")]);
        var json = await CliRun.RunAsync(["report", .. _org.Flags("-q", "-o", "json")]);

        report.ExitCode.Should().Be(ExitCodes.Ok, "the last runs succeeded; the lock is told, not judged");
        report.Output.Should().Contain("analytics: the lock is held by ").And.Contain("ops@elsewhere:42").And.NotContain("prod: the lock");
        using var document = JsonDocument.Parse(json.Output);
        var targets = document.RootElement.GetProperty("targets").EnumerateArray().ToList();
        targets[1].GetProperty("lockHeldBy").GetString().Should().Contain("ops@elsewhere:42");
        targets[0].TryGetProperty("lockHeldBy", out _).Should().BeFalse();
    }

    [Test]
    public async Task Report_WithoutTargets_IsAUsageError()
    {
        var report = await CliRun.RunAsync(["report"]);

        report.ExitCode.Should().Be(ExitCodes.UsageError, report.ToString());
    }

    // ---- a person at a terminal ----

    [Test]
    public async Task Sync_OnATerminal_ShowsEveryTargetsPlan_AsksOnce_NoWritesNothingAnywhere()
    {
        var prompt = new ScriptedPrompt(interactive: true, "n");

        var sync = await CliRun.RunWithPromptAsync(prompt, null, ["sync", .. _org.Flags("-q")]);

        sync.ExitCode.Should().Be(ExitCodes.Error, sync.ToString());
        prompt.Asked.Should().Be(1, "one question for every target");
        var prod = sync.Error.IndexOf("=== target prod:", StringComparison.Ordinal);
        var analytics = sync.Error.IndexOf("=== target analytics:", StringComparison.Ordinal);
        var question = sync.Error.IndexOf("Apply these changes? [y/N]", StringComparison.Ordinal);
        prod.Should().BeGreaterThanOrEqualTo(0, sync.ToString());
        analytics.Should().BeGreaterThan(prod);
        question.Should().BeGreaterThan(analytics, "every plan is shown before the question");
        sync.Error[prod..question].Should().Contain("acme-prod-logs").And.Contain("acme-analytics-raw");
        sync.Error.Should().EndWith("Nothing applied." + Environment.NewLine);
        _org.StateFiles().Should().BeEmpty("nothing is written anywhere");
        _org.SnapshotUnchanged("prod").Should().BeTrue();
        _org.SnapshotUnchanged("analytics").Should().BeTrue();
    }

    [Test]
    public async Task Sync_OnATerminal_DeclinedWithJson_IsADeclinedDocument()
    {
        var sync = await CliRun.RunWithPromptAsync(new ScriptedPrompt(true, "n"), null, ["sync", .. _org.Flags("-q", "-o", "json")]);

        sync.ExitCode.Should().Be(ExitCodes.Error, sync.ToString());
        using var json = JsonDocument.Parse(sync.Output);
        json.RootElement.GetProperty("error").GetProperty("code").GetString().Should().Be("declined");
        _org.StateFiles().Should().BeEmpty();
    }

    [Test]
    public async Task Sync_OnATerminal_YesAppliesEveryTarget()
    {
        var prompt = new ScriptedPrompt(interactive: true, "y");

        var sync = await CliRun.RunWithPromptAsync(prompt, null, ["sync", .. _org.Flags("-q")]);

        sync.ExitCode.Should().Be(ExitCodes.Ok, sync.ToString());
        prompt.Asked.Should().Be(1);
        sync.Output.TrimEnd().Split(Environment.NewLine)[^1].Should().Be("2 targets: 2 synced (3 buckets applied, 0 failed), none failed.");
        _org.SnapshotUnchanged("prod").Should().BeFalse();
        _org.SnapshotUnchanged("analytics").Should().BeFalse();
    }

    [Test]
    public async Task Sync_OnATerminal_NothingToChange_AsksNothing()
    {
        (await CliRun.RunAsync(["sync", .. _org.Flags("-q")])).ExitCode.Should().Be(ExitCodes.Ok);
        var prompt = new ScriptedPrompt(interactive: true, "n");

        var sync = await CliRun.RunWithPromptAsync(prompt, null, ["sync", .. _org.Flags("-q")]);

        sync.ExitCode.Should().Be(ExitCodes.Ok, sync.ToString());
        prompt.Asked.Should().Be(0);
    }

    [Test]
    public async Task Sync_OnATerminal_AutoApprove_AsksNothing()
    {
        var prompt = new ScriptedPrompt(interactive: true, "n");

        var sync = await CliRun.RunWithPromptAsync(prompt, null, ["sync", .. _org.Flags("-q", "--auto-approve")]);

        sync.ExitCode.Should().Be(ExitCodes.Ok, sync.ToString());
        prompt.Asked.Should().Be(0);
        _org.SnapshotUnchanged("prod").Should().BeFalse();
    }
}

using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace LakeCircle.Cli.Tests.Commands;

/// <summary><c>dryrun --out</c>, <c>sync --plan</c> and the question before a write, through the real parser on a copy of the quickstart.</summary>
public class SavedPlanCommandTests
{
    private ExampleCopy _example = null!;

    private string PlanFile => Path.Combine(_example.Root, "plan.json");

    [SetUp]
    public void SetUp() => _example = new ExampleCopy();

    [TearDown]
    public void TearDown() => _example.Dispose();

    private JsonNode SnapshotBucket(string bucket) => JsonNode.Parse(File.ReadAllText(_example.Snapshot))!["buckets"]![bucket]!;

    private async Task SaveAsync()
    {
        var dryRun = await CliRun.RunAsync(["dryrun", .. _example.Flags("--out", PlanFile)]);
        dryRun.ExitCode.Should().Be(ExitCodes.Ok, dryRun.ToString());
    }

    [Test]
    public async Task DryRunOut_ThenSyncPlan_AppliesExactlyThatAndTheRecordNamesTheFile()
    {
        var dryRun = await CliRun.RunAsync(["dryrun", .. _example.Flags("--out", PlanFile)]);

        dryRun.ExitCode.Should().Be(ExitCodes.Ok, dryRun.ToString());
        dryRun.Output.Should().Contain("Plan: 2 buckets to change");
        var sha = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(PlanFile)));
        dryRun.Error.Should().Contain($"Plan saved to {PlanFile} (sha256 {sha})").And.Contain("sync --plan");
        _example.SnapshotUnchanged().Should().BeTrue();

        var sync = await CliRun.RunAsync(["sync", .. _example.Flags("--plan", PlanFile)]);

        sync.ExitCode.Should().Be(ExitCodes.Ok, sync.ToString());
        sync.Output.Should().Contain("2 buckets applied, 0 failed");
        sync.Error.Should().Contain($"Applying the plan {PlanFile}").And.Contain(sha);
        var again = await CliRun.RunAsync(["dryrun", .. _example.Flags("--detailed-exitcode")]);
        again.ExitCode.Should().Be(ExitCodes.Ok, again.ToString());
        var record = JsonNode.Parse(File.ReadAllText(Directory.GetFiles(Path.Combine(_example.Endpoint, "log")).Single()))!;
        record["planSha256"]!.GetValue<string>().Should().Be(sha);
        record["definitionsFingerprint"]!.GetValue<string>().Should().HaveLength(64);
    }

    [Test]
    public async Task SyncPlan_DefinitionChangedAfterThePlan_IsNotApplied()
    {
        await SaveAsync();
        File.WriteAllText(Path.Combine(_example.Definitions, "acme-logs.toml"), "BucketName = \"acme-logs\"\n\n[LifecycleConfiguration]\nRules = []\n");

        var sync = await CliRun.RunAsync(["sync", .. _example.Flags("--plan", PlanFile)]);

        sync.ExitCode.Should().Be(ExitCodes.Ok, sync.ToString());
        SnapshotBucket("acme-logs")["Rules"]!.AsArray().Should().HaveCount(2, "the DELETE the new definition asks for was never in the reviewed plan");
        var dryRun = await CliRun.RunAsync(["dryrun", .. _example.Flags("--detailed-exitcode")]);
        dryRun.ExitCode.Should().Be(ExitCodes.ChangesPending, "the new definition waits for a plan of its own");
    }

    [Test]
    public async Task SyncPlan_BucketChangedInTheAccountAfterThePlan_RefusedAndNothingWritten()
    {
        await SaveAsync();
        var snapshot = JsonNode.Parse(File.ReadAllText(_example.Snapshot))!;
        snapshot["buckets"]!["acme-backups"] = null;
        File.WriteAllText(_example.Snapshot, snapshot.ToJsonString());
        var edited = File.ReadAllBytes(_example.Snapshot);

        var sync = await CliRun.RunAsync(["sync", .. _example.Flags("--plan", PlanFile, "-o", "json")]);

        sync.ExitCode.Should().Be(ExitCodes.Error, sync.ToString());
        using var json = JsonDocument.Parse(sync.Output);
        json.RootElement.GetProperty("error").GetProperty("code").GetString().Should().Be("stopped");
        json.RootElement.GetProperty("error").GetProperty("message").GetString().Should()
            .Contain("acme-backups changed since the plan was made (its configuration is now none, the plan was made from ")
            .And.Contain("not applied; make a new plan");
        File.ReadAllBytes(_example.Snapshot).Should().Equal(edited, "no bucket is written, not even acme-datalake");
    }

    [Test]
    public async Task SyncPlan_OtherAccount_ConfigurationErrorNothingWritten()
    {
        await SaveAsync();
        var plan = JsonNode.Parse(File.ReadAllText(PlanFile))!;

        var sync = await CliRun.RunAsync(["sync", "--endpoint", _example.Endpoint, "--snapshot", _example.Snapshot, "--plan", PlanFile, "--account", "999999999999"]);

        sync.ExitCode.Should().Be(ExitCodes.Error, sync.ToString());
        sync.Error.Should().Contain($"The plan '{PlanFile}' is for account 123456789012, not 999999999999").And.Contain("Nothing was read or written");
        _example.SnapshotUnchanged().Should().BeTrue();
        plan["account"]!.GetValue<string>().Should().Be("123456789012");
    }

    [Test]
    public async Task SyncPlan_AccountAndRegionComeFromThePlan()
    {
        await SaveAsync();

        // No --snapshot account to fill in from: the plan's account and region are used, and the snapshot's must match them.
        var sync = await CliRun.RunAsync(["sync", "--endpoint", _example.Endpoint, "--snapshot", _example.Snapshot, "--plan", PlanFile, "-o", "json"]);

        sync.ExitCode.Should().Be(ExitCodes.Ok, sync.ToString());
        using var json = JsonDocument.Parse(sync.Output);
        json.RootElement.GetProperty("account").GetString().Should().Be("123456789012");
        json.RootElement.GetProperty("region").GetString().Should().Be("eu-west-1");
    }

    [Test]
    public async Task SyncPlan_WithBucket_UsageError()
    {
        var sync = await CliRun.RunAsync(["sync", .. _example.Flags("--plan", PlanFile, "--bucket", "acme-logs")]);

        sync.ExitCode.Should().Be(ExitCodes.UsageError, sync.ToString());
        sync.Error.Should().Contain("--plan and --bucket cannot be used together");
    }

    [TestCase("dryrun", "--out")]
    [TestCase("sync", "--plan")]
    public async Task EmptyFileName_UsageError(string command, string flag)
    {
        var result = await CliRun.RunAsync([command, .. _example.Flags(flag, " ")]);

        result.ExitCode.Should().Be(ExitCodes.UsageError, result.ToString());
        result.Error.Should().Contain($"{flag} needs a file name");
        _example.SnapshotUnchanged().Should().BeTrue();
    }

    [Test]
    public async Task SyncPlan_WithBucketsParameter_ConfigurationError()
    {
        await SaveAsync();

        var sync = await CliRun.RunAsync(_example.Variables(("LCC_ACTION_PARAMS", """{"buckets":["acme-logs"]}""")), ["sync", "--plan", PlanFile]);

        sync.ExitCode.Should().Be(ExitCodes.Error, sync.ToString());
        sync.Error.Should().Contain("'buckets' cannot be used with --plan");
        _example.SnapshotUnchanged().Should().BeTrue();
    }

    [Test]
    public async Task SyncPlan_EditedFile_RefusedNothingWritten()
    {
        await SaveAsync();
        File.WriteAllText(PlanFile, File.ReadAllText(PlanFile).Replace("2555", "1", StringComparison.Ordinal));

        var sync = await CliRun.RunAsync(["sync", .. _example.Flags("--plan", PlanFile)]);

        sync.ExitCode.Should().Be(ExitCodes.Error, sync.ToString());
        sync.Error.Should().Contain($"--plan: cannot apply the plan file '{PlanFile}'").And.Contain("changed after it was made");
        _example.SnapshotUnchanged().Should().BeTrue();
    }

    [Test]
    public async Task SyncPlan_MissingFile_ConfigurationError()
    {
        var sync = await CliRun.RunAsync(["sync", .. _example.Flags("--plan", PlanFile)]);

        sync.ExitCode.Should().Be(ExitCodes.Error, sync.ToString());
        sync.Error.Should().Contain($"--plan: cannot apply the plan file '{PlanFile}'");
    }

    [Test]
    public async Task DryRunOut_PlanWithErrors_NotSavedAndAnOlderFileKept()
    {
        File.WriteAllText(PlanFile, "older");
        File.WriteAllText(Path.Combine(_example.Definitions, "broken.toml"), "BucketName = \n");

        var dryRun = await CliRun.RunAsync(["dryrun", .. _example.Flags("--out", PlanFile)]);

        dryRun.ExitCode.Should().Be(ExitCodes.Error, dryRun.ToString());
        dryRun.Error.Should().Contain($"it was not saved to '{PlanFile}'");
        File.ReadAllText(PlanFile).Should().Be("older");
    }

    [Test]
    public async Task DryRunOut_ExistingPlan_ReplacedAndJsonReportStillPrinted()
    {
        File.WriteAllText(PlanFile, "older");

        var dryRun = await CliRun.RunAsync(["dryrun", .. _example.Flags("--out", PlanFile, "-o", "json", "-q")]);

        dryRun.ExitCode.Should().Be(ExitCodes.Ok, dryRun.ToString());
        dryRun.Error.Should().BeEmpty("--quiet");
        JsonDocument.Parse(dryRun.Output).RootElement.GetProperty("hasChanges").GetBoolean().Should().BeTrue();
        JsonNode.Parse(File.ReadAllText(PlanFile))!["kind"]!.GetValue<string>().Should().Be("lakecircle-plan");
        Directory.GetFiles(_example.Root, "*.tmp").Should().BeEmpty();
    }

    [TestCase("y")]
    [TestCase("YES")]
    public async Task Sync_OnATerminal_YesApplies(string answer)
    {
        var prompt = new ScriptedPrompt(interactive: true, answer);

        var sync = await CliRun.RunWithPromptAsync(prompt, null, ["sync", .. _example.Flags()]);

        sync.ExitCode.Should().Be(ExitCodes.Ok, sync.ToString());
        prompt.Asked.Should().Be(1);
        sync.Error.Should().Contain("Plan: 2 buckets to change").And.Contain("Apply these changes? [y/N]");
        sync.Output.Should().Contain("2 buckets applied");
        _example.SnapshotUnchanged().Should().BeFalse();
    }

    [TestCase("n")]
    [TestCase("")]
    [TestCase(null)]
    [TestCase("yes please")]
    public async Task Sync_OnATerminal_AnythingButYes_NothingApplied(string? answer)
    {
        var prompt = new ScriptedPrompt(interactive: true, answer);

        var sync = await CliRun.RunWithPromptAsync(prompt, null, ["sync", .. _example.Flags()]);

        sync.ExitCode.Should().Be(ExitCodes.Error, sync.ToString());
        sync.Error.Should().EndWith("Nothing applied." + Environment.NewLine);
        _example.SnapshotUnchanged().Should().BeTrue();
        Directory.Exists(Path.Combine(_example.Endpoint, "log")).Should().BeFalse("no run was started");
    }

    [Test]
    public async Task Sync_OnATerminal_DeclinedWithJson_IsADeclinedDocument()
    {
        var sync = await CliRun.RunWithPromptAsync(new ScriptedPrompt(true, "n"), null, ["sync", .. _example.Flags("-o", "json")]);

        sync.ExitCode.Should().Be(ExitCodes.Error, sync.ToString());
        using var json = JsonDocument.Parse(sync.Output);
        json.RootElement.GetProperty("error").GetProperty("code").GetString().Should().Be("declined");
    }

    [Test]
    public async Task Sync_AutoApprove_NoQuestion()
    {
        var prompt = new ScriptedPrompt(interactive: true, "n");

        var sync = await CliRun.RunWithPromptAsync(prompt, null, ["sync", .. _example.Flags("--auto-approve")]);

        sync.ExitCode.Should().Be(ExitCodes.Ok, sync.ToString());
        prompt.Asked.Should().Be(0);
        sync.Error.Should().NotContain("Apply these changes?");
        _example.SnapshotUnchanged().Should().BeFalse();
    }

    [Test]
    public async Task Sync_NoTerminal_ProceedsWithoutQuestion()
    {
        var prompt = new ScriptedPrompt(interactive: false, "n");

        var sync = await CliRun.RunWithPromptAsync(prompt, _example.Variables(("LCC_ACTIONS", "SYNC")), []);

        sync.ExitCode.Should().Be(ExitCodes.Ok, sync.ToString());
        prompt.Asked.Should().Be(0);
        _example.SnapshotUnchanged().Should().BeFalse();
    }

    [Test]
    public async Task Sync_OnATerminal_NoChanges_NoQuestion()
    {
        (await CliRun.RunAsync(["sync", .. _example.Flags()])).ExitCode.Should().Be(ExitCodes.Ok);
        var prompt = new ScriptedPrompt(interactive: true, "n");

        var sync = await CliRun.RunWithPromptAsync(prompt, null, ["sync", .. _example.Flags()]);

        sync.ExitCode.Should().Be(ExitCodes.Ok, sync.ToString());
        prompt.Asked.Should().Be(0);
    }

    [Test]
    public async Task SyncPlan_OnATerminal_AsksThenAppliesThePlan()
    {
        await SaveAsync();
        var prompt = new ScriptedPrompt(interactive: true, "y");

        var sync = await CliRun.RunWithPromptAsync(prompt, null, ["sync", .. _example.Flags("--plan", PlanFile)]);

        sync.ExitCode.Should().Be(ExitCodes.Ok, sync.ToString());
        prompt.Asked.Should().Be(1);
        sync.Error.Should().Contain("Plan: 2 buckets to change");
        _example.SnapshotUnchanged().Should().BeFalse();
    }

    [Test]
    public async Task Rollback_OnATerminal_AsksWithTheVersion_NoKeepsYesRestores()
    {
        (await CliRun.RunAsync(["sync", .. _example.Flags()])).ExitCode.Should().Be(ExitCodes.Ok);
        var synced = File.ReadAllBytes(_example.Snapshot);

        var declined = await CliRun.RunWithPromptAsync(new ScriptedPrompt(true, "n"), null, ["rollback", .. _example.Flags("--bucket", "acme-backups")]);

        declined.ExitCode.Should().Be(ExitCodes.Error, declined.ToString());
        declined.Error.Should().Contain("Version of 'acme-backups' captured at").And.Contain("Apply these changes? [y/N]").And.Contain("Nothing applied.");
        File.ReadAllBytes(_example.Snapshot).Should().Equal(synced);

        var prompt = new ScriptedPrompt(true, "y");
        var restored = await CliRun.RunWithPromptAsync(prompt, null, ["rollback", .. _example.Flags("--bucket", "acme-backups")]);

        restored.ExitCode.Should().Be(ExitCodes.Ok, restored.ToString());
        prompt.Asked.Should().Be(1);
        JsonNode.DeepEquals(SnapshotBucket("acme-backups"), JsonNode.Parse(_example.OriginalSnapshot)!["buckets"]!["acme-backups"]).Should().BeTrue();

        var auto = new ScriptedPrompt(true, "n");
        var again = await CliRun.RunWithPromptAsync(auto, null, ["rollback", .. _example.Flags("--bucket", "acme-backups", "--auto-approve")]);
        again.ExitCode.Should().Be(ExitCodes.Ok, again.ToString());
        auto.Asked.Should().Be(0);
    }
}

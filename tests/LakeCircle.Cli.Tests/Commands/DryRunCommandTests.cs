using System.Text.Json;

namespace LakeCircle.Cli.Tests.Commands;

public class DryRunCommandTests
{
    private ExampleCopy _example = null!;

    [SetUp]
    public void SetUp() => _example = new ExampleCopy();

    [TearDown]
    public void TearDown() => _example.Dispose();

    [Test]
    public async Task DryRun_Example_PrintsReadablePlanAndWritesNothing()
    {
        var result = await CliRun.RunAsync(["dryrun", .. _example.Flags()]);

        result.ExitCode.Should().Be(ExitCodes.Ok, result.ToString());
        var lines = result.Output.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        lines.Should().Contain("! acme-archive: defined but not in the account (not created)");
        lines.Should().Contain(l => l.StartsWith("~ acme-backups", StringComparison.Ordinal));
        lines.Should().Contain(l => l.Trim() == "Expiration.Days: 365 -> 2555");
        lines.Should().Contain(l => l.Trim() == "- manual-hotfix");
        lines.Should().Contain(l => l.Trim().StartsWith("+ raw-large-objects-to-glacier", StringComparison.Ordinal));
        lines.Should().Contain(l => l.StartsWith("= acme-logs", StringComparison.Ordinal));
        lines.Should().Contain("? acme-scratch: no definition (left alone)");
        lines[^1].Should().Be("Plan: 2 buckets to change (3 rules to add, 1 to remove, 1 to change), 1 in sync, 1 missing, 1 unmanaged.");
        _example.SnapshotUnchanged().Should().BeTrue();
    }

    [Test]
    public async Task DryRun_ShorterExpiration_MarkedDestructiveWithTheObjectsItHits()
    {
        var file = Path.Combine(_example.Definitions, "acme-logs.toml");
        File.WriteAllText(file, File.ReadAllText(file).Replace("Expiration = { Days = 90 }", "Expiration = { Days = 7 }", StringComparison.Ordinal));

        var result = await CliRun.RunAsync(["dryrun", .. _example.Flags("--bucket", "acme-logs")]);

        result.ExitCode.Should().Be(ExitCodes.Ok, result.ToString());
        var lines = result.Output.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        lines.Should().Contain("~ acme-logs (1 rule changed) ! DESTRUCTIVE");
        lines.Should().Contain("    ! deletes data sooner: objects under `logs/` are deleted after 7 days instead of 90 days");
        lines.Should().Contain("Impact: 1 bucket deletes data sooner (acme-logs).");
        lines[^1].Should().StartWith("Plan: 1 bucket to change");
        result.Output.Should().NotContain("\u001b[");
    }

    [Test]
    public async Task DryRun_ShorterExpiration_JsonImpact()
    {
        var file = Path.Combine(_example.Definitions, "acme-logs.toml");
        File.WriteAllText(file, File.ReadAllText(file).Replace("Expiration = { Days = 90 }", "Expiration = { Days = 7 }", StringComparison.Ordinal));

        var result = await CliRun.RunAsync(["dryrun", .. _example.Flags("--bucket", "acme-logs", "-o", "json")]);

        result.ExitCode.Should().Be(ExitCodes.Ok, result.ToString());
        using var json = JsonDocument.Parse(result.Output);
        json.RootElement.GetProperty("summary").GetProperty("bucketsDestructive").GetInt32().Should().Be(1);
        var bucket = json.RootElement.GetProperty("buckets")[0];
        bucket.GetProperty("protected").GetBoolean().Should().BeFalse();
        var impact = bucket.GetProperty("impact");
        impact.GetProperty("kind").GetString().Should().Be("destructive");
        var finding = impact.GetProperty("findings")[0];
        finding.GetProperty("kind").GetString().Should().Be("destructive");
        finding.GetProperty("objects").GetString().Should().Be("objects under `logs/`");
        finding.GetProperty("before").GetString().Should().Be("deleted after 90 days");
        finding.GetProperty("after").GetString().Should().Be("deleted after 7 days");
    }

    [Test]
    public async Task DryRun_JsonOutput_HasSummaryNumbersAndStatuses()
    {
        var result = await CliRun.RunAsync(["dryrun", .. _example.Flags("--output", "json")]);

        result.ExitCode.Should().Be(ExitCodes.Ok, result.ToString());
        using var json = JsonDocument.Parse(result.Output);
        var summary = json.RootElement.GetProperty("summary");
        summary.GetProperty("bucketsChanged").GetInt32().Should().Be(2);
        summary.GetProperty("rulesAdded").GetInt32().Should().Be(3);
        summary.GetProperty("rulesRemoved").GetInt32().Should().Be(1);
        summary.GetProperty("rulesChanged").GetInt32().Should().Be(1);
        var statuses = json.RootElement.GetProperty("buckets").EnumerateArray()
            .ToDictionary(b => b.GetProperty("name").GetString()!, b => b.GetProperty("status").GetString());
        statuses.Should().Equal(new Dictionary<string, string?>
        {
            ["acme-archive"] = "missing",
            ["acme-backups"] = "change",
            ["acme-datalake"] = "change",
            ["acme-logs"] = "in-sync",
            ["acme-scratch"] = "unmanaged",
        });
    }

    [Test]
    public async Task DryRun_DetailedExitCodeWithChanges_ExitsTwo()
    {
        var result = await CliRun.RunAsync(["dryrun", .. _example.Flags("--detailed-exitcode")]);

        result.ExitCode.Should().Be(ExitCodes.ChangesPending, result.ToString());
    }

    [Test]
    public async Task DryRun_DetailedExitCodeFromVariable_ExitsTwo()
    {
        var variables = _example.Variables(("LCC_ACTION_PARAMS", """{"detailedExitCode": true}"""));

        var result = await CliRun.RunAsync(variables, "dryrun");

        result.ExitCode.Should().Be(ExitCodes.ChangesPending, result.ToString());
    }

    [Test]
    public async Task DryRun_DetailedExitCodeNarrowedToBucketInSync_ExitsZero()
    {
        var result = await CliRun.RunAsync(["dryrun", .. _example.Flags("--detailed-exitcode", "--bucket", "acme-logs")]);

        result.ExitCode.Should().Be(ExitCodes.Ok, result.ToString());
        result.Output.Should().Contain("acme-logs").And.NotContain("acme-backups");
    }

    [Test]
    public async Task Plan_IsAnAliasOfDryRun()
    {
        var result = await CliRun.RunAsync(["plan", .. _example.Flags("-o", "json")]);

        result.ExitCode.Should().Be(ExitCodes.Ok, result.ToString());
        using var json = JsonDocument.Parse(result.Output);
        json.RootElement.GetProperty("summary").GetProperty("bucketsChanged").GetInt32().Should().Be(2);
        _example.SnapshotUnchanged().Should().BeTrue();
    }

    [Test]
    public async Task DryRun_InvalidDefinitions_PrintsEveryProblemAndExitsOne()
    {
        var fixtures = Path.Combine(AppContext.BaseDirectory, "fixtures", "definitions", "invalid");
        File.Copy(Path.Combine(fixtures, "wrong-type.toml"), Path.Combine(_example.Definitions, "wrong-type.toml"));
        File.Copy(Path.Combine(fixtures, "unknown-key.toml"), Path.Combine(_example.Definitions, "unknown-key.toml"));

        var result = await CliRun.RunAsync(["dryrun", .. _example.Flags("--detailed-exitcode")]);

        result.ExitCode.Should().Be(ExitCodes.Error, result.ToString());
        result.Output.Should().Contain("wrong-type.toml:9:23: wrong-type/days-as-text: LifecycleConfiguration.Rules[0].Expiration.Days: Expected an integer, got a string.")
            .And.Contain("unknown-key.toml:9:1: unknown-key/typo: LifecycleConfiguration.Rules[0].Expiraton: Unknown key 'Expiraton': did you mean Expiration?")
            .And.NotContain("Plan:");
    }

    [Test]
    public async Task DryRun_JsonOutputWithDebugJsonLogs_KeepsStdoutParseableAndLogsOnTheErrorWriter()
    {
        var result = await CliRun.RunAsync(["dryrun", .. _example.Flags("--output", "json", "--log-format", "json", "--log-level", "debug")]);

        result.ExitCode.Should().Be(ExitCodes.Ok, result.ToString());
        using var plan = JsonDocument.Parse(result.Output);
        plan.RootElement.GetProperty("buckets").GetArrayLength().Should().Be(5);
        var logLines = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        logLines.Should().HaveCountGreaterThan(5);
        foreach (var line in logLines)
        {
            using var _ = JsonDocument.Parse(line);
        }

        result.Output.Should().NotContain("DRYRUN run");
    }

    [Test]
    public async Task DryRun_Start_LogsTheSettingsFingerprint()
    {
        var result = await CliRun.RunAsync(["dryrun", .. _example.Flags("--log-format", "text")]);

        result.ExitCode.Should().Be(ExitCodes.Ok, result.ToString());
        result.Error.Should().MatchRegex("DRYRUN with settings [0-9a-f]{12}");
        result.Error.Should().Contain("123456789012").And.Contain("eu-west-1");
    }
}

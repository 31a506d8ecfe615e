using System.Text.Json;

namespace LakeCircle.Cli.Tests.Commands;

/// <summary><c>lakecircle explain</c> over the bundled quickstart: acme-backups is drifted, acme-logs in sync, acme-scratch unmanaged.</summary>
public class ExplainCommandTests
{
    private ExampleCopy _example = null!;

    [SetUp]
    public void SetUp() => _example = new ExampleCopy();

    [TearDown]
    public void TearDown() => _example.Dispose();

    [Test]
    public async Task Explain_DriftedBucket_SchedulesSideBySideWithRules()
    {
        var result = await Explain("--bucket", "acme-backups", "--key", "nightly/db.dump", "--size", "5000000", "--created", "2026-01-01", "--now", "2026-02-15");

        result.ExitCode.Should().Be(ExitCodes.Ok, result.ToString());
        var lines = result.Output.Split(Environment.NewLine);
        lines.Should().Contain("Object: nightly/db.dump, 5000000 bytes, STANDARD, created 2026-01-01 (45 days before 2026-02-15), current version; bucket unversioned");
        lines.Should().Contain("Bucket acme-backups: a sync keeps this object longer.");
        lines.Should().Contain(l => l.StartsWith("DATE ", StringComparison.Ordinal) && l.Contains("NOW", StringComparison.Ordinal) && l.EndsWith("AFTER SYNC", StringComparison.Ordinal));
        Row(lines, "2026-01-31 (past)").Should().Be("moves to GLACIER_IR, rule \"tier-down-backups\" | moves to GLACIER_IR, rule \"tier-down-backups\"");
        Row(lines, "2026-04-01").Should().Be("moves to DEEP_ARCHIVE, rule \"tier-down-backups\" | -");
        Row(lines, "2026-06-30").Should().Be("- | moves to DEEP_ARCHIVE, rule \"tier-down-backups\"");
        Row(lines, "2027-01-01").Should().Be("permanently deleted, rule \"tier-down-backups\" | -");
        Row(lines, "2032-12-30").Should().Be("- | permanently deleted, rule \"tier-down-backups\"");
        result.Output.Should().NotContain("\u001b[");
        _example.SnapshotUnchanged().Should().BeTrue();
    }

    [Test]
    public async Task Explain_NoMatchingRule_NeverDeleted()
    {
        var result = await Explain("--bucket", "acme-backups", "--key", "other/file", "--now", "2026-02-15");

        result.ExitCode.Should().Be(ExitCodes.Ok, result.ToString());
        var lines = result.Output.Split(Environment.NewLine);
        Row(lines, "never").Should().Be("never permanently deleted | never permanently deleted");
    }

    [Test]
    public async Task Explain_InSync_SaysSoAndAgeCountsFromNow()
    {
        var result = await Explain("--bucket", "acme-logs", "--key", "logs/a.log", "--age", "10", "--now", "2026-02-15");

        result.ExitCode.Should().Be(ExitCodes.Ok, result.ToString());
        result.Output.Should().Contain("created 2026-02-05 (10 days before 2026-02-15)");
        result.Output.Should().Contain("Bucket acme-logs: in sync, a sync changes nothing.");
        Row(result.Output.Split(Environment.NewLine), "2026-05-06")
            .Should().Be("permanently deleted, rule \"expire-logs-after-90-days\" | permanently deleted, rule \"expire-logs-after-90-days\"");
    }

    [Test]
    public async Task Explain_UnmanagedBucket_CurrentScheduleOnly()
    {
        var result = await Explain("--bucket", "acme-scratch", "--key", "raw/x", "--now", "2026-02-15");

        result.ExitCode.Should().Be(ExitCodes.Ok, result.ToString());
        result.Output.Should().Contain("Bucket acme-scratch: no definition, a sync leaves it alone; its schedule now:");
        result.Output.Should().NotContain("AFTER SYNC");
    }

    [Test]
    public async Task Explain_NoncurrentVersion_VersionedScheduleWithNewerVersions()
    {
        var result = await Explain(
            "--bucket", "acme-datalake", "--key", "raw/x", "--size", "200000", "--created", "2025-06-01", "--noncurrent-since", "2026-01-01", "--newer-noncurrent", "4", "--now", "2026-02-15");

        result.ExitCode.Should().Be(ExitCodes.Ok, result.ToString());
        result.Output.Should().Contain("noncurrent since 2026-01-01, 4 newer noncurrent versions; bucket versioning enabled");
        result.Output.Should().Contain("moves to STANDARD_IA (noncurrent), rule \"raw-noncurrent-versions\"");
        result.Output.Should().Contain("permanently deleted (noncurrent), rule \"raw-noncurrent-versions\"");
    }

    [Test]
    public async Task Explain_Json_Unmanaged_NoDesiredSchedule()
    {
        var result = await Explain("--bucket", "acme-scratch", "--key", "k", "-o", "json");

        result.ExitCode.Should().Be(ExitCodes.Ok, result.ToString());
        using var json = JsonDocument.Parse(result.Output);
        json.RootElement.GetProperty("status").GetString().Should().Be("unmanaged");
        json.RootElement.GetProperty("current").GetProperty("steps").GetArrayLength().Should().Be(0);
        json.RootElement.TryGetProperty("desired", out _).Should().BeFalse();
        json.RootElement.GetProperty("object").TryGetProperty("tags", out _).Should().BeFalse();
    }

    [Test]
    public async Task Explain_MissingBucket_ClearErrorExit1()
    {
        var result = await Explain("--bucket", "acme-nowhere", "--key", "k");

        result.ExitCode.Should().Be(ExitCodes.Error, result.ToString());
        result.Error.Should().Contain("error: The bucket 'acme-nowhere' is not in the account and has no definition.");
        result.Output.Should().BeEmpty();
    }

    [Test]
    public async Task Explain_DefinedButNotInTheAccount_ClearErrorExit1()
    {
        var result = await Explain("--bucket", "acme-archive", "--key", "k");

        result.ExitCode.Should().Be(ExitCodes.Error, result.ToString());
        result.Error.Should().Contain("error: The bucket 'acme-archive' is defined but not in the account.");
        result.Error.Should().NotContain("   at ");
    }

    [Test]
    public async Task Explain_Json_EnvelopeAndBothSchedules()
    {
        var result = await Explain(
            "--bucket", "acme-backups", "--key", "nightly/db.dump", "--size", "5000000", "--created", "2026-01-01", "--tag", "team=ops", "--tag", "kind=db", "-o", "json");

        result.ExitCode.Should().Be(ExitCodes.Ok, result.ToString());
        using var json = JsonDocument.Parse(result.Output);
        var root = json.RootElement;
        root.GetProperty("schemaVersion").GetInt32().Should().Be(1);
        root.GetProperty("succeeded").GetBoolean().Should().BeTrue();
        root.GetProperty("bucket").GetString().Should().Be("acme-backups");
        root.GetProperty("status").GetString().Should().Be("change");
        root.GetProperty("versioning").GetString().Should().Be("unversioned");
        root.GetProperty("scheduleChanges").GetBoolean().Should().BeTrue();
        var o = root.GetProperty("object");
        o.GetProperty("key").GetString().Should().Be("nightly/db.dump");
        o.GetProperty("size").GetInt64().Should().Be(5000000);
        o.GetProperty("tags").GetProperty("team").GetString().Should().Be("ops");
        o.GetProperty("created").GetString().Should().StartWith("2026-01-01T00:00:00");
        root.GetProperty("current").GetProperty("deletedOn").GetString().Should().Be("2027-01-01");
        root.GetProperty("desired").GetProperty("deletedOn").GetString().Should().Be("2032-12-30");
        var step = root.GetProperty("desired").GetProperty("steps")[0];
        step.GetProperty("date").GetString().Should().Be("2026-01-31");
        step.GetProperty("action").GetString().Should().Be("transition");
        step.GetProperty("storageClass").GetString().Should().Be("GLACIER_IR");
        step.GetProperty("rule").GetString().Should().Be("tier-down-backups");
        step.GetProperty("noncurrent").GetBoolean().Should().BeFalse();
    }

    [Test]
    public async Task Explain_Json_MissingBucket_ErrorInTheEnvelope()
    {
        var result = await Explain("--bucket", "acme-archive", "--key", "k", "-o", "json");

        result.ExitCode.Should().Be(ExitCodes.Error, result.ToString());
        using var json = JsonDocument.Parse(result.Output);
        json.RootElement.GetProperty("succeeded").GetBoolean().Should().BeFalse();
        json.RootElement.GetProperty("error").GetProperty("code").GetString().Should().Be("missing");
        json.RootElement.GetProperty("status").GetString().Should().Be("missing");
    }

    [Test]
    public async Task Explain_TagFilteredRuleWithoutTags_SaysSo()
    {
        File.WriteAllText(Path.Combine(_example.Definitions, "acme-logs.toml"), """
            BucketName = "acme-logs"

            [LifecycleConfiguration]

            [[LifecycleConfiguration.Rules]]
            ID = "expire-logs-after-90-days"
            Status = "Enabled"
            Filter = { Prefix = "logs/" }
            Expiration = { Days = 90 }

            [[LifecycleConfiguration.Rules]]
            ID = "short-debug"
            Status = "Enabled"
            Filter = { Tag = { Key = "debug", Value = "true" } }
            Expiration = { Days = 3 }
            """);

        var without = await Explain("--bucket", "acme-logs", "--key", "logs/a.log", "--now", "2026-02-15");
        var with = await Explain("--bucket", "acme-logs", "--key", "logs/a.log", "--now", "2026-02-15", "--tag", "debug=true");

        without.ExitCode.Should().Be(ExitCodes.Ok, without.ToString());
        without.Output.Should().Contain("Note: the object's tags were not given; 1 rule with tag filters (rule \"short-debug\") may apply and is left out.");
        with.Output.Should().NotContain("Note:");
        with.Output.Should().Contain("Bucket acme-logs: a sync deletes this object sooner.");
        with.Output.Should().Contain("permanently deleted, rule \"short-debug\"");
    }

    [TestCase("--size", "big", "--size must be a whole number from 0, got 'big'.")]
    [TestCase("--size", "-1", "--size must be a whole number from 0, got '-1'.")]
    [TestCase("--age", "-3", "--age must be a whole number from 0 to 36600, got '-3'.")]
    [TestCase("--age", "1.5", "--age must be a whole number")]
    [TestCase("--created", "yesterday", "--created needs a date such as 2026-01-31")]
    [TestCase("--noncurrent-since", "2026-13-01", "--noncurrent-since needs a date")]
    [TestCase("--now", "soon", "--now needs a date")]
    [TestCase("--tag", "novalue", "--tag needs KEY=VALUE, got 'novalue'.")]
    [TestCase("--tag", "=v", "--tag needs KEY=VALUE, got '=v'.")]
    [TestCase("--versioning", "on", "--versioning must be enabled, suspended or unversioned, got 'on'.")]
    public async Task Explain_BadValue_UsageErrorNamingTheFlag(string flag, string value, string message)
    {
        var result = await Explain("--bucket", "acme-logs", "--key", "k", flag, value);

        result.ExitCode.Should().Be(ExitCodes.UsageError, result.ToString());
        result.Error.Should().Contain(message);
        result.Error.Should().NotContain("   at ");
    }

    [Test]
    public async Task Explain_CreatedAndAge_UsageError()
    {
        var result = await Explain("--bucket", "acme-logs", "--key", "k", "--created", "2026-01-01", "--age", "3");

        result.ExitCode.Should().Be(ExitCodes.UsageError, result.ToString());
        result.Error.Should().Contain("--created and --age cannot be used together");
    }

    [Test]
    public async Task Explain_NewerNoncurrentWithoutNoncurrentSince_UsageError()
    {
        var result = await Explain("--bucket", "acme-logs", "--key", "k", "--newer-noncurrent", "2");

        result.ExitCode.Should().Be(ExitCodes.UsageError, result.ToString());
        result.Error.Should().Contain("--newer-noncurrent needs --noncurrent-since");
    }

    [Test]
    public async Task Explain_EmptyKey_UsageError()
    {
        var result = await Explain("--bucket", "acme-logs", "--key", "");

        result.ExitCode.Should().Be(ExitCodes.UsageError, result.ToString());
        result.Error.Should().Contain("--key needs an object key, got an empty one.");
    }

    [Test]
    public async Task Explain_NoKey_UsageError()
    {
        var result = await Explain("--bucket", "acme-logs");

        result.ExitCode.Should().Be(ExitCodes.UsageError, result.ToString());
        result.Error.Should().Contain("--key");
    }

    [Test]
    public async Task Explain_MisspeltFlag_DidYouMean()
    {
        var result = await Explain("--bucket", "acme-logs", "--key", "k", "--creatd", "2026-01-01");

        result.ExitCode.Should().Be(ExitCodes.UsageError, result.ToString());
        result.Error.Should().Contain("--created");
    }

    private Task<CliResult> Explain(params string[] args) => CliRun.RunAsync(["explain", .. _example.Flags(args)]);

    /// <summary>A table row's cells after the date, trimmed and joined by <c> | </c> (cells are separated by two spaces or more).</summary>
    private static string Row(IEnumerable<string> lines, string date)
    {
        var line = lines.Single(l => l.StartsWith(date + "  ", StringComparison.Ordinal));
        var cells = System.Text.RegularExpressions.Regex.Split(line[date.Length..].Trim(), " {2,}");
        return string.Join(" | ", cells);
    }
}

using System.CommandLine;
using LakeCircle.Cli.Commands;
using LakeCircle.Cli.Configuration;

namespace LakeCircle.Cli.Tests.Commands;

/// <summary>Each command shows and accepts only its own flags; the root command keeps those of sync and dryrun, hidden.</summary>
public class CommandFlagsTests
{
    private static readonly string[] Help = ["-?", "-h", "--help", "--color"];

    private static readonly string[] Location =
        ["--endpoint", "--account", "--region", "--s3-endpoint", "--path-style", "--no-path-style", "--snapshot"];

    private static readonly string[] Log = ["--log-level", "--log-format", "-q", "--quiet"];

    private static readonly string[] Output = ["-o", "--output"];

    private ExampleCopy _example = null!;

    [SetUp]
    public void SetUp() => _example = new ExampleCopy();

    [TearDown]
    public void TearDown() => _example.Dispose();

    private static IEnumerable<TestCaseData> CommandFlags()
    {
        yield return new TestCaseData("sync", (string[])[
            .. Location, "--bucket", .. Output, .. Log, "--params", "--concurrency", "--regions", "--write-concurrency", "--max-changes",
            "--max-deletions", "--max-destructive", "--allow-destructive", "--wait", "--wait-timeout", "--force-unlock", "--plan", "--auto-approve", "--show-unmanaged", "--targets", "--target", "--parallel", .. Help]).SetArgDisplayNames("sync");
        yield return new TestCaseData("dryrun", (string[])[
            .. Location, "--bucket", .. Output, .. Log, "--params", "--concurrency", "--regions", "--detailed-exitcode", "--out", "--show-unmanaged", "--targets", "--target", "--parallel", .. Help]).SetArgDisplayNames("dryrun");
        yield return new TestCaseData("history", (string[])[.. Location, "--bucket", .. Output, .. Log, .. Help]).SetArgDisplayNames("history");
        yield return new TestCaseData("rollback", (string[])[
            "--to", "--dry-run", .. Location, "--bucket", .. Output, .. Log, "--wait", "--wait-timeout", "--force-unlock", "--auto-approve", .. Help])
            .SetArgDisplayNames("rollback");
        yield return new TestCaseData("unlock", (string[])["--force", .. Location, .. Output, .. Log, .. Help]).SetArgDisplayNames("unlock");
        string[] account = [.. Location.Skip(1)];
        yield return new TestCaseData("export", (string[])[
            "--out", "--format", "--include-empty", "--force", .. account, "--bucket", .. Output, .. Log, .. Help]).SetArgDisplayNames("export");
        yield return new TestCaseData("snapshot", (string[])["--out", "--force", .. account, "--bucket", .. Output, .. Log, .. Help]).SetArgDisplayNames("snapshot");
        yield return new TestCaseData("impact", (string[])[
            "--inventory", "--columns", "--now", "--versioning", .. Location, "--bucket", .. Output, .. Log, .. Help]).SetArgDisplayNames("impact");
        yield return new TestCaseData("explain", (string[])[
            "--key", "--size", "--tag", "--created", "--age", "--noncurrent-since", "--newer-noncurrent", "--versioning", "--delete-marker", "--now",
            .. Location, "--bucket", .. Output, .. Log, .. Help]).SetArgDisplayNames("explain");
        yield return new TestCaseData("targets", (string[])["--targets", "--target", .. Output, "--region", "--s3-endpoint", .. Help]).SetArgDisplayNames("targets");
        yield return new TestCaseData("report", (string[])[.. Location, .. Output, .. Log, "--targets", "--target", "--parallel", .. Help]).SetArgDisplayNames("report");
        yield return new TestCaseData("validate", (string[])[.. Output, "--strict", "-q", "--quiet", .. Help]).SetArgDisplayNames("validate");
    }

    [TestCaseSource(nameof(CommandFlags))]
    public async Task Help_ListsExactlyTheCommandsFlags(string command, string[] flags)
    {
        var result = await CliRun.RunAsync(command, "--help");

        result.ExitCode.Should().Be(ExitCodes.Ok, result.ToString());
        HelpFlags(result.Output).Should().Equal(flags);
    }

    [Test]
    public async Task RootHelp_ListsNoRunFlags()
    {
        var result = await CliRun.RunAsync("--help");

        HelpFlags(result.Output).Should().Equal("--color", "-?", "-h", "--help", "--version");
    }

    [TestCase("--wait")]
    [TestCase("--wait-timeout", "5m")]
    [TestCase("--force-unlock")]
    [TestCase("--max-changes", "1")]
    [TestCase("--max-deletions", "1")]
    [TestCase("--write-concurrency", "2")]
    [TestCase("--plan", "plan.json")]
    [TestCase("--auto-approve")]
    public async Task DryRun_RefusesTheFlagsOfWrites(params string[] flag) => await RefusedAsync("dryrun", flag);

    [Test]
    public async Task Sync_RefusesDetailedExitCode() => await RefusedAsync("sync", "--detailed-exitcode");

    [Test]
    public async Task Sync_RefusesOut() => await RefusedAsync("sync", "--out", "plan.json");

    [TestCase("--concurrency", "2")]
    [TestCase("--write-concurrency", "2")]
    [TestCase("--max-changes", "1")]
    [TestCase("--max-deletions", "1")]
    [TestCase("--detailed-exitcode")]
    [TestCase("--params", "{}")]
    public async Task Rollback_RefusesTheFlagsOfAWholeRun(params string[] flag) => await RefusedAsync("rollback", ["--bucket", "acme-logs", .. flag]);

    [TestCase("--force-unlock")]
    [TestCase("--wait")]
    [TestCase("--wait-timeout", "5m")]
    [TestCase("--max-changes", "1")]
    [TestCase("--concurrency", "2")]
    [TestCase("--params", "{}")]
    [TestCase("--detailed-exitcode")]
    public async Task History_RefusesTheFlagsOfRuns(params string[] flag) => await RefusedAsync("history", ["--bucket", "acme-logs", .. flag]);

    [TestCase("--bucket", "acme-logs")]
    [TestCase("--wait")]
    [TestCase("--force-unlock")]
    [TestCase("--params", "{}")]
    public async Task Unlock_RefusesTheFlagsOfRuns(params string[] flag) => await RefusedAsync("unlock", flag);

    [Test]
    public async Task Rollback_HasOneForceUnlock()
    {
        var help = await CliRun.RunAsync("rollback", "--help");

        HelpFlags(help.Output).Count(flag => flag == "--force-unlock").Should().Be(1);
        CliApplication.CreateRootCommand().Subcommands.Single(c => c.Name == "rollback").Options
            .Count(o => o.Name == "--force-unlock").Should().Be(1);
    }

    [TestCase("--detailed-exitcode")]
    [TestCase("--wait")]
    [TestCase("--wait-timeout", "5m")]
    [TestCase("--force-unlock")]
    [TestCase("--max-changes", "1")]
    [TestCase("--max-deletions", "1")]
    [TestCase("--write-concurrency", "2")]
    [TestCase("--concurrency", "2")]
    [TestCase("--params", "{}")]
    [TestCase("--bucket", "acme-logs")]
    public void Root_AcceptsTheFlagsOfSyncAndDryRun(params string[] flag)
    {
        var parsed = CliApplication.CreateRootCommand().Parse(flag);

        parsed.Errors.Should().BeEmpty();
    }

    [TestCase("sync")]
    [TestCase("dryrun")]
    [TestCase("history")]
    [TestCase("rollback")]
    [TestCase("unlock")]
    public async Task Help_AccountAndRegionAreRequiredUnlessTheSnapshotGivesThem(string command)
    {
        var result = await CliRun.RunAsync(command, "--help");

        var lines = result.Output.Split('\n');
        foreach (var flag in new[] { "--account", "--region" })
        {
            var line = lines.Single(l => l.TrimStart().StartsWith(flag + " ", StringComparison.Ordinal));
            line.Should().Contain("[required unless --snapshot gives it]").And.NotContain("[required]");
        }

        lines.Single(l => l.TrimStart().StartsWith("--endpoint ", StringComparison.Ordinal)).Should().Contain("[required]");
    }

    [Test]
    public async Task Command_WithoutSomeGroups_ReadsOnlyItsOwnFlags()
    {
        var options = new RunOptions();
        var command = new Command("unlock");
        options.AddTo(command);
        var parsed = command.Parse(["--endpoint", _example.Endpoint, "--log-level", "debug"]);

        parsed.Errors.Should().BeEmpty();
        var arguments = RunArguments.From(parsed, options, WorkAction.Sync);

        arguments.Overrides.Should().BeEquivalentTo(new Dictionary<string, string?>
        {
            [SettingDefinitions.Endpoint] = _example.Endpoint,
            [SettingDefinitions.AppLevel] = "debug",
        });
        arguments.ParameterFlags.Should().BeEmpty();
        arguments.ForceUnlock.Should().BeFalse();
        options.Buckets.Should().BeNull();
        options.Output.Should().BeNull();
    }

    private async Task RefusedAsync(string command, params string[] args)
    {
        var flag = args.Last(a => a.StartsWith("--", StringComparison.Ordinal));
        var result = await CliRun.RunAsync([command, .. _example.Flags(args)]);

        result.ExitCode.Should().Be(ExitCodes.UsageError, result.ToString());
        result.Error.Should().Contain($"Unknown option '{flag}' for 'lakecircle {command}'");
        if (args[^1] != flag)
        {
            result.Error.Should().NotContain($"'{args[^1]}'", "the refused flag's value is not a second unknown argument");
        }

        result.Output.Should().BeEmpty();
        _example.SnapshotUnchanged().Should().BeTrue();
    }

    /// <summary>The flags and aliases of the Options section of a help text, in order.</summary>
    internal static IReadOnlyList<string> HelpFlags(string help)
    {
        var lines = help.Replace("\r", string.Empty, StringComparison.Ordinal).Split('\n');
        var flags = new List<string>();
        foreach (var line in lines.SkipWhile(l => l != "Options:").Skip(1).TakeWhile(l => l.Length > 0))
        {
            if (!line.StartsWith("  -", StringComparison.Ordinal))
            {
                continue;
            }

            var firstColumn = line.Trim().Split("  ")[0];
            flags.AddRange(firstColumn.Split(", ").Select(part => part.Split(' ')[0]));
        }

        return flags;
    }
}

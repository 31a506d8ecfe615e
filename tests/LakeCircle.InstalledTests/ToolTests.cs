using System.IO.Compression;
using System.Runtime.InteropServices;

namespace LakeCircle.InstalledTests;

/// <summary>The <c>lakecircle</c> tool installed from its package with <c>dotnet tool install</c>.</summary>
public sealed class ToolTests
{
    [Test]
    public async Task Version_is_the_package_version_with_the_commit_as_metadata()
    {
        var tool = await Installed.ToolAsync();

        var result = await Programs.RunOkAsync(tool, ["--version"], Installed.Work);

        var printed = result.Output.Trim();
        TestContext.Out.WriteLine($"$ lakecircle --version\n{printed}");
        printed.Should().MatchRegex($@"^{System.Text.RegularExpressions.Regex.Escape(Installed.Version)}(\+[0-9a-f]{{7,40}})?$");
        printed.Split('+')[0].Should().Be(Installed.Version);
    }

    [Test]
    public async Task The_quick_start_dryrun_prints_the_plan()
    {
        var tool = await Installed.ToolAsync();
        var quickstart = Installed.CopyOfQuickstart("tool-dryrun");

        var result = await Programs.RunOkAsync(
            tool, ["dryrun", "--endpoint", Path.Combine(quickstart, "endpoint"), "--snapshot", Path.Combine(quickstart, "account.json")], quickstart);

        TestContext.Out.WriteLine(result.Output);
        result.Output.Should().Contain("~ acme-backups (1 rule changed, 1 removed)");
        result.Output.Should().Contain("Plan: 2 buckets to change (3 rules to add, 1 to remove, 1 to change), 1 in sync, 1 missing, 1 unmanaged.");
    }

    [Test]
    public async Task The_organisation_example_syncs_both_targets_and_the_report_reads_their_records()
    {
        var tool = await Installed.ToolAsync();
        var organisation = Path.Combine(Installed.Work, "tool-targets");
        Installed.CopyFolder(Path.Combine(Installed.RepositoryRoot, "examples", "organisation"), organisation);
        var targets = Path.Combine(organisation, "targets.toml");

        var listing = await Programs.RunOkAsync(tool, ["targets", "--targets", targets, "-o", "json"], organisation);
        var dryrun = await Programs.RunAsync(tool, ["dryrun", "--targets", targets, "--detailed-exitcode"], organisation);
        await Programs.RunOkAsync(tool, ["sync", "--targets", targets, "--target", "prod", "--target", "analytics"], organisation);
        var report = await Programs.RunOkAsync(tool, ["report", "--targets", targets], organisation);

        TestContext.Out.WriteLine(dryrun.Output + report.Output);
        listing.Output.Should().Contain("\"names\": [").And.Contain("\"prod\"").And.Contain("\"analytics\"");
        dryrun.ExitCode.Should().Be(2, dryrun.Describe());
        dryrun.Output.Should().Contain("2 targets: 2 planned (3 buckets to change in 2 targets), none failed.");
        report.Output.Should().MatchRegex(@"prod\s+111111111111\s+\S+ \S+\s+SYNC\s+succeeded\s+2\s+0\s+0")
            .And.MatchRegex(@"analytics\s+222222222222\s+\S+ \S+\s+SYNC\s+succeeded\s+1\s+0\s+0");
    }

    [Test]
    public async Task Dryrun_with_detailed_exit_code_exits_2_when_there_are_changes_and_0_when_in_sync()
    {
        var tool = await Installed.ToolAsync();
        var quickstart = Installed.CopyOfQuickstart("tool-exitcode");
        string[] where = ["--endpoint", Path.Combine(quickstart, "endpoint"), "--snapshot", Path.Combine(quickstart, "account.json")];

        var changes = await Programs.RunAsync(tool, ["dryrun", "--detailed-exitcode", .. where], quickstart);
        await Programs.RunOkAsync(tool, ["sync", .. where], quickstart);
        var inSync = await Programs.RunAsync(tool, ["dryrun", "--detailed-exitcode", .. where], quickstart);

        changes.ExitCode.Should().Be(2, changes.Describe());
        inSync.ExitCode.Should().Be(0, inSync.Describe());
    }

    [Test]
    public async Task The_install_is_the_ReadyToRun_package_on_linux_x64_and_the_portable_one_elsewhere()
    {
        var runtime = OperatingSystem.IsLinux() && RuntimeInformation.OSArchitecture == Architecture.X64 ? "linux-x64" : "any";
        var tool = await Installed.ToolAsync();
        var store = Path.Combine(Path.GetDirectoryName(tool)!, ".store", "lakecircle.cli", Installed.Version);

        Directory.GetDirectories(store).Select(Path.GetFileName).Should().Contain("lakecircle.cli." + runtime);
        Directory.GetFiles(store, "lakecircle.dll", SearchOption.AllDirectories).Should().ContainSingle()
            .Which.Should().Contain(Path.Combine("tools", "net10.0", runtime));
    }

    [Test]
    public async Task The_portable_package_runs_the_quick_start_dryrun_with_dotnet()
    {
        var folder = Path.Combine(Installed.Work, "tool-any");
        await ZipFile.ExtractToDirectoryAsync(Installed.Package("LakeCircle.Cli.any", ".nupkg"), folder);
        var quickstart = Installed.CopyOfQuickstart("tool-any-dryrun");

        var result = await Programs.RunOkAsync(
            "dotnet",
            [Path.Combine(folder, "tools", "net10.0", "any", "lakecircle.dll"), "dryrun", "--endpoint", Path.Combine(quickstart, "endpoint"), "--snapshot", Path.Combine(quickstart, "account.json")],
            quickstart);

        result.Output.Should().Contain("Plan: 2 buckets to change (3 rules to add, 1 to remove, 1 to change), 1 in sync, 1 missing, 1 unmanaged.");
    }

    [Test]
    public async Task An_unknown_command_is_one_error_line_and_no_stack_trace()
    {
        var tool = await Installed.ToolAsync();

        var result = await Programs.RunAsync(tool, ["dryrn"], Installed.Work);

        result.ExitCode.Should().NotBe(0);
        (result.Output + result.Error).Should().Contain("dryrun").And.NotContain("   at ");
    }
}

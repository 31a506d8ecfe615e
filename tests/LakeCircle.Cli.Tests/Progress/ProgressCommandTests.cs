using System.Text.RegularExpressions;
using LakeCircle.Cli.Progress;
using LakeCircle.Cli.Tests.Commands;
using LakeCircle.Cli.Tests.Hostile;
using Spectre.Console;

namespace LakeCircle.Cli.Tests.Progress;

/// <summary>
/// The progress line of dryrun, sync and rollback: drawn on a terminal's standard error and erased before the report,
/// never on a redirected standard error or with <c>--quiet</c>, and the log lines around it intact.
/// </summary>
public sealed partial class ProgressCommandTests
{
    private const string Erase = "\u001b[2K";

    private static readonly ErrorTerminal Terminal = new() { Ansi = AnsiSupport.Yes, Width = 200 };

    private ExampleCopy _example = null!;

    [SetUp]
    public void SetUp() => _example = new ExampleCopy();

    [TearDown]
    public void TearDown() => _example.Dispose();

    private static async Task<CliResult> OnTerminalAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await CliApplication.RunAsync(args, output, error, new Dictionary<string, string?>(), errorTerminal: Terminal);
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }

    [Test]
    public async Task DryRun_OnATerminal_DrawsTheLineAndLeavesNothingOfItOnScreen()
    {
        var result = await OnTerminalAsync(["dryrun", .. _example.Flags()]);

        result.ExitCode.Should().Be(ExitCodes.Ok, result.ToString());
        result.Error.Should().Contain("\rReading buckets ").And.Contain("\rPlanned 4 buckets, 2 to write").And.Contain(Erase);
        result.Error.LastIndexOf(Erase, StringComparison.Ordinal).Should().BeGreaterThan(result.Error.LastIndexOf("\rPlanned", StringComparison.Ordinal));
        Shown(result.Error).Should().NotContain(l => IsProgress(l), "the line is erased when the run ends");
        result.Output.Should().NotContain(Erase).And.NotContain("\r").And.Contain("acme-datalake");
    }

    [Test]
    public async Task DryRun_OnATerminal_TheLogLinesAreThoseOfARedirectedRun()
    {
        var redirected = await CliRun.RunAsync(["dryrun", .. _example.Flags()]);
        var terminal = await OnTerminalAsync(["dryrun", .. _example.Flags()]);

        Shown(terminal.Error).Where(l => l.Length > 0).Select(WithoutTime).Should().Equal(Shown(redirected.Error).Where(l => l.Length > 0).Select(WithoutTime));
        Shown(terminal.Error).Should().Contain(l => l.Contains("S3 calls: ListBuckets 1, GetBucketLifecycleConfiguration 3", StringComparison.Ordinal));
    }

    [Test]
    public async Task DryRun_Redirected_WritesNothingOfTheLine()
    {
        var result = await CliRun.RunAsync(["dryrun", .. _example.Flags()]);

        result.ExitCode.Should().Be(ExitCodes.Ok, result.ToString());
        result.Error.Should().NotContain(Erase).And.NotContain("\r").And.NotContain("Reading buckets");
        result.Error.Should().Contain("Read 5 definition files", "the logs are there");
    }

    [TestCase("dryrun")]
    [TestCase("sync")]
    public async Task Quiet_OnATerminal_WritesNothingAtAll(string command)
    {
        var result = await OnTerminalAsync([command, .. _example.Flags("-q")]);

        result.ExitCode.Should().Be(ExitCodes.Ok, result.ToString());
        result.Error.Should().BeEmpty();
    }

    [Test]
    public async Task Sync_OnATerminal_ShowsTheWritesAndErasesTheLine()
    {
        var result = await OnTerminalAsync(["sync", .. _example.Flags()]);

        result.ExitCode.Should().Be(ExitCodes.Ok, result.ToString());
        result.Error.Should().Contain("\rWriting 0/2", "a new stage is drawn at once (later counts at most ten times a second)");
        Shown(result.Error).Should().NotContain(l => IsProgress(l));
        Shown(result.Error).Should().Contain(l => l.Contains("S3 calls: ListBuckets 1, GetBucketLifecycleConfiguration 7, PutBucketLifecycleConfiguration 2", StringComparison.Ordinal));
        result.Output.Should().Contain("2 buckets applied");
    }

    [Test]
    public async Task SyncOfASavedPlan_OnATerminal_ShowsTheWritesAndErasesTheLine()
    {
        var plan = Path.Combine(_example.Root, "plan.json");
        (await CliRun.RunAsync(["dryrun", .. _example.Flags("--out", plan)])).ExitCode.Should().Be(ExitCodes.Ok);

        var result = await OnTerminalAsync(["sync", .. _example.Flags("--plan", plan)]);

        result.ExitCode.Should().Be(ExitCodes.Ok, result.ToString());
        result.Error.Should().Contain("\rPlanned 4 buckets, 2 to write").And.Contain("\rWriting 0/2");
        Shown(result.Error).Should().NotContain(l => IsProgress(l));
    }

    [Test]
    public async Task Rollback_OnATerminal_ShowsTheWriteAndErasesTheLine()
    {
        (await CliRun.RunAsync(["sync", .. _example.Flags()])).ExitCode.Should().Be(ExitCodes.Ok);

        var result = await OnTerminalAsync(["rollback", "--bucket", "acme-backups", .. _example.Flags()]);

        result.ExitCode.Should().Be(ExitCodes.Ok, result.ToString());
        result.Error.Should().Contain("\rWriting 0/1");
        Shown(result.Error).Should().NotContain(l => IsProgress(l));
        Shown(result.Error).Should().Contain(l => l.StartsWith("Version of 'acme-backups' captured at", StringComparison.Ordinal));
    }

    [TestCase("never", false)]
    [TestCase("always", true)]
    public async Task Color_DecidesTheLinesColours(string color, bool coloured)
    {
        var result = await OnTerminalAsync(["dryrun", "--color", color, .. _example.Flags()]);

        result.ExitCode.Should().Be(ExitCodes.Ok, result.ToString());
        result.Error.Should().Contain(Erase, "the line is drawn either way");
        Regex.IsMatch(result.Error, @"\u001b\[[0-9;]+mReading buckets").Should().Be(coloured);
    }

    [Test]
    public async Task DryRun_UnderARealTerminal_DrawsAndErasesTheLine()
    {
        // script (util-linux, in Debian's essential bsdutils) runs the command under a pseudo-terminal.
        var command = $"script -qec \"{{dll}} dryrun --endpoint {_example.Endpoint} --snapshot {_example.Snapshot}\" /dev/null";
        var result = await CliProcess.ShellAsync(command, new Dictionary<string, string?> { ["TERM"] = "xterm" });

        result.ExitCode.Should().Be(ExitCodes.Ok, result.ToString());
        result.Output.Should().Contain("\rReading buckets ").And.Contain(Erase);
        Regex.IsMatch(result.Output, @"\u001b\[[0-9;]+mReading buckets").Should().BeFalse("NO_COLOR is set: no colours");
        var shown = Shown(result.Output);
        shown.Should().NotContain(l => IsProgress(l));
        shown.Should().Contain(l => l.Contains("acme-datalake", StringComparison.Ordinal), "the plan follows");
    }

    /// <summary>What a terminal shows of the text, line by line.</summary>
    private static IReadOnlyList<string> Shown(string written) => Screen.Render(written);

    private static bool IsProgress(string line) =>
        line.StartsWith("Reading ", StringComparison.Ordinal) || line.StartsWith("Listing buckets", StringComparison.Ordinal)
        || line.StartsWith("Planned ", StringComparison.Ordinal) || line.StartsWith("Writing ", StringComparison.Ordinal);

    private static string WithoutTime(string line) => Time().Replace(line, "HH:MM:SS.mmm");

    [GeneratedRegex(@"\b\d\d:\d\d:\d\d\.\d\d\d\b")]
    private static partial Regex Time();
}

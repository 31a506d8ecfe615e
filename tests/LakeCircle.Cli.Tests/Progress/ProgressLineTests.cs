using LakeCircle.Cli.Progress;
using LakeCircle.Core.Diagnostics;
using Spectre.Console.Testing;

namespace LakeCircle.Cli.Tests.Progress;

/// <summary>The progress line on a terminal (Spectre.Console's test console): drawn, kept below other text, erased.</summary>
public sealed class ProgressLineTests
{
    private const string Erase = "\r\u001b[2K";

    private static readonly RunProgress Reading = new() { Stage = RunStage.ReadingBuckets, BucketsToRead = 3000, BucketsRead = 1200, CallsInFlight = 16 };

    private static (TestConsole Console, ProgressLine Line) Open(bool color = false, int width = 120)
    {
        var console = new TestConsole().EmitAnsiSequences().Width(width);
        return (console, new ProgressLine(console, console.Profile.Out.Writer, color, refresh: TimeSpan.Zero));
    }

    [Test]
    public void Report_DrawsOneLine_AndTheEndOfTheRunErasesIt()
    {
        var (console, line) = Open();
        using var closing = line;

        line.Report(Reading);
        var drawn = console.Output;
        line.Report(Reading with { Stage = RunStage.Finished });

        line.IsDrawn.Should().BeFalse();
        drawn.Should().Contain("Reading buckets 1200/3000").And.Contain("failed 0").And.Contain("16 in flight").And.NotContain("\n");
        console.Output.Should().EndWith(Erase);
        Screen.Render(console.Output).Where(l => l.Length > 0).Should().BeEmpty("nothing is left on screen");
    }

    [Test]
    public void Wrap_ALogLine_ErasesTheLineWritesTheTextAndDrawsTheLineBelowIt()
    {
        var (console, line) = Open();
        using var closing = line;
        var error = line.Wrap(console.Profile.Out.Writer);

        line.Report(Reading);
        error.WriteLine("12:00:00.000 INFO  4 buckets in the account");

        var output = console.Output;
        output.IndexOf(Erase, StringComparison.Ordinal).Should().BeLessThan(output.IndexOf("4 buckets", StringComparison.Ordinal));
        output.LastIndexOf("Reading buckets", StringComparison.Ordinal).Should().BeGreaterThan(output.IndexOf("4 buckets", StringComparison.Ordinal));
        line.IsDrawn.Should().BeTrue();
        Screen.Render(output).Should().Equal("12:00:00.000 INFO  4 buckets in the account", Screen.Render(output)[^1]);
        Screen.Render(output)[^1].Should().StartWith("Reading buckets 1200/3000");
    }

    [Test]
    public void Wrap_AQuestionWithoutLineEnd_IsNotDrawnOverUntilTheNextRun()
    {
        var (console, line) = Open();
        using var closing = line;
        var error = line.Wrap(console.Profile.Out.Writer);
        line.Report(Reading);

        error.Write("Apply these changes? [y/N] ");
        line.Tick();
        line.Report(Reading with { BucketsRead = 1300 });

        line.IsDrawn.Should().BeFalse("the question keeps its line");
        Screen.Render(console.Output)[^1].Should().Be("Apply these changes? [y/N] ");
        line.Report(Reading with { Stage = RunStage.Finished });
        line.Report(new RunProgress { Stage = RunStage.ReadingDefinitions });
        line.IsDrawn.Should().BeTrue("the next run starts after the answer's line");
    }

    [TestCase(false)]
    [TestCase(true)]
    public void Colour_OnlyWhenAsked(bool color)
    {
        var (console, line) = Open(color);
        using var closing = line;

        line.Report(Reading with { BucketsFailed = 2 });

        Screen.HasColour(console.Output).Should().Be(color);
        line.Compose(Reading with { BucketsFailed = 2 }, TimeSpan.FromSeconds(7), TimeSpan.FromSeconds(7), 200).Should().Contain("failed 2");
        if (color)
        {
            console.Output.Should().MatchRegex(@"\u001b\[[0-9;]+mfailed 2", "the failures stand out");
        }
    }

    [Test]
    public void Draw_ANarrowTerminal_CutsTheLineToOneColumnLessThanItsWidth()
    {
        var (console, line) = Open(width: 40);
        using var closing = line;

        line.Report(new RunProgress { Stage = RunStage.Writing, BucketsToWrite = 1500, BucketsWritten = 12, BucketsPlanned = 3000, BucketsFailed = 1 });

        var shown = Screen.Render(console.Output).Single();
        shown.Should().StartWith("Writing 12/1500");
        shown.Length.Should().Be(39);
    }

    [Test]
    public void Compose_TheStagesCounts_TheTimeAndTheEstimate()
    {
        var (_, line) = Open();
        using var closing = line;
        var s = line.Separator;

        line.Compose(Reading with { BucketsRead = 0 }, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(1), 200)
            .Should().Be($"Reading buckets 0/3000{s}failed 0{s}16 in flight{s}0:02{s}estimating");
        line.Compose(new RunProgress { Stage = RunStage.Planned, BucketsPlanned = 3000, BucketsToWrite = 40 }, TimeSpan.FromMinutes(61), TimeSpan.Zero, 200)
            .Should().Be($"Planned 3000 buckets, 40 to write{s}0 in flight{s}1:01:00");
    }

    [TestCase(0, 10, 1, "estimating")]
    [TestCase(5, 10, 10, "~10 s left")]
    [TestCase(10, 100, 60, "~9 min left")]
    [TestCase(1, 100, 60, "~1.7 h left")]
    [TestCase(10, 10, 3, "done")]
    public void Estimate_FromTheRateSoFar(int done, int total, int seconds, string expected)
    {
        ProgressText.Estimate(done, total, TimeSpan.FromSeconds(seconds)).Should().Be(expected);
    }

    [Test]
    public void Estimate_AStageWithoutBuckets_HasNone()
    {
        ProgressText.Estimate(0, 0, TimeSpan.FromSeconds(3)).Should().BeNull();
    }

    [Test]
    public void Dispose_ErasesTheLine_AndLaterReportsDrawNothing()
    {
        var (console, line) = Open();
        line.Report(Reading);

        line.Dispose();
        var disposed = console.Output;
        line.Report(Reading with { BucketsRead = 1300 });
        line.Tick();

        disposed.Should().EndWith(Erase);
        console.Output.Should().Be(disposed);
    }

    [Test]
    public void Draw_ATerminalWithoutAnsi_ErasesWithBlanks()
    {
        var console = new TestConsole().SupportsAnsi(false).Width(80);
        using var line = new ProgressLine(console, console.Profile.Out.Writer, color: false, refresh: TimeSpan.Zero);

        line.Report(Reading);
        line.Report(Reading with { Stage = RunStage.Finished });

        console.Output.Should().NotContain("\u001b").And.Contain("Reading buckets 1200/3000");
        Screen.Render(console.Output).Should().OnlyContain(l => l.Trim().Length == 0, "the line is overwritten with blanks");
    }
}

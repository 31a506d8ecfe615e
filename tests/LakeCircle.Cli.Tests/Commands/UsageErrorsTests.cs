using System.Text.RegularExpressions;

namespace LakeCircle.Cli.Tests.Commands;

/// <summary>Unknown flags and commands: "did you mean", the command a flag belongs to, and one hint line.</summary>
public class UsageErrorsTests
{
    [Test]
    public async Task MisspeltFlag_SuggestsTheFlag_AndItsValueIsNotReported()
    {
        var result = await CliRun.RunAsync("dryrun", "--bukcet", "x");

        result.ExitCode.Should().Be(ExitCodes.UsageError, result.ToString());
        result.Error.Should().Contain("Unknown option '--bukcet' for 'lakecircle dryrun'. Did you mean '--bucket'?");
        result.Error.Should().NotContain("'x'");
        Lines(result.Error).Should().Equal(
            "Unknown option '--bukcet' for 'lakecircle dryrun'. Did you mean '--bucket'?",
            "Run 'lakecircle dryrun --help' for usage.");
        result.Output.Should().BeEmpty();
    }

    [Test]
    public async Task MisspeltFlagWithEqualsValue_NamesTheFlagOnly()
    {
        var result = await CliRun.RunAsync("dryrun", "--bukcet=x");

        result.ExitCode.Should().Be(ExitCodes.UsageError, result.ToString());
        Lines(result.Error).Should().Equal(
            "Unknown option '--bukcet' for 'lakecircle dryrun'. Did you mean '--bucket'?",
            "Run 'lakecircle dryrun --help' for usage.");
    }

    [Test]
    public async Task MisspeltCommand_SuggestsTheCommand()
    {
        var result = await CliRun.RunAsync("snyc");

        result.ExitCode.Should().Be(ExitCodes.UsageError, result.ToString());
        Lines(result.Error).Should().Equal("Unknown command 'snyc'. Did you mean 'sync'?", "Run 'lakecircle --help' for usage.");
    }

    [TestCase("plna", "plan")]
    [TestCase("rollbak", "rollback")]
    [TestCase("valdiate", "validate")]
    public async Task MisspeltCommand_SuggestsTheClosest(string typed, string suggested)
    {
        var result = await CliRun.RunAsync(typed);

        result.ExitCode.Should().Be(ExitCodes.UsageError, result.ToString());
        result.Error.Should().Contain($"Unknown command '{typed}'. Did you mean '{suggested}'?");
    }

    [TestCase("rollback", "--dryrun", "--dry-run")]
    [TestCase("sync", "--max-change", "--max-changes")]
    [TestCase("dryrun", "--detailed-exit-code", "--detailed-exitcode")]
    [TestCase("history", "--regoin", "--region")]
    [TestCase("unlock", "--froce", "--force")]
    [TestCase("sync", "--snap", "--snapshot")]
    public async Task MisspeltFlag_SuggestsTheClosestFlagOfTheCommand(string command, string typed, string suggested)
    {
        var result = await CliRun.RunAsync(command, typed);

        result.ExitCode.Should().Be(ExitCodes.UsageError, result.ToString());
        result.Error.Should().Contain($"Unknown option '{typed}' for 'lakecircle {command}'. Did you mean '{suggested}'?");
        Regex.Matches(result.Error, "Run 'lakecircle").Should().HaveCount(1);
        result.Error.Should().Contain($"Run 'lakecircle {command} --help' for usage.");
    }

    [Test]
    public async Task FlagOfAnotherCommand_NamesThatCommand_AndItsValueIsNotReported()
    {
        var result = await CliRun.RunAsync("dryrun", "--max-changes", "5");

        result.ExitCode.Should().Be(ExitCodes.UsageError, result.ToString());
        Lines(result.Error).Should().Equal(
            "Unknown option '--max-changes' for 'lakecircle dryrun': it is an option of 'lakecircle sync'.",
            "Run 'lakecircle dryrun --help' for usage.");
    }

    [Test]
    public async Task SwitchOfAnotherCommand_TakesNoValue_SoAFollowingWordIsReported()
    {
        var result = await CliRun.RunAsync("dryrun", "--wait", "extra");

        result.ExitCode.Should().Be(ExitCodes.UsageError, result.ToString());
        result.Error.Should().Contain("Unknown option '--wait' for 'lakecircle dryrun': it is an option of 'lakecircle sync', 'lakecircle rollback'.")
            .And.Contain("Unexpected argument 'extra' for 'lakecircle dryrun'.");
    }

    [Test]
    public async Task UnknownFlag_WithoutSuggestion_ItsValueIsNotReported()
    {
        var result = await CliRun.RunAsync("sync", "--flavour", "red");

        result.ExitCode.Should().Be(ExitCodes.UsageError, result.ToString());
        Lines(result.Error).Should().Equal("Unknown option '--flavour' for 'lakecircle sync'.", "Run 'lakecircle sync --help' for usage.");
    }

    [Test]
    public async Task Colour_SuggestsColor_AndABadValueNamesTheChoices()
    {
        var misspelt = await CliRun.RunAsync("sync", "--colour", "always");
        var bad = await CliRun.RunAsync("dryrun", "--color", "blue");

        misspelt.ExitCode.Should().Be(ExitCodes.UsageError, misspelt.ToString());
        Lines(misspelt.Error)[0].Should().Be("Unknown option '--colour' for 'lakecircle sync'. Did you mean '--color'?");
        bad.ExitCode.Should().Be(ExitCodes.UsageError, bad.ToString());
        bad.Error.Should().Contain("'blue'").And.Contain("always").And.Contain("never");
    }

    [Test]
    public async Task OtherParseErrors_AreKept()
    {
        var result = await CliRun.RunAsync("history", "--bukcet", "acme-logs");

        result.ExitCode.Should().Be(ExitCodes.UsageError, result.ToString());
        Lines(result.Error).Should().Equal(
            "Unknown option '--bukcet' for 'lakecircle history'. Did you mean '--bucket'?",
            "history needs exactly one --bucket NAME.",
            "Run 'lakecircle history --help' for usage.");
    }

    [TestCase("--bukcet", "--bucket")]
    [TestCase("--BUCKET", "--bucket")]
    [TestCase("--snap", "--snapshot")]
    [TestCase("--zzzzzz", null)]
    [TestCase("--s", null)]
    [TestCase("-x", null)]
    [TestCase("-O", "-o")]
    public void Closest_FindsAnEditOrAPrefix(string typed, string? expected)
    {
        UsageErrors.Closest(typed, ["--bucket", "--snapshot", "--s3-endpoint", "-o", "--output", "-h"]).Should().Be(expected);
    }

    private static string[] Lines(string text) => text.Replace("\r", string.Empty, StringComparison.Ordinal).TrimEnd('\n').Split('\n');
}

namespace LakeCircle.Cli.Tests.Commands;

/// <summary>The help of each command ends with one or two examples, and each example is a command line that parses.</summary>
public class HelpExamplesTests
{
    [TestCase]
    [TestCase("sync")]
    [TestCase("dryrun")]
    [TestCase("plan")]
    [TestCase("validate")]
    [TestCase("history")]
    [TestCase("rollback")]
    [TestCase("unlock")]
    [TestCase("export")]
    [TestCase("snapshot")]
    [TestCase("explain")]
    public async Task Help_EndsWithExamplesOfTheCommand(params string[] command)
    {
        var result = await CliRun.RunAsync([.. command, "--help"]);

        result.ExitCode.Should().Be(ExitCodes.Ok, result.ToString());
        var examples = Examples(result.Output);
        examples.Should().HaveCountGreaterThanOrEqualTo(1).And.HaveCountLessThanOrEqualTo(2);
        var name = command.Length == 0 ? "lakecircle" : $"lakecircle {(command[0] == "plan" ? "dryrun" : command[0])}";
        examples.Should().AllSatisfy(example => example.Should().Contain(name));
    }

    [TestCase]
    [TestCase("sync")]
    [TestCase("dryrun")]
    [TestCase("validate")]
    [TestCase("history")]
    [TestCase("rollback")]
    [TestCase("unlock")]
    [TestCase("export")]
    [TestCase("snapshot")]
    [TestCase("explain")]
    public async Task Examples_ParseWithoutErrors(params string[] command)
    {
        var help = await CliRun.RunAsync([.. command, "--help"]);

        foreach (var example in Examples(help.Output))
        {
            // Drop leading VAR=value words, then the program name.
            var words = example.Split(' ', StringSplitOptions.RemoveEmptyEntries).SkipWhile(w => w.Contains('=', StringComparison.Ordinal)).ToArray();
            words[0].Should().Be("lakecircle");
            var parsed = CliApplication.CreateRootCommand().Parse(words[1..]);
            parsed.Errors.Should().BeEmpty(example);
        }
    }

    /// <summary>The lines of the Examples section, which must be the last one of the help.</summary>
    private static IReadOnlyList<string> Examples(string help)
    {
        var lines = help.Replace("\r", string.Empty, StringComparison.Ordinal).TrimEnd('\n').Split('\n');
        var start = Array.LastIndexOf(lines, "Examples:");
        start.Should().BeGreaterThan(0, "the help has an Examples section:\n{0}", help);
        var examples = lines[(start + 1)..];
        examples.Should().AllSatisfy(line => line.Should().StartWith("  "), "the Examples section is the last one");
        return [.. examples.Select(line => line.Trim())];
    }
}

namespace LakeCircle.Cli.Tests.Commands;

/// <summary><c>--color auto|always|never</c>: plans and logs coloured for a CI log that shows colours, or never.</summary>
public class ColorOptionTests
{
    private const string Escape = "\u001b[";
    private ExampleCopy _example = null!;

    [SetUp]
    public void SetUp() => _example = new ExampleCopy();

    [TearDown]
    public void TearDown() => _example.Dispose();

    [Test]
    public async Task Auto_NotATerminal_NoColour()
    {
        var result = await CliRun.RunAsync(["dryrun", .. _example.Flags()]);

        result.ExitCode.Should().Be(ExitCodes.Ok, result.ToString());
        result.Output.Should().NotContain(Escape);
        result.Error.Should().NotContain(Escape);
    }

    [Test]
    public async Task Always_ColoursThePlanAndTheLogs_EvenWhenRedirected()
    {
        var result = await CliRun.RunAsync(["dryrun", .. _example.Flags("--color", "always")]);

        result.ExitCode.Should().Be(ExitCodes.Ok, result.ToString());
        result.Output.Should().Contain(Escape).And.Contain("DESTRUCTIVE");
        result.Error.Should().Contain(Escape);
    }

    [Test]
    public async Task Never_NoColourEvenWithAColourLogFormat()
    {
        var result = await CliRun.RunAsync(["dryrun", .. _example.Flags("--color", "never", "--log-format", "COLORTREE")]);

        result.ExitCode.Should().Be(ExitCodes.Ok, result.ToString());
        result.Output.Should().NotContain(Escape);
        result.Error.Should().NotContain(Escape);
    }

    [Test]
    public async Task Always_JsonHasNoColour()
    {
        var result = await CliRun.RunAsync(["dryrun", .. _example.Flags("--color", "always", "-o", "json", "--log-format", "JSON")]);

        result.ExitCode.Should().Be(ExitCodes.Ok, result.ToString());
        result.Output.Should().NotContain(Escape);
        result.Error.Should().NotContain(Escape);
    }
}

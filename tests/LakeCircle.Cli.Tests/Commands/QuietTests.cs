using LakeCircle.Core.Archive;
using LakeCircle.Core.Gateways;

namespace LakeCircle.Cli.Tests.Commands;

/// <summary><c>--quiet</c> keeps standard error empty when all goes well (scripts that stop on any stderr line), and failures visible.</summary>
public class QuietTests
{
    private ExampleCopy _example = null!;

    [SetUp]
    public void SetUp() => _example = new ExampleCopy();

    [TearDown]
    public void TearDown() => _example.Dispose();

    [TestCase("--quiet")]
    [TestCase("-q")]
    public async Task DryRun_Quiet_StandardErrorIsEmptyAndTheReportIsWhole(string flag)
    {
        var loud = await CliRun.RunAsync(["dryrun", .. _example.Flags()]);
        var quiet = await CliRun.RunAsync(["dryrun", .. _example.Flags(flag)]);

        loud.Error.Should().NotBeEmpty("the quick start logs its progress and a missing bucket");
        quiet.ExitCode.Should().Be(ExitCodes.Ok, quiet.ToString());
        quiet.Error.Should().BeEmpty();
        quiet.Output.Should().Be(loud.Output).And.Contain("! acme-archive: defined but not in the account");
    }

    [Test]
    public async Task DryRun_QuietJson_StandardErrorIsEmpty()
    {
        var result = await CliRun.RunAsync(["dryrun", .. _example.Flags("-q", "-o", "json", "--log-format", "json")]);

        result.ExitCode.Should().Be(ExitCodes.Ok, result.ToString());
        result.Error.Should().BeEmpty();
        result.Output.Should().StartWith("{");
    }

    [Test]
    public async Task DryRun_AppLevelError_IsTheVariableOfQuiet()
    {
        var result = await CliRun.RunAsync(_example.Variables(("LCC_APP_LEVEL", "ERROR")), "dryrun");

        result.ExitCode.Should().Be(ExitCodes.Ok, result.ToString());
        result.Error.Should().BeEmpty();
    }

    [Test]
    public async Task Quiet_WinsOverTheLogLevelVariable()
    {
        var result = await CliRun.RunAsync(_example.Variables(("LCC_APP_LEVEL", "DEBUG")), "dryrun", "-q");

        result.ExitCode.Should().Be(ExitCodes.Ok, result.ToString());
        result.Error.Should().BeEmpty();
    }

    [Test]
    public async Task Sync_Quiet_StandardErrorIsEmpty()
    {
        var result = await CliRun.RunAsync(["sync", .. _example.Flags("-q")]);

        result.ExitCode.Should().Be(ExitCodes.Ok, result.ToString());
        result.Error.Should().BeEmpty();
        result.Output.Should().Contain("2 buckets applied");
    }

    [Test]
    public async Task Rollback_DryRunQuiet_DoesNotNameTheVersionOnStandardError()
    {
        await new ConfigurationArchive(new LocalEndpointStore(_example.Endpoint)).SavePreviousAsync("acme-backups", null, DateTimeOffset.UtcNow);

        var loud = await CliRun.RunAsync(["rollback", "--bucket", "acme-backups", "--dry-run", .. _example.Flags()]);
        var quiet = await CliRun.RunAsync(["rollback", "--bucket", "acme-backups", "--dry-run", .. _example.Flags("-q")]);

        loud.Error.Should().Contain("Version of 'acme-backups' captured at");
        quiet.ExitCode.Should().Be(ExitCodes.Ok, quiet.ToString());
        quiet.Error.Should().BeEmpty();
    }

    [TestCase("history", "--bucket", "acme-logs")]
    [TestCase("unlock")]
    public async Task EndpointCommands_Quiet_StandardErrorIsEmpty(params string[] command)
    {
        var result = await CliRun.RunAsync([.. command, .. _example.Flags("-q")]);

        result.ExitCode.Should().Be(ExitCodes.Ok, result.ToString());
        result.Error.Should().BeEmpty();
    }

    [Test]
    public async Task Validate_Quiet_IsAccepted()
    {
        var result = await CliRun.RunAsync("validate", "-q", _example.Definitions);

        result.ExitCode.Should().Be(ExitCodes.Ok, result.ToString());
        result.Error.Should().BeEmpty();
    }

    [Test]
    public async Task DryRun_QuietConfigurationError_IsStillPrinted()
    {
        var result = await CliRun.RunAsync(["dryrun", .. _example.Flags("-q", "--account", "12")]);

        result.ExitCode.Should().Be(ExitCodes.Error, result.ToString());
        result.Error.Should().Contain("error: --account");
    }

    [Test]
    public async Task DryRun_QuietFailedRun_IsStillPrinted()
    {
        // A definitions folder that is a file: the run fails after the configuration was accepted.
        Directory.Delete(_example.Definitions, recursive: true);
        File.WriteAllText(_example.Definitions, "not a folder");

        var result = await CliRun.RunAsync(["dryrun", .. _example.Flags("-q")]);

        result.ExitCode.Should().Be(ExitCodes.Error, result.ToString());
        (result.Error + result.Output).Should().Contain("definition");
        result.Error.Should().NotBeEmpty("a failure is visible on standard error");
    }

    [Test]
    public async Task Quiet_WithLogLevel_IsAUsageError()
    {
        var result = await CliRun.RunAsync(["dryrun", .. _example.Flags("-q", "--log-level", "debug")]);

        result.ExitCode.Should().Be(ExitCodes.UsageError, result.ToString());
        result.Error.Should().Contain("--quiet and --log-level cannot be used together");
    }
}

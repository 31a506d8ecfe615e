namespace LakeCircle.Cli.Tests.Commands;

public class CliApplicationTests
{
    private ExampleCopy _example = null!;

    [SetUp]
    public void SetUp() => _example = new ExampleCopy();

    [TearDown]
    public void TearDown() => _example.Dispose();

    [Test]
    public async Task NoCommand_ActionsDryRun_ShowsThePlanAndWritesNothing()
    {
        var result = await CliRun.RunAsync(_example.Variables(("LCC_ACTIONS", "dryrun")));

        result.ExitCode.Should().Be(ExitCodes.Ok, result.ToString());
        result.Output.Should().Contain("Plan: 2 buckets to change");
        _example.SnapshotUnchanged().Should().BeTrue();
    }

    [Test]
    public async Task NoCommand_NoActions_Syncs()
    {
        var result = await CliRun.RunAsync(_example.Variables());

        result.ExitCode.Should().Be(ExitCodes.Ok, result.ToString());
        result.Output.Should().Contain("2 buckets applied");
        _example.SnapshotUnchanged().Should().BeFalse();
    }

    [Test]
    public async Task NoCommand_AcceptsTheFlagsOfTheActions()
    {
        var result = await CliRun.RunAsync(_example.Variables(("LCC_ACTIONS", "DRYRUN")), "--detailed-exitcode", "-o", "json");

        result.ExitCode.Should().Be(ExitCodes.ChangesPending, result.ToString());
        result.Output.Should().StartWith("{");
    }

    [Test]
    public async Task NoCommand_UnknownAction_IsRefusedNamingTheVariable()
    {
        var result = await CliRun.RunAsync(_example.Variables(("LCC_ACTIONS", "DESTROY")));

        result.ExitCode.Should().Be(ExitCodes.Error, result.ToString());
        result.Error.Should().Contain("LCC_ACTIONS must be one of SYNC, DRYRUN, got 'DESTROY'.");
        _example.SnapshotUnchanged().Should().BeTrue();
    }

    [Test]
    public async Task Command_OverridesTheActionsVariable()
    {
        var result = await CliRun.RunAsync(_example.Variables(("LCC_ACTIONS", "SYNC")), "dryrun");

        result.ExitCode.Should().Be(ExitCodes.Ok, result.ToString());
        _example.SnapshotUnchanged().Should().BeTrue();
    }

    [Test]
    public async Task Help_ListsTheCommands()
    {
        var result = await CliRun.RunAsync("--help");

        result.ExitCode.Should().Be(ExitCodes.Ok);
        result.Output.Should().Contain("sync").And.Contain("dryrun, plan").And.Contain("validate").And.Contain("LCC_ACTIONS");
    }

    [Test]
    public async Task DryRunHelp_NamesTheVariableAndDefaultOfEachFlag()
    {
        var result = await CliRun.RunAsync("dryrun", "--help");

        result.ExitCode.Should().Be(ExitCodes.Ok);
        result.Output.Should().Contain("--endpoint").And.Contain("[env: LCC_ENDPOINT]")
            .And.Contain("--snapshot").And.Contain("[env: LCC_SNAPSHOT]")
            .And.Contain("--log-format").And.Contain("[default: TREE]")
            .And.Contain("--concurrency").And.Contain("[default: 16]")
            .And.Contain("--detailed-exitcode");
    }

    [Test]
    public async Task Version_PrintsTheInformationalVersion()
    {
        var result = await CliRun.RunAsync("--version");

        result.ExitCode.Should().Be(ExitCodes.Ok);
        result.Output.Trim().Should().Be(CliVersion.Informational).And.MatchRegex(@"^\d+\.\d+\.\d+");
    }

    [Test]
    public async Task UnknownCommand_IsAUsageError()
    {
        var result = await CliRun.RunAsync("destroy");

        result.ExitCode.Should().Be(ExitCodes.UsageError);
        result.Error.Should().Contain("destroy").And.Contain("--help");
    }
}

using System.CommandLine;
using LakeCircle.Cli.Commands;
using LakeCircle.Cli.Configuration;
using LakeCircle.Cli.Running;
using LakeCircle.Core;
using Microsoft.Extensions.Logging.Abstractions;

namespace LakeCircle.Cli.Tests.Commands;

/// <summary><c>--wait</c> and <c>--wait-timeout</c>, and their <c>LCC_ACTION_PARAMS</c> keys, down to the client options.</summary>
public class RunArgumentsTests
{
    private ExampleCopy _example = null!;

    [SetUp]
    public void SetUp() => _example = new ExampleCopy();

    [TearDown]
    public void TearDown() => _example.Dispose();

    private async Task<LakeCircleClientOptions> OptionsAsync(string commandLine, params (string Name, string Value)[] variables)
    {
        var options = new RunOptions(SyncCommand.Groups);
        var command = new Command("sync");
        options.AddTo(command);
        var parsed = command.Parse(commandLine);
        parsed.Errors.Should().BeEmpty();
        var configuration = await RunConfiguration.LoadAsync(_example.Variables(variables), RunArguments.From(parsed, options, WorkAction.Sync), CancellationToken.None);
        configuration.Errors.Should().BeEmpty();
        return ClientOptions.From(configuration, pathStyle: null, forceUnlock: false, NullLoggerFactory.Instance);
    }

    [Test]
    public async Task From_NoWaitFlag_BoundedVerificationOnly()
    {
        var options = await OptionsAsync("");

        options.WaitForConsistency.Should().BeFalse();
        options.WaitTimeout.Should().Be(TimeSpan.FromSeconds(60));
        options.VerifyWrites.Should().BeTrue();
    }

    [Test]
    public async Task From_WaitAndTimeoutFlags_WaitForConsistencyWithThatTimeout()
    {
        var options = await OptionsAsync("--wait --wait-timeout 90s");

        options.WaitForConsistency.Should().BeTrue();
        options.WaitTimeout.Should().Be(TimeSpan.FromSeconds(90));
    }

    [Test]
    public async Task From_ActionParamsVariable_WaitsAsTheFlagsWould()
    {
        var options = await OptionsAsync("", ("LCC_ACTION_PARAMS", """{"wait": true, "waitTimeout": "5m"}"""));

        options.WaitForConsistency.Should().BeTrue();
        options.WaitTimeout.Should().Be(TimeSpan.FromMinutes(5));
    }

    [Test]
    public async Task From_TimeoutFlag_BeatsTheVariable()
    {
        var options = await OptionsAsync("--wait-timeout 2m", ("LCC_ACTION_PARAMS", """{"wait": true, "waitTimeout": 30}"""));

        options.WaitForConsistency.Should().BeTrue();
        options.WaitTimeout.Should().Be(TimeSpan.FromMinutes(2));
    }

    [TestCase("soon")]
    [TestCase("0s")]
    [TestCase("2h")]
    [TestCase("-5s")]
    public async Task WaitTimeoutFlag_OutOfRange_IsAUsageErrorNamingTheFlag(string value)
    {
        var result = await CliRun.RunAsync(["sync", .. _example.Flags("--wait", $"--wait-timeout={value}")]);

        result.ExitCode.Should().Be(ExitCodes.UsageError, result.ToString());
        result.Error.Should().Contain("--wait-timeout must be a duration from 1s to 1h");
        _example.SnapshotUnchanged().Should().BeTrue();
    }

    [Test]
    public async Task WaitTimeoutVariable_Malformed_IsRefusedNamingTheKey()
    {
        var result = await CliRun.RunAsync(_example.Variables(("LCC_ACTION_PARAMS", """{"waitTimeout": "forever"}""")), "sync");

        result.ExitCode.Should().Be(ExitCodes.Error, result.ToString());
        result.Error.Should().Contain("LCC_ACTION_PARAMS key 'waitTimeout' must be a duration");
        _example.SnapshotUnchanged().Should().BeTrue();
    }

    [Test]
    public async Task Help_SyncAndRollbackShowTheWaitFlags_HistoryDoesNot()
    {
        var sync = await CliRun.RunAsync("sync", "--help");
        var rollback = await CliRun.RunAsync("rollback", "--help");
        var history = await CliRun.RunAsync("history", "--help");

        sync.Output.Should().Contain("--wait").And.Contain("--wait-timeout <DURATION>");
        rollback.Output.Should().Contain("--wait-timeout <DURATION>");
        history.Output.Should().NotContain("--wait");
    }
}

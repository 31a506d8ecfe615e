using System.CommandLine;
using LakeCircle.Cli.Commands;
using LakeCircle.Cli.Configuration;
using LakeCircle.Cli.Running;
using LakeCircle.Cli.Tests.Commands;
using LakeCircle.Core.Sync;
using Microsoft.Extensions.Logging.Abstractions;
using static LakeCircle.Cli.Tests.Configuration.SettingsFixtures;

namespace LakeCircle.Cli.Tests.Running;

/// <summary><c>--regions</c> and <c>LCC_AWS_REGIONS</c>: read, checked and handed to the client's <c>Regions</c>.</summary>
public class RegionsOptionTests
{
    private ExampleCopy _example = null!;

    [SetUp]
    public void SetUp() => _example = new ExampleCopy();

    [TearDown]
    public void TearDown() => _example.Dispose();

    private async Task<RunConfiguration> LoadAsync(RunOptionGroups groups, string commandLine, params (string Name, string? Value)[] variables)
    {
        var command = new Command("dryrun");
        var options = new RunOptions(groups);
        options.AddTo(command);
        var parsed = command.Parse(commandLine);
        parsed.Errors.Should().BeEmpty();
        var environment = new Dictionary<string, string?>(_example.Variables());
        foreach (var (name, value) in variables)
        {
            environment[name] = value;
        }

        return await RunConfiguration.LoadAsync(environment, RunArguments.From(parsed, options, WorkAction.DryRun), CancellationToken.None);
    }

    [Test]
    public void Build_Unset_EveryRegion()
    {
        Valid().AwsRegions.Should().BeEmpty();
    }

    [Test]
    public void Build_Variable_CommaSeparatedTrimmedDistinct()
    {
        Valid(("LCC_AWS_REGIONS", " us-east-1, eu-west-1,,us-east-1 ")).AwsRegions.Should().Equal("us-east-1", "eu-west-1");
    }

    [Test]
    public void Build_NotARegion_ErrorNamesTheVariableAndTheValue()
    {
        var error = Build(Environment(("LCC_AWS_REGIONS", "us-east-1,europe"))).Errors.Should().ContainSingle().Subject;

        error.Field.Should().Be("LCC_AWS_REGIONS");
        error.Message.Should().Contain("'europe' is not a region");
    }

    [Test]
    public async Task DryRun_Flag_WinsOverTheVariableAndReachesTheClientOptions()
    {
        var configuration = await LoadAsync(DryRunCommand.Groups, "--regions eu-west-1,ap-southeast-2", ("LCC_AWS_REGIONS", "us-east-1"));

        configuration.Errors.Should().BeEmpty();
        var options = ClientOptions.From(configuration, null, false, NullLoggerFactory.Instance);
        options.Regions.Should().Equal("eu-west-1", "ap-southeast-2");
        configuration.Payload!.Require(PayloadKeys.AwsRegions).Should().Be("eu-west-1,ap-southeast-2");
    }

    [Test]
    public async Task Sync_Variable_ReachesTheClientOptions()
    {
        var configuration = await LoadAsync(SyncCommand.Groups, "", ("LCC_AWS_REGIONS", "us-east-1"));

        ClientOptions.From(configuration, null, false, NullLoggerFactory.Instance).Regions.Should().Equal("us-east-1");
    }

    [Test]
    public void Flag_OnlyOnTheCommandsThatPlanTheAccount()
    {
        new RunOptions(DryRunCommand.Groups).Regions.Should().NotBeNull();
        new RunOptions(SyncCommand.Groups).Regions.Should().NotBeNull();
        new RunOptions(RunOptionGroups.Output | RunOptionGroups.Buckets).Regions.Should().BeNull("export and snapshot read the account alone");
    }
}

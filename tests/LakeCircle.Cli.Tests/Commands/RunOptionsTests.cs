using System.Text.Json;

namespace LakeCircle.Cli.Tests.Commands;

public class RunOptionsTests
{
    private ExampleCopy _example = null!;

    [SetUp]
    public void SetUp() => _example = new ExampleCopy();

    [TearDown]
    public void TearDown() => _example.Dispose();

    [Test]
    public async Task Flag_BeatsItsVariable()
    {
        var variables = _example.Variables(("LCC_OUTPUT", "json"), ("LCC_ENDPOINT", "/no/such/endpoint"));

        var result = await CliRun.RunAsync(variables, "dryrun", "--output", "text", "--endpoint", _example.Endpoint);

        result.ExitCode.Should().Be(ExitCodes.Ok, result.ToString());
        result.Output.Should().StartWith("! acme-archive").And.Contain("Plan: 2 buckets to change");
    }

    [Test]
    public async Task Variable_IsUsedWhenNoFlagIsGiven()
    {
        var variables = _example.Variables(("LCC_OUTPUT", "JSON"), ("LCC_AWS_ACCOUNT", "123456789012"), ("LCC_AWS_REGION", "eu-west-1"));

        var result = await CliRun.RunAsync(variables, "dryrun");

        result.ExitCode.Should().Be(ExitCodes.Ok, result.ToString());
        using var json = JsonDocument.Parse(result.Output);
        json.RootElement.GetProperty("summary").GetProperty("bucketsChanged").GetInt32().Should().Be(2);
    }

    [Test]
    public async Task BucketFlag_BeatsTheBucketsOfTheVariable()
    {
        var variables = _example.Variables(("LCC_ACTION_PARAMS", """{"buckets": ["acme-logs"], "concurrency": 2}"""));

        var result = await CliRun.RunAsync(variables, "dryrun", "--bucket", "acme-backups", "--bucket", "acme-datalake", "-o", "json");

        result.ExitCode.Should().Be(ExitCodes.Ok, result.ToString());
        using var json = JsonDocument.Parse(result.Output);
        json.RootElement.GetProperty("buckets").EnumerateArray().Select(b => b.GetProperty("name").GetString())
            .Should().Equal("acme-backups", "acme-datalake");
    }

    [Test]
    public async Task MalformedActionParams_IsRefusedNamingTheVariableBeforeAnyWrite()
    {
        var variables = _example.Variables(("LCC_ACTION_PARAMS", "{\"buckets\": [\"acme-logs\""));

        var result = await CliRun.RunAsync(variables, "sync", "--max-changes", "5");

        result.ExitCode.Should().Be(ExitCodes.Error, result.ToString());
        result.Error.Should().Contain("LCC_ACTION_PARAMS is not valid JSON");
        result.Output.Should().BeEmpty();
        _example.SnapshotUnchanged().Should().BeTrue();
    }

    [Test]
    public async Task UnknownActionParamsKey_IsRefusedWithAHint()
    {
        var variables = _example.Variables(("LCC_ACTION_PARAMS", """{"maxchanges": 1}"""));

        var result = await CliRun.RunAsync(variables, "sync");

        result.ExitCode.Should().Be(ExitCodes.Error, result.ToString());
        result.Error.Should().Contain("LCC_ACTION_PARAMS has an unknown key 'maxchanges'; did you mean 'maxChanges'?");
        _example.SnapshotUnchanged().Should().BeTrue();
    }

    [Test]
    public async Task BadAccountFlag_IsRefusedNamingTheFlag()
    {
        var result = await CliRun.RunAsync(["sync", .. _example.Flags("--account", "12345")]);

        result.ExitCode.Should().Be(ExitCodes.Error, result.ToString());
        result.Error.Should().Contain("error: --account must be 12 digits, got '12345'.");
        _example.SnapshotUnchanged().Should().BeTrue();
    }

    [Test]
    public async Task BadAccountVariable_IsRefusedNamingTheVariable()
    {
        var variables = _example.Variables(("LCC_AWS_ACCOUNT", "not-an-account"));

        var result = await CliRun.RunAsync(variables, "sync");

        result.ExitCode.Should().Be(ExitCodes.Error, result.ToString());
        result.Error.Should().Contain("error: LCC_AWS_ACCOUNT must be 12 digits, got 'not-an-account'.");
        _example.SnapshotUnchanged().Should().BeTrue();
    }

    [Test]
    public async Task EveryConfigurationError_IsPrintedAtOnce()
    {
        var variables = new Dictionary<string, string?> { ["LCC_AWS_REGION"] = "Europe", ["LCC_LOG_FORMAT"] = "XML" };

        var result = await CliRun.RunAsync(variables, "dryrun");

        result.ExitCode.Should().Be(ExitCodes.Error, result.ToString());
        result.Error.Should().Contain("LCC_ENDPOINT is required (or pass --endpoint)")
            .And.Contain("LCC_AWS_ACCOUNT is required (or pass --account)")
            .And.Contain("LCC_AWS_REGION must be an AWS region")
            .And.Contain("LCC_LOG_FORMAT must be one of");
        result.Error.Should().Contain("Nothing was read or written.");
        result.Output.Should().BeEmpty();
    }

    [Test]
    public async Task SnapshotForAnotherAccount_IsRefused()
    {
        var result = await CliRun.RunAsync(["sync", .. _example.Flags("--account", "999999999999")]);

        result.ExitCode.Should().Be(ExitCodes.Error, result.ToString());
        result.Error.Should().Contain("is for account 123456789012, not 999999999999");
        _example.SnapshotUnchanged().Should().BeTrue();
    }

    [Test]
    public async Task SnapshotForAnotherRegion_IsRefused()
    {
        var variables = _example.Variables(("LCC_AWS_REGION", "us-east-1"));

        var result = await CliRun.RunAsync(variables, "sync");

        result.ExitCode.Should().Be(ExitCodes.Error, result.ToString());
        result.Error.Should().Contain("is for region eu-west-1, not us-east-1");
        _example.SnapshotUnchanged().Should().BeTrue();
    }

    [Test]
    public async Task MissingSnapshotFile_IsRefusedNamingTheFlag()
    {
        var missing = Path.Combine(_example.Root, "no-such-snapshot.json");

        var result = await CliRun.RunAsync("dryrun", "--endpoint", _example.Endpoint, "--snapshot", missing);

        result.ExitCode.Should().Be(ExitCodes.Error, result.ToString());
        result.Error.Should().Contain($"--snapshot: cannot read the snapshot file '{missing}'");
        File.Exists(missing).Should().BeFalse();
    }

    [TestCase("--concurrency", "0")]
    [TestCase("--write-concurrency", "65")]
    [TestCase("--max-changes", "-1")]
    [TestCase("--log-level", "LOUD")]
    [TestCase("--output", "yaml")]
    public async Task OutOfRangeFlag_IsAUsageErrorNamingTheFlag(string flag, string value)
    {
        var result = await CliRun.RunAsync(["sync", .. _example.Flags(flag, value)]);

        result.ExitCode.Should().Be(ExitCodes.UsageError, result.ToString());
        result.Error.Should().Contain(flag);
        _example.SnapshotUnchanged().Should().BeTrue();
    }

    [Test]
    public async Task PathStyleAndNoPathStyle_AreAUsageError()
    {
        var result = await CliRun.RunAsync(["dryrun", .. _example.Flags("--path-style", "--no-path-style")]);

        result.ExitCode.Should().Be(ExitCodes.UsageError, result.ToString());
        result.Error.Should().Contain("--path-style and --no-path-style");
    }

    [Test]
    public async Task ChoiceFlags_IgnoreCase()
    {
        var result = await CliRun.RunAsync(["dryrun", .. _example.Flags("--output", "JSON", "--log-level", "Warning", "--log-format", "text")]);

        result.ExitCode.Should().Be(ExitCodes.Ok, result.ToString());
        using var _ = JsonDocument.Parse(result.Output);
        result.Error.Should().NotContain("INFO");
    }

    [Test]
    public void Documentation_NamesEveryFlagAndVariable()
    {
        var docs = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "cli.md"));

        foreach (var option in new LakeCircle.Cli.Commands.RunOptions(LakeCircle.Cli.Commands.RunOptionGroups.All).All)
        {
            docs.Should().Contain($"`{option.Name}", "docs/cli.md documents {0}", option.Name);
        }

        foreach (var setting in LakeCircle.Cli.Configuration.SettingDefinitions.All)
        {
            docs.Should().Contain($"`{setting.Name}`", "docs/cli.md documents {0}", setting.Name);
        }
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "LakeCircle.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new DirectoryNotFoundException("LakeCircle.sln not found above the test assembly.");
    }
}

namespace LakeCircle.Cli.Tests.Commands;

/// <summary>
/// The quick-start's acme-datalake change is destructive (it adds expirations): <c>--max-destructive</c>,
/// <c>LCC_ACTION_PARAMS</c> <c>maxDestructive</c>, a protected definition and <c>--allow-destructive</c>.
/// </summary>
public class DestructiveGuardCommandTests
{
    private ExampleCopy _example = null!;

    [SetUp]
    public void SetUp() => _example = new ExampleCopy();

    [TearDown]
    public void TearDown() => _example.Dispose();

    [Test]
    public async Task Sync_MoreDestructiveBucketsThanAllowed_WritesNothingAndExitsOne()
    {
        var result = await CliRun.RunAsync(["sync", .. _example.Flags("--max-destructive", "0")]);

        result.ExitCode.Should().Be(ExitCodes.Error, result.ToString());
        result.Output.Should().Contain("destructive changes to 1 buckets (acme-datalake), more than the 0 allowed (maxDestructive)");
        _example.SnapshotUnchanged().Should().BeTrue();
    }

    [Test]
    public async Task Sync_DestructiveBucketsWithinTheLimit_Applies()
    {
        var result = await CliRun.RunAsync(["sync", .. _example.Flags("--max-destructive", "1")]);

        result.ExitCode.Should().Be(ExitCodes.Ok, result.ToString());
        _example.SnapshotUnchanged().Should().BeFalse();
    }

    [Test]
    public async Task Sync_MaxDestructiveFromActionParams_WritesNothing()
    {
        var variables = _example.Variables(("LCC_ACTION_PARAMS", """{"maxDestructive": 0}"""));

        var result = await CliRun.RunAsync(variables, ["sync", .. _example.Flags()]);

        result.ExitCode.Should().Be(ExitCodes.Error, result.ToString());
        result.Output.Should().Contain("(maxDestructive)");
        _example.SnapshotUnchanged().Should().BeTrue();
    }

    [Test]
    public async Task Sync_FlagWinsOverActionParams()
    {
        var variables = _example.Variables(("LCC_ACTION_PARAMS", """{"maxDestructive": 0}"""));

        var result = await CliRun.RunAsync(variables, ["sync", .. _example.Flags("--max-destructive", "5")]);

        result.ExitCode.Should().Be(ExitCodes.Ok, result.ToString());
    }

    [Test]
    public async Task Sync_ProtectedBucketWithADestructiveChange_IsRefusedNamingItAndWhy()
    {
        Protect("acme-datalake-raw.toml");

        var result = await CliRun.RunAsync(["sync", .. _example.Flags()]);

        result.ExitCode.Should().Be(ExitCodes.Error, result.ToString());
        result.Output.Should().Contain("destructive change to the protected bucket acme-datalake")
            .And.Contain("--allow-destructive acme-datalake");
        _example.SnapshotUnchanged().Should().BeTrue("the whole run stops before its first write, acme-backups included");
    }

    [Test]
    public async Task Sync_ProtectedBucketRefused_JsonSaysStoppedNamingTheBucketAndTheFinding()
    {
        Protect("acme-datalake-raw.toml");

        var result = await CliRun.RunAsync(["sync", .. _example.Flags("-o", "json")]);

        result.ExitCode.Should().Be(ExitCodes.Error, result.ToString());
        using var json = System.Text.Json.JsonDocument.Parse(result.Output);
        var error = json.RootElement.GetProperty("error");
        error.GetProperty("code").GetString().Should().Be("stopped");
        error.GetProperty("message").GetString().Should().Contain("protected bucket acme-datalake (acme-datalake: ")
            .And.Contain("nothing was written");
        _example.SnapshotUnchanged().Should().BeTrue();
    }

    [Test]
    public async Task Sync_AllowingAnotherBucket_StillRefusesTheProtectedOne()
    {
        Protect("acme-datalake-raw.toml");

        var result = await CliRun.RunAsync(["sync", .. _example.Flags("--allow-destructive", "acme-backups", "--allow-destructive", "acme-other")]);

        result.ExitCode.Should().Be(ExitCodes.Error, result.ToString());
        result.Output.Should().Contain("protected bucket acme-datalake");
        _example.SnapshotUnchanged().Should().BeTrue();
    }

    [Test]
    public async Task DryRun_ProtectedBucketWithADestructiveChange_SaysTheSyncRefusesIt()
    {
        Protect("acme-datalake-raw.toml");

        var result = await CliRun.RunAsync(["dryrun", .. _example.Flags()]);

        result.ExitCode.Should().Be(ExitCodes.Ok, result.ToString());
        result.Output.Should().Contain("(protected)")
            .And.Contain("A sync refuses the destructive change to protected acme-datalake unless it is allowed with --allow-destructive.");
    }

    [Test]
    public async Task Sync_ProtectedBucketAllowedByName_Applies()
    {
        Protect("acme-datalake-raw.toml");

        var result = await CliRun.RunAsync(["sync", .. _example.Flags("--allow-destructive", "acme-datalake")]);

        result.ExitCode.Should().Be(ExitCodes.Ok, result.ToString());
        result.Output.Should().Contain("2 buckets applied, 0 failed");
    }

    [Test]
    public async Task Sync_ProtectedBucketAllowedInActionParams_Applies()
    {
        Protect("acme-datalake-curated.toml");
        var variables = _example.Variables(("LCC_ACTION_PARAMS", """{"allowDestructive": ["acme-datalake"]}"""));

        var result = await CliRun.RunAsync(variables, ["sync", .. _example.Flags()]);

        result.ExitCode.Should().Be(ExitCodes.Ok, result.ToString());
    }

    [Test]
    public async Task Sync_ProtectedBucketWithoutDestructiveChange_Applies()
    {
        Protect("acme-backups.toml");

        var result = await CliRun.RunAsync(["sync", .. _example.Flags("--bucket", "acme-backups")]);

        result.ExitCode.Should().Be(ExitCodes.Ok, result.ToString());
        result.Output.Should().Contain("1 bucket applied, 0 failed");
    }

    [TestCase("""{"allowDestructive": "acme-datalake"}""")]
    [TestCase("""{"allowDestructive": [1]}""")]
    [TestCase("""{"maxDestructive": -1}""")]
    [TestCase("""{"allowDestructive": ["Not_A_Bucket"]}""")]
    public async Task Sync_BadGuardParameters_AreConfigurationErrorsNamingTheVariable(string json)
    {
        var result = await CliRun.RunAsync(_example.Variables(("LCC_ACTION_PARAMS", json)), ["sync", .. _example.Flags()]);

        result.ExitCode.Should().Be(ExitCodes.Error, result.ToString());
        result.Error.Should().Contain("LCC_ACTION_PARAMS").And.NotContain("   at ");
        _example.SnapshotUnchanged().Should().BeTrue();
    }

    [Test]
    public async Task DryRun_HasNoGuardFlags()
    {
        var result = await CliRun.RunAsync(["dryrun", .. _example.Flags("--max-destructive", "0")]);

        result.ExitCode.Should().Be(ExitCodes.UsageError, result.ToString());
    }

    private void Protect(string file)
    {
        var path = Path.Combine(_example.Definitions, file);
        File.WriteAllText(path, File.ReadAllText(path) + "\n[LakeCircle]\nProtected = true\n");
    }
}

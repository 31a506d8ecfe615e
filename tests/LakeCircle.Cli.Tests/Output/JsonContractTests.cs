using System.Text.Json;
using LakeCircle.Cli.Configuration;
using LakeCircle.Cli.Output;
using LakeCircle.Cli.Tests.Commands;
using LakeCircle.Core.Archive;
using LakeCircle.Core.Gateways;
using LakeCircle.Core.Locking;

namespace LakeCircle.Cli.Tests.Output;

/// <summary>
/// The JSON output is a versioned contract: every command's document starts with the same head, changed fields are
/// typed as in the AWS API, and under <c>--output json</c> every failure is one JSON document on standard output with
/// the exit code of the text output.
/// </summary>
public class JsonContractTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 14, 9, 15, 0, 250, TimeSpan.Zero);

    private ExampleCopy _example = null!;

    [SetUp]
    public void SetUp() => _example = new ExampleCopy();

    [TearDown]
    public void TearDown() => _example.Dispose();

    [Test]
    public async Task DryRun_Json_HeadHasSchemaVersionToolAccountRegionAndGeneratedAt()
    {
        var result = await CliRun.RunAtAsync(new FixedTime(Now), null, ["dryrun", .. _example.Flags("-o", "json")]);

        result.ExitCode.Should().Be(ExitCodes.Ok, result.ToString());
        var root = Parse(result.Output);
        root.EnumerateObject().Select(p => p.Name).Take(6).Should().Equal("schemaVersion", "tool", "account", "region", "generatedAt", "succeeded");
        root.GetProperty("schemaVersion").ValueKind.Should().Be(JsonValueKind.Number);
        root.GetProperty("schemaVersion").GetInt32().Should().Be(1);
        root.GetProperty("tool").GetProperty("name").GetString().Should().Be("lakecircle");
        root.GetProperty("tool").GetProperty("version").GetString().Should().Be(CliVersion.Informational);
        root.GetProperty("account").GetString().Should().Be("123456789012", "the snapshot's account");
        root.GetProperty("region").GetString().Should().Be("eu-west-1");
        root.GetProperty("generatedAt").GetString().Should().Be("2026-03-14T09:15:00.250Z");
        root.GetProperty("succeeded").GetBoolean().Should().BeTrue();
        root.TryGetProperty("error", out _).Should().BeFalse();
    }

    [Test]
    public async Task DryRun_Json_ChangedFieldsAreTypedAsInTheAwsApi()
    {
        var result = await CliRun.RunAsync(["dryrun", .. _example.Flags("-o", "json")]);

        var backups = Parse(result.Output).GetProperty("buckets").EnumerateArray().Single(b => b.GetProperty("name").GetString() == "acme-backups");
        var field = backups.GetProperty("rules").GetProperty("changed")[0].GetProperty("fields").EnumerateArray()
            .Single(f => f.GetProperty("field").GetString() == "Expiration.Days");
        field.GetProperty("before").ValueKind.Should().Be(JsonValueKind.Number);
        field.GetProperty("after").ValueKind.Should().Be(JsonValueKind.Number);
        (field.GetProperty("before").GetInt32(), field.GetProperty("after").GetInt32()).Should().Be((365, 2555));
        (field.GetProperty("beforeText").GetString(), field.GetProperty("afterText").GetString()).Should().Be(("365", "2555"));
    }

    [Test]
    public async Task Sync_Json_HeadAndResults()
    {
        var result = await CliRun.RunAtAsync(new FixedTime(Now), null, ["sync", .. _example.Flags("-o", "json")]);

        result.ExitCode.Should().Be(ExitCodes.Ok, result.ToString());
        var root = Parse(result.Output);
        root.GetProperty("schemaVersion").GetInt32().Should().Be(1);
        root.GetProperty("account").GetString().Should().Be("123456789012");
        root.GetProperty("generatedAt").GetString().Should().Be("2026-03-14T09:15:00.250Z");
        root.GetProperty("results").GetProperty("applied").GetInt32().Should().Be(2);
    }

    public static IEnumerable<TestCaseData> ConfigurationErrors()
    {
        yield return new TestCaseData("dryrun", (string[])[]).SetArgDisplayNames("dryrun");
        yield return new TestCaseData("sync", (string[])[]).SetArgDisplayNames("sync");
        yield return new TestCaseData("history", (string[])["--bucket", "acme-logs"]).SetArgDisplayNames("history");
        yield return new TestCaseData("rollback", (string[])["--bucket", "acme-logs", "--dry-run"]).SetArgDisplayNames("rollback --dry-run");
        yield return new TestCaseData("unlock", (string[])[]).SetArgDisplayNames("unlock");
    }

    [TestCaseSource(nameof(ConfigurationErrors))]
    public async Task ConfigurationError_Json_OneErrorDocumentOnStdoutAndTheSameExitCode(string command, string[] more)
    {
        // The account is checked before anything is read: 12 digits, and the snapshot's.
        string[] args = [command, .. more, .. _example.Flags("--account", "12")];
        var text = await CliRun.RunAsync(args);
        var json = await CliRun.RunAtAsync(new FixedTime(Now), null, [.. args, "-o", "json"]);

        text.ExitCode.Should().Be(ExitCodes.Error, text.ToString());
        json.ExitCode.Should().Be(text.ExitCode, json.ToString());
        var root = Parse(json.Output);
        root.GetProperty("schemaVersion").GetInt32().Should().Be(1);
        root.GetProperty("tool").GetProperty("name").GetString().Should().Be("lakecircle");
        root.GetProperty("generatedAt").GetString().Should().Be("2026-03-14T09:15:00.250Z");
        root.GetProperty("succeeded").GetBoolean().Should().BeFalse();
        root.TryGetProperty("account", out _).Should().BeFalse("the account is what is wrong");
        var error = root.GetProperty("error");
        error.GetProperty("code").GetString().Should().Be("configuration");
        error.GetProperty("message").GetString().Should().Contain("--account").And.Contain("Nothing was read or written.");
        error.GetProperty("errors").EnumerateArray().Select(e => e.GetString()).Should().Contain(e => e!.StartsWith("--account", StringComparison.Ordinal));
        json.Error.Should().Contain("error: --account", "people still read the error on standard error");
        text.Output.Should().BeEmpty();
    }

    [Test]
    public async Task ConfigurationError_OutputFromTheVariable_IsJsonToo()
    {
        var variables = _example.Variables(("LCC_OUTPUT", "json"), ("LCC_ACTION_PARAMS", "{not json"));

        var result = await CliRun.RunAsync(variables, "dryrun");

        result.ExitCode.Should().Be(ExitCodes.Error, result.ToString());
        var error = Parse(result.Output).GetProperty("error");
        error.GetProperty("code").GetString().Should().Be("configuration");
        error.GetProperty("message").GetString().Should().Contain("LCC_ACTION_PARAMS");
    }

    [Test]
    public async Task ConfigurationError_InvalidOutputVariable_StaysText()
    {
        var result = await CliRun.RunAsync(_example.Variables(("LCC_OUTPUT", "yaml")), "dryrun");

        result.ExitCode.Should().Be(ExitCodes.Error, result.ToString());
        result.Output.Should().BeEmpty();
        result.Error.Should().Contain("LCC_OUTPUT");
    }

    [Test]
    public async Task ConfigurationError_Json_MasksUrlPasswords()
    {
        var result = await CliRun.RunAsync(["dryrun", .. _example.Flags("-o", "json", "--s3-endpoint", "http://user:Pa55w0rdXYZ@[::1")]);

        result.ExitCode.Should().Be(ExitCodes.Error, result.ToString());
        result.Output.Should().NotContain("Pa55w0rdXYZ").And.Contain("user:***@");
        Parse(result.Output).GetProperty("error").GetProperty("code").GetString().Should().Be("configuration");
    }

    [Test]
    public async Task Validate_Json_InvalidDefinitionsAreAnErrorDocument()
    {
        File.WriteAllText(Path.Combine(_example.Definitions, "bad.toml"), "BucketName = 3\n");

        var result = await CliRun.RunAsync("validate", _example.Definitions, "-o", "json");

        result.ExitCode.Should().Be(ExitCodes.Error, result.ToString());
        var root = Parse(result.Output);
        root.GetProperty("schemaVersion").GetInt32().Should().Be(1);
        root.GetProperty("succeeded").GetBoolean().Should().BeFalse();
        root.GetProperty("error").GetProperty("code").GetString().Should().Be("definitions");
        root.GetProperty("diagnostics").GetArrayLength().Should().BeGreaterThan(0);
    }

    [Test]
    public async Task DryRun_Json_InvalidDefinitionsAreAnErrorDocument()
    {
        File.WriteAllText(Path.Combine(_example.Definitions, "bad.toml"), "BucketName = 3\n");

        var result = await CliRun.RunAsync(["dryrun", .. _example.Flags("-o", "json")]);

        result.ExitCode.Should().Be(ExitCodes.Error, result.ToString());
        Parse(result.Output).GetProperty("error").GetProperty("code").GetString().Should().Be("definitions");
    }

    [TestCase("dryrun", "--concurrency", "0")]
    [TestCase("dryrun", "--bogus")]
    [TestCase("sync", "--detailed-exitcode")]
    [TestCase("history")]
    [TestCase("rollback", "--bucket", "acme-logs", "--to", "yesterday")]
    public async Task UsageError_WithOutputJson_IsAJsonDocumentWithExitCodeThree(string command, params string[] flags)
    {
        var result = await CliRun.RunAsync([command, "-o", "json", .. flags]);

        result.ExitCode.Should().Be(ExitCodes.UsageError, result.ToString());
        var error = Parse(result.Output).GetProperty("error");
        error.GetProperty("code").GetString().Should().Be("usage");
        error.GetProperty("message").GetString().Should().NotBeNullOrWhiteSpace();
        result.Error.Should().Contain("--help");
    }

    [Test]
    public async Task UsageError_WithoutOutputJson_StaysText()
    {
        var result = await CliRun.RunAsync("dryrun", "--bogus");

        result.ExitCode.Should().Be(ExitCodes.UsageError);
        result.Output.Should().BeEmpty();
    }

    [Test]
    public async Task UsageError_BadOutputValue_StaysText()
    {
        var result = await CliRun.RunAsync("dryrun", "-o", "xml");

        result.ExitCode.Should().Be(ExitCodes.UsageError);
        result.Output.Should().BeEmpty();
        result.Error.Should().Contain("--output");
    }

    [Test]
    public async Task History_Json_HeadThenVersions()
    {
        await new ConfigurationArchive(new LocalEndpointStore(_example.Endpoint)).SavePreviousAsync("acme-backups", null, Now);

        var result = await CliRun.RunAtAsync(new FixedTime(Now), null, ["history", "--bucket", "acme-backups", .. _example.Flags("-o", "json")]);

        result.ExitCode.Should().Be(ExitCodes.Ok, result.ToString());
        var root = Parse(result.Output);
        root.EnumerateObject().Select(p => p.Name).Should().Equal("schemaVersion", "tool", "account", "region", "generatedAt", "succeeded", "bucket", "versions");
        root.GetProperty("bucket").GetString().Should().Be("acme-backups");
        root.GetProperty("versions")[0].GetProperty("time").GetString().Should().Be("20260314T091500.250Z");
    }

    [Test]
    public async Task Rollback_DryRunJson_NoStoredVersionIsAnErrorDocument()
    {
        var result = await CliRun.RunAsync(["rollback", "--bucket", "acme-logs", "--dry-run", .. _example.Flags("-o", "json")]);

        result.ExitCode.Should().Be(ExitCodes.Error, result.ToString());
        var root = Parse(result.Output);
        root.GetProperty("succeeded").GetBoolean().Should().BeFalse();
        root.GetProperty("error").GetProperty("code").GetString().Should().Be("failed");
        root.GetProperty("error").GetProperty("message").GetString().Should().Contain("No stored configuration of bucket 'acme-logs'");
        result.Error.Should().Contain("error: No stored configuration");
    }

    [Test]
    public async Task Rollback_Json_RestoresAndNamesTheVersion()
    {
        await CliRun.RunAsync(["sync", .. _example.Flags()]);

        var result = await CliRun.RunAsync(["rollback", "--bucket", "acme-backups", .. _example.Flags("-o", "json")]);

        result.ExitCode.Should().Be(ExitCodes.Ok, result.ToString());
        var root = Parse(result.Output);
        root.GetProperty("succeeded").GetBoolean().Should().BeTrue();
        root.GetProperty("account").GetString().Should().Be("123456789012");
        root.GetProperty("restoredVersion").GetProperty("reason").GetString().Should().Be("before-sync");
        root.GetProperty("results").GetProperty("applied").GetInt32().Should().Be(1);
    }

    [Test]
    public async Task Unlock_Json_NoLockAndHeldLock()
    {
        var none = await CliRun.RunAsync(["unlock", .. _example.Flags("-o", "json")]);
        File.WriteAllText(Path.Combine(_example.Endpoint, RunLock.Key), "{not a lock");
        var unreadable = await CliRun.RunAsync(["unlock", .. _example.Flags("-o", "json")]);

        none.ExitCode.Should().Be(ExitCodes.Ok, none.ToString());
        var root = Parse(none.Output);
        root.GetProperty("schemaVersion").GetInt32().Should().Be(1);
        root.GetProperty("succeeded").GetBoolean().Should().BeTrue();
        root.GetProperty("lock").GetProperty("status").GetString().Should().Be("none");
        root.GetProperty("message").GetString().Should().StartWith("No lock at ");
        unreadable.ExitCode.Should().Be(ExitCodes.Error, unreadable.ToString());
        var held = Parse(unreadable.Output);
        held.GetProperty("succeeded").GetBoolean().Should().BeFalse();
        held.GetProperty("lock").GetProperty("status").GetString().Should().Be("unreadable");
        held.GetProperty("error").GetProperty("code").GetString().Should().Be("locked");
    }

    [Test]
    public async Task Sync_JsonRefusedByTheLock_IsADocumentWithCodeRefused()
    {
        await new RunLock(new LocalEndpointStore(_example.Endpoint), owner: "ana@build-1:4242").AcquireAsync("busy");

        var result = await CliRun.RunAsync(["sync", .. _example.Flags("-o", "json")]);

        result.ExitCode.Should().Be(ExitCodes.Error, result.ToString());
        var error = Parse(result.Output).GetProperty("error");
        error.GetProperty("code").GetString().Should().Be("refused");
        result.Error.Should().Contain("error: Another sync holds the lock");
        _example.SnapshotUnchanged().Should().BeTrue();
    }

    [Test]
    public async Task WriteError_AfterADocument_WritesNoSecondOne()
    {
        using var inner = new StringWriter();
        var output = new OutputTracker(inner);
        var context = CliContext.Of(new Dictionary<string, string?>());

        await JsonOutput.WriteErrorAsync(output, context, OutputFormat.Json, "unexpected", "boom");
        await JsonOutput.WriteErrorAsync(output, context, OutputFormat.Json, "unexpected", "again");
        await JsonOutput.WriteErrorAsync(new StringWriter(), context, OutputFormat.Text, "unexpected", "text output");

        var root = Parse(inner.ToString());
        root.GetProperty("error").GetProperty("code").GetString().Should().Be("unexpected");
        root.GetProperty("error").GetProperty("message").GetString().Should().Be("boom");
        inner.ToString().Should().NotContain("again");
    }

    private static JsonElement Parse(string output)
    {
        using var document = JsonDocument.Parse(output);
        return document.RootElement.Clone();
    }
}

/// <summary>A clock that always says the same time.</summary>
internal sealed class FixedTime(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}

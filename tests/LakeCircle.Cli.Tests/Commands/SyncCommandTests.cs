using System.Text.Json;
using LakeCircle.Cli.Configuration;
using LakeCircle.Core.Archive;
using LakeCircle.Core.Gateways;
using LakeCircle.Core.Locking;
using LakeCircle.Core.Sync;

namespace LakeCircle.Cli.Tests.Commands;

public class SyncCommandTests
{
    private ExampleCopy _example = null!;

    [SetUp]
    public void SetUp() => _example = new ExampleCopy();

    [TearDown]
    public void TearDown() => _example.Dispose();

    [Test]
    public async Task Sync_SnapshotCopy_AppliesThenDryRunPlansNoChanges()
    {
        var sync = await CliRun.RunAsync(["sync", .. _example.Flags()]);

        sync.ExitCode.Should().Be(ExitCodes.Ok, sync.ToString());
        sync.Output.Should().Contain("acme-backups").And.Contain("acme-datalake").And.Contain("2 buckets applied, 0 failed");
        _example.SnapshotUnchanged().Should().BeFalse();

        var dryRun = await CliRun.RunAsync(["dryrun", .. _example.Flags("--detailed-exitcode")]);

        dryRun.ExitCode.Should().Be(ExitCodes.Ok, dryRun.ToString());
        dryRun.Output.Should().Contain("No changes. 3 buckets in sync, 1 missing, 1 unmanaged.");
    }

    [Test]
    public async Task Sync_EmptyBucketListInParams_WritesNothingAndSaysSo()
    {
        var variables = _example.Variables(("LCC_ACTION_PARAMS", """{"buckets": []}"""));
        var sync = await CliRun.RunAsync(variables, ["sync", .. _example.Flags()]);

        sync.ExitCode.Should().Be(ExitCodes.Ok, sync.ToString());
        sync.Error.Should().Contain("The bucket selection is empty: no bucket is planned or written");
        sync.Output.Should().NotContain("acme-backups").And.NotContain("acme-scratch", "an empty selection reports no unmanaged bucket either");
        _example.SnapshotUnchanged().Should().BeTrue("an empty selection is not 'every bucket'");
    }

    [Test]
    public async Task Sync_SnapshotCopy_KeepsOldConfigurationsAndWritesRunRecord()
    {
        var sync = await CliRun.RunAsync(["sync", .. _example.Flags()]);
        sync.ExitCode.Should().Be(ExitCodes.Ok, sync.ToString());

        using var original = JsonDocument.Parse(_example.OriginalSnapshot);
        foreach (var bucket in new[] { "acme-backups", "acme-datalake" })
        {
            var previous = Path.Combine(_example.Endpoint, "previous", bucket + ".json");
            File.Exists(previous).Should().BeTrue(sync.ToString());
            using var saved = JsonDocument.Parse(File.ReadAllBytes(previous));
            var expected = original.RootElement.GetProperty("buckets").GetProperty(bucket);
            saved.RootElement.GetProperty("configuration").GetProperty("Rules").GetArrayLength()
                .Should().Be(expected.GetProperty("Rules").GetArrayLength());
            Directory.GetFiles(Path.Combine(_example.Endpoint, "history", bucket)).Should().ContainSingle();
            File.Exists(Path.Combine(_example.Endpoint, "current", bucket + ".json")).Should().BeTrue();
        }

        File.Exists(Path.Combine(_example.Endpoint, "previous", "acme-logs.json")).Should().BeFalse("an unchanged bucket is not archived");
        Directory.GetFiles(Path.Combine(_example.Endpoint, "log")).Should().ContainSingle();
        File.Exists(Path.Combine(_example.Endpoint, "lock.json")).Should().BeFalse("the lock is released after the run");
    }

    [Test]
    public async Task Sync_LockHeldByAnotherRun_IsRefusedAndWritesNothing()
    {
        var store = EndpointStore.For(EndpointLocation.Local(_example.Endpoint));
        var held = await new RunLock(store, owner: "ops@elsewhere:42").AcquireAsync("other-run");
        held.Acquired.Should().BeTrue();

        var sync = await CliRun.RunAsync(["sync", .. _example.Flags()]);

        sync.ExitCode.Should().Be(ExitCodes.Error, sync.ToString());
        sync.Error.Should().Contain("ops@elsewhere:42");
        _example.SnapshotUnchanged().Should().BeTrue();

        var forced = await CliRun.RunAsync(["sync", .. _example.Flags("--force-unlock")]);
        forced.ExitCode.Should().Be(ExitCodes.Ok, forced.ToString());
        _example.SnapshotUnchanged().Should().BeFalse();
    }

    [Test]
    public async Task Sync_JsonOutput_HasResults()
    {
        var result = await CliRun.RunAsync(["sync", .. _example.Flags("-o", "json")]);

        result.ExitCode.Should().Be(ExitCodes.Ok, result.ToString());
        using var json = JsonDocument.Parse(result.Output);
        json.RootElement.GetProperty("succeeded").GetBoolean().Should().BeTrue();
        json.RootElement.GetProperty("results").GetProperty("applied").GetInt32().Should().Be(2);
    }

    [Test]
    public async Task Sync_NarrowedToOneBucket_ChangesOnlyThatBucket()
    {
        var sync = await CliRun.RunAsync(["sync", .. _example.Flags("--bucket", "acme-backups")]);
        sync.ExitCode.Should().Be(ExitCodes.Ok, sync.ToString());

        var dryRun = await CliRun.RunAsync(["dryrun", .. _example.Flags("-o", "json")]);

        using var json = JsonDocument.Parse(dryRun.Output);
        var statuses = json.RootElement.GetProperty("buckets").EnumerateArray()
            .ToDictionary(b => b.GetProperty("name").GetString()!, b => b.GetProperty("status").GetString());
        statuses["acme-backups"].Should().Be("in-sync");
        statuses["acme-datalake"].Should().Be("change");
    }

    [Test]
    public async Task Sync_MoreChangesThanAllowed_WritesNothingAndExitsOne()
    {
        var result = await CliRun.RunAsync(["sync", .. _example.Flags("--max-changes", "1")]);

        result.ExitCode.Should().Be(ExitCodes.Error, result.ToString());
        result.Output.Should().Contain("maxChanges");
        _example.SnapshotUnchanged().Should().BeTrue();
    }

    [Test]
    public async Task Sync_InvalidDefinitions_WritesNothingAndExitsOne()
    {
        var fixtures = Path.Combine(AppContext.BaseDirectory, "fixtures", "definitions", "invalid");
        File.Copy(Path.Combine(fixtures, "wrong-type.toml"), Path.Combine(_example.Definitions, "wrong-type.toml"));

        var result = await CliRun.RunAsync(["sync", .. _example.Flags()]);

        result.ExitCode.Should().Be(ExitCodes.Error, result.ToString());
        result.Output.Should().Contain("Expected an integer, got a string.");
        _example.SnapshotUnchanged().Should().BeTrue();
    }

    [Test]
    public async Task Sync_MissingDefinitionFolder_ExitsOneAndWritesNothing()
    {
        Directory.Delete(_example.Definitions, recursive: true);

        var result = await CliRun.RunAsync(["sync", .. _example.Flags()]);

        result.ExitCode.Should().Be(ExitCodes.Error, result.ToString());
        result.Output.Should().Contain("definition");
        _example.SnapshotUnchanged().Should().BeTrue();
    }

    [Test]
    public async Task Sync_Cancelled_WritesNothingAndExitsOne()
    {
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = await CliApplication.RunAsync(["sync", .. _example.Flags()], output, error, new Dictionary<string, string?>(), cancellationToken: cancellation.Token);

        exitCode.Should().Be(ExitCodes.Error, error.ToString());
        error.ToString().Should().Contain("Cancelled");
        _example.SnapshotUnchanged().Should().BeTrue();
    }
}

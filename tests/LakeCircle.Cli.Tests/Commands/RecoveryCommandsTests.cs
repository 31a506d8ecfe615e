using System.Text.Json;
using LakeCircle.Core.Archive;
using LakeCircle.Core.Gateways;
using LakeCircle.Core.Locking;
using LakeCircle.Core.Model;
using LakeCircle.Core.Sync;

namespace LakeCircle.Cli.Tests.Commands;

/// <summary><c>history</c>, <c>rollback</c> and <c>unlock</c> over a copy of the quick-start example.</summary>
public class RecoveryCommandsTests
{
    private static readonly DateTimeOffset Earlier = new(2026, 3, 14, 9, 15, 0, 250, TimeSpan.Zero);

    private static readonly LifecycleConfiguration Kept = LifecycleConfiguration.Of(new LifecycleRule
    {
        Id = "kept-by-history",
        Filter = new LifecycleFilter { Prefix = "old/" },
        Expiration = new LifecycleExpiration { Days = 42 },
    });

    private ExampleCopy _example = null!;

    [SetUp]
    public void SetUp() => _example = new ExampleCopy();

    [TearDown]
    public void TearDown() => _example.Dispose();

    private LocalEndpointStore Store => new(_example.Endpoint);

    [Test]
    public async Task History_StoredVersions_ListsThemNewestFirst()
    {
        var archive = new ConfigurationArchive(Store);
        await archive.SavePreviousAsync("acme-backups", null, Earlier);
        await archive.SavePreviousAsync("acme-backups", Kept, Earlier.AddDays(1));

        var text = await CliRun.RunAsync(["history", "--bucket", "acme-backups", .. _example.Flags()]);
        var json = await CliRun.RunAsync(["history", "--bucket", "acme-backups", .. _example.Flags("-o", "json")]);

        text.ExitCode.Should().Be(ExitCodes.Ok, text.ToString());
        var lines = text.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines[1].Should().StartWith("20260315T091500.250Z").And.Contain("before-sync").And.Contain(Kept.Fingerprint[..12]);
        lines[2].Should().StartWith("20260314T091500.250Z").And.Contain("none");
        using var document = JsonDocument.Parse(json.Output);
        document.RootElement.GetProperty("versions").EnumerateArray().Select(v => v.GetProperty("rules").GetInt32()).Should().Equal(1, 0);
    }

    [Test]
    public async Task History_NoVersions_SaysSo()
    {
        var result = await CliRun.RunAsync(["history", "--bucket", "acme-logs", .. _example.Flags()]);

        result.ExitCode.Should().Be(ExitCodes.Ok, result.ToString());
        result.Output.Should().Contain("No stored versions of bucket 'acme-logs'");
    }

    [Test]
    public async Task History_WithoutBucket_IsAUsageError()
    {
        var result = await CliRun.RunAsync(["history", .. _example.Flags()]);

        result.ExitCode.Should().Be(ExitCodes.UsageError);
        result.Error.Should().Contain("exactly one --bucket");
    }

    [Test]
    public async Task Rollback_DryRun_ShowsThePlanAndWritesNothing()
    {
        await new ConfigurationArchive(Store).SavePreviousAsync("acme-backups", Kept, Earlier);

        var result = await CliRun.RunAsync(["rollback", "--bucket", "acme-backups", "--dry-run", .. _example.Flags()]);

        result.ExitCode.Should().Be(ExitCodes.Ok, result.ToString());
        result.Output.Should().Contain("acme-backups").And.Contain("kept-by-history");
        _example.SnapshotUnchanged().Should().BeTrue();
        Directory.Exists(Path.Combine(_example.Endpoint, "log")).Should().BeFalse("a dry run leaves no record");
    }

    [Test]
    public async Task Rollback_StoredVersion_IsRestoredAndRecordedInHistory()
    {
        await new ConfigurationArchive(Store).SavePreviousAsync("acme-backups", Kept, Earlier);
        var replaced = await (await SnapshotS3Gateway.OpenAsync(_example.Snapshot)).GetLifecycleAsync("acme-backups");

        var result = await CliRun.RunAsync(["rollback", "--bucket", "acme-backups", "--to", "20260314T091500.250Z", .. _example.Flags()]);

        result.ExitCode.Should().Be(ExitCodes.Ok, result.ToString());
        var now = await (await SnapshotS3Gateway.OpenAsync(_example.Snapshot)).GetLifecycleAsync("acme-backups");
        now!.Rules.Should().Equal(Kept.Rules);
        var archive = new ConfigurationArchive(Store);
        var history = await archive.ListHistoryAsync("acme-backups");
        history.Should().HaveCount(2);
        var saved = await archive.ReadAsync(history[0].Key);
        saved!.Reason.Should().Be(ArchiveReasons.BeforeRollback);
        saved.Configuration!.Fingerprint.Should().Be(replaced!.Fingerprint);
        var records = await new RunLog(Store, []).ListAsync();
        (await new RunLog(Store, []).ReadAsync(records.Single()))!.Action.Should().Be("ROLLBACK");
        File.Exists(Path.Combine(_example.Endpoint, RunLock.Key)).Should().BeFalse();

        var list = await CliRun.RunAsync(["history", "--bucket", "acme-backups", .. _example.Flags()]);
        list.Output.Should().Contain("before-rollback");
    }

    [Test]
    public async Task Rollback_NoStoredVersion_ExitsOne()
    {
        var result = await CliRun.RunAsync(["rollback", "--bucket", "acme-backups", .. _example.Flags()]);

        result.ExitCode.Should().Be(ExitCodes.Error);
        result.Error.Should().Contain("No stored configuration of bucket 'acme-backups'");
        _example.SnapshotUnchanged().Should().BeTrue();
    }

    [Test]
    public async Task Rollback_LockHeld_IsRefusedUnlessForced()
    {
        await new ConfigurationArchive(Store).SavePreviousAsync("acme-backups", Kept, Earlier);
        await new RunLock(Store, owner: "ana@build-1:4242").AcquireAsync("busy");

        var refused = await CliRun.RunAsync(["rollback", "--bucket", "acme-backups", .. _example.Flags()]);
        refused.ExitCode.Should().Be(ExitCodes.Error);
        refused.Error.Should().Contain("ana@build-1:4242");
        _example.SnapshotUnchanged().Should().BeTrue();

        var forced = await CliRun.RunAsync(["rollback", "--bucket", "acme-backups", "--force-unlock", .. _example.Flags()]);
        forced.ExitCode.Should().Be(ExitCodes.Ok, forced.ToString());
        _example.SnapshotUnchanged().Should().BeFalse();
    }

    [Test]
    public async Task Rollback_BadTime_IsAUsageError()
    {
        var result = await CliRun.RunAsync(["rollback", "--bucket", "acme-backups", "--to", "yesterday", .. _example.Flags()]);

        result.ExitCode.Should().Be(ExitCodes.UsageError);
        result.Error.Should().Contain("--to must be a time stamp");
    }

    [Test]
    public async Task Unlock_HeldLock_IsShownThenRemovedWithForce()
    {
        await new RunLock(Store, owner: "ana@build-1:4242").AcquireAsync("busy");

        var shown = await CliRun.RunAsync(["unlock", .. _example.Flags()]);
        var forced = await CliRun.RunAsync(["unlock", "--force", .. _example.Flags()]);
        var none = await CliRun.RunAsync(["unlock", .. _example.Flags()]);

        shown.ExitCode.Should().Be(ExitCodes.Error);
        shown.Output.Should().Contain("ana@build-1:4242").And.Contain("--force");
        forced.ExitCode.Should().Be(ExitCodes.Ok, forced.ToString());
        forced.Output.Should().Contain("Removed the lock").And.Contain("ana@build-1:4242");
        none.ExitCode.Should().Be(ExitCodes.Ok);
        none.Output.Should().Contain("No lock");
    }

    [Test]
    public async Task Help_ListsTheRecoveryCommands()
    {
        var result = await CliRun.RunAsync(["--help"]);

        result.Output.Should().Contain("history").And.Contain("rollback").And.Contain("unlock");
    }
}

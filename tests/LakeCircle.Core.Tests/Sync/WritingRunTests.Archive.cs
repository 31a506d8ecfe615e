using LakeCircle.Core.Archive;
using LakeCircle.Core.Gateways;
using LakeCircle.Core.Locking;
using LakeCircle.Core.Model;
using LakeCircle.Core.Planning;
using LakeCircle.Core.Sync;
using LakeCircle.Core.Tests.Support;
using static LakeCircle.Core.Tests.Support.WorkflowFixtures;
using static LakeCircle.Core.Tests.Sync.WritingRunSupport;

namespace LakeCircle.Core.Tests.Sync;

/// <summary>The archive around each write of a run: nothing replaced is lost.</summary>
public sealed partial class WritingRunTests
{
    [Test]
    public async Task SyncAsync_ChangedBuckets_SavesPreviousHistoryAndCurrent()
    {
        var (gateway, definitions) = Standard();
        var oldLogs = gateway.PeekLifecycle("logs");
        var store = new LocalEndpointStore(_folder.Path);
        var archive = new ConfigurationArchive(store, _time);
        await using var client = Client(gateway, definitions, store);

        var outcome = await client.SyncAsync();

        outcome.Buckets.Should().OnlyContain(b => b.Result == BucketResult.Applied);
        var previous = await archive.ReadPreviousAsync("logs");
        previous!.Configuration.Should().Be(oldLogs);
        previous.Reason.Should().Be(ArchiveReasons.BeforeSync);
        (await archive.ReadPreviousAsync("bare")).Should().Match<ArchivedConfiguration>(a => a.Configuration == null);
        (await archive.ReadCurrentAsync("logs"))!.Configuration!.Rules.Should().Equal(gateway.PeekLifecycle("logs")!.Rules);
        (await archive.ReadPreviousAsync("backups")).Should().BeNull("an in-sync bucket is not written");
        var record = await SingleRecordAsync(store);
        record.Buckets.Where(b => b.HistoryKey is not null).Select(b => b.Bucket).Should().BeEquivalentTo("logs", "bare");
        (await archive.ListHistoryAsync("logs")).Should().ContainSingle().Which.Key
            .Should().Be(record.Buckets.Single(b => b.Bucket == "logs").HistoryKey);
    }

    [Test]
    public async Task SyncAsync_EveryEndpointWriteFails_LeavesTheBucketsUnchanged()
    {
        var (gateway, definitions) = Standard();
        var oldLogs = gateway.PeekLifecycle("logs");
        var store = new FailingStore(new InMemoryEndpointStore(), "", new IOException("disk full"));
        await using var client = Client(gateway, definitions, store);

        var outcome = await client.SyncAsync();

        outcome.Succeeded.Should().BeFalse();
        outcome.Buckets.Single(b => b.Bucket == "logs").Error.Should().Contain("disk full");
        outcome.Buckets.Should().OnlyContain(b => b.Result == BucketResult.Failed);
        gateway.PeekLifecycle("logs").Should().Be(oldLogs);
        gateway.PeekLifecycle("bare").Should().BeNull();
        gateway.CallCount(S3Operations.PutBucketLifecycleConfiguration).Should().Be(0);
        outcome.Errors.Should().Contain(e => e.Contains("Could not write the run record") && e.Contains("disk full"));
        outcome.RecordLocation.Should().BeNull();
    }

    [Test]
    public async Task RollbackAsync_ToAVersionWithoutLifecycle_ArchivesTheReplacedOneAndSavesNullAsCurrent()
    {
        var replaced = LifecycleConfiguration.Of(Rule("x", "x/", 1));
        var gateway = new InMemoryS3Gateway().SetLifecycle("tmp", replaced);
        var store = new LocalEndpointStore(_folder.Path);
        var archive = new ConfigurationArchive(store, _time);
        await archive.SavePreviousAsync("tmp", null, _time.GetUtcNow());
        _time.Advance(TimeSpan.FromMinutes(1));
        await using var client = Client(gateway, Source(Array.Empty<string>()), store);

        var outcome = await client.RollbackAsync("tmp");

        outcome.Buckets.Should().ContainSingle().Which.Action.Should().Be(BucketAction.Delete);
        gateway.PeekLifecycle("tmp").Should().BeNull();
        var previous = await archive.ReadPreviousAsync("tmp");
        previous!.Reason.Should().Be(ArchiveReasons.BeforeRollback);
        previous.Configuration.Should().Be(replaced);
        var current = await archive.ReadCurrentAsync("tmp");
        current!.Configuration.Should().BeNull();
        current.Reason.Should().Be(ArchiveReasons.AfterRollback);
    }
}

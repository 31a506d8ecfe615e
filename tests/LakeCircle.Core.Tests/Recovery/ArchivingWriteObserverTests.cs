using LakeCircle.Core.Gateways;
using LakeCircle.Core.Model;
using LakeCircle.Core.Recovery;
using LakeCircle.Core.Workflows;
using NSubstitute;
using NSubstitute.ExceptionExtensions;
using static LakeCircle.Core.Tests.Workflows.WorkflowFixtures;

namespace LakeCircle.Core.Tests.Recovery;

/// <summary>A sync with the archive as its write observer: nothing replaced is lost.</summary>
public sealed class ArchivingWriteObserverTests
{
    private TempFolder _folder = null!;

    [SetUp]
    public void SetUp() => _folder = new TempFolder();

    [TearDown]
    public void TearDown() => _folder.Dispose();

    [Test]
    public async Task SyncAsync_ChangedBuckets_SavesPreviousHistoryAndCurrent()
    {
        var (gateway, definitions) = Standard();
        var oldLogs = gateway.PeekLifecycle("logs");
        var archive = new ConfigurationArchive(new LocalEndpointStore(_folder.Path), new ManualTime());
        var observer = new ArchivingWriteObserver(archive, new ManualTime());

        var sync = await new LifecycleWorkflow(gateway, definitions, null, null, observer).SyncAsync();

        sync.Buckets.Should().OnlyContain(b => b.Result == BucketResult.Applied);
        var previous = await archive.ReadPreviousAsync("logs");
        previous!.Configuration.Should().Be(oldLogs);
        previous.Reason.Should().Be(ArchiveReasons.BeforeSync);
        (await archive.ReadPreviousAsync("bare")).Should().Match<ArchivedConfiguration>(a => a.Configuration == null);
        (await archive.ReadCurrentAsync("logs"))!.Configuration!.Rules.Should().Equal(gateway.PeekLifecycle("logs")!.Rules);
        (await archive.ReadPreviousAsync("backups")).Should().BeNull("an in-sync bucket is not written");
        observer.Saved.Keys.Should().BeEquivalentTo("logs", "bare");
        (await archive.ListHistoryAsync("logs")).Should().ContainSingle().Which.Key.Should().Be(observer.Saved["logs"].Key);
    }

    [Test]
    public async Task SyncAsync_ArchiveWriteFails_LeavesTheBucketUnchanged()
    {
        var (gateway, definitions) = Standard();
        var oldLogs = gateway.PeekLifecycle("logs");
        var store = Substitute.For<IEndpointStore>();
        store.Location.Returns(EndpointLocation.S3("state"));
        store.Describe(Arg.Any<string>()).Returns(c => "s3://state/" + c.Arg<string>());
        store.WriteAsync(Arg.Any<string>(), Arg.Any<ReadOnlyMemory<byte>>(), Arg.Any<CancellationToken>()).ThrowsAsync(new IOException("disk full"));
        var observer = new ArchivingWriteObserver(new ConfigurationArchive(store));

        var sync = await new LifecycleWorkflow(gateway, definitions, null, null, observer).SyncAsync();

        sync.Succeeded.Should().BeFalse();
        sync.Buckets.Single(b => b.Bucket == "logs").Error.Should().Contain("disk full");
        gateway.PeekLifecycle("logs").Should().Be(oldLogs);
        gateway.PeekLifecycle("bare").Should().BeNull();
    }

    [Test]
    public async Task AfterWriteAsync_Delete_SavesNullAsCurrent()
    {
        var archive = new ConfigurationArchive(new LocalEndpointStore(_folder.Path));
        var observer = new ArchivingWriteObserver(archive, rollback: true);
        var plan = new Core.Planning.BucketPlan
        {
            Bucket = "tmp", Status = Core.Planning.BucketStatus.Change, Action = Core.Planning.BucketAction.Delete,
            Actual = LifecycleConfiguration.Of(Rule("x", "x/", 1)),
        };

        await observer.BeforeWriteAsync(plan, CancellationToken.None);
        await observer.AfterWriteAsync(plan, CancellationToken.None);

        (await archive.ReadPreviousAsync("tmp"))!.Reason.Should().Be(ArchiveReasons.BeforeRollback);
        var current = await archive.ReadCurrentAsync("tmp");
        current!.Configuration.Should().BeNull();
        current.Reason.Should().Be(ArchiveReasons.AfterRollback);
    }
}

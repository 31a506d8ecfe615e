using LakeCircle.Core.Archive;
using LakeCircle.Core.Gateways;
using LakeCircle.Core.Locking;
using LakeCircle.Core.Sync;
using static LakeCircle.Core.Tests.Sync.WritingRunSupport;

namespace LakeCircle.Core.Tests.Sync;

/// <summary>A sync whose write is applied but not yet visible: recorded distinctly, <c>current/</c> written, nothing restored.</summary>
public sealed partial class WritingRunTests
{
    [Test]
    public async Task SyncAsync_WriteNotYetVisible_RunSucceedsAndRecordSaysAppliedNotVisible()
    {
        var (memory, gateway, definitions) = Lagging("logs");
        var store = new LocalEndpointStore(_folder.Path);
        await using var client = Client(gateway, definitions, store, o => o.VerifyTimeout = TimeSpan.Zero);

        var outcome = await client.SyncAsync();

        outcome.Succeeded.Should().BeTrue();
        outcome.Status.Should().Be(RunStatus.Succeeded);
        outcome.Buckets.Single(b => b.Bucket == "logs").Result.Should().Be(BucketResult.AppliedNotVisible);
        outcome.Summary.AppliedNotVisible.Should().Be(1);
        var record = await SingleRecordAsync(store);
        record.Succeeded.Should().BeTrue();
        var logs = record.Buckets.Single(b => b.Bucket == "logs");
        logs.Result.Should().Be(RunBucketResult.AppliedNotVisible);
        logs.Note.Should().StartWith("applied, not yet visible");
        record.Buckets.Single(b => b.Bucket == "bare").Result.Should().Be(RunBucketResult.Applied);
        _folder.AllFiles().Should().Contain("current/logs.json", "the write was made, so current/ records it");
        System.Text.Encoding.UTF8.GetString(await store.TryReadAsync(outcome.RecordKey!) ?? []).Should().Contain("\"applied-not-visible\"");
        memory.PeekLifecycle("logs")!.Rules.Select(r => r.Id).Should().BeEquivalentTo("expire", "new");
    }
}

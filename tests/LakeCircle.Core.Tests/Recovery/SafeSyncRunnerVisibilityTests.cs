using LakeCircle.Core.Recovery;
using LakeCircle.Core.Tests.Workflows;
using LakeCircle.Core.Workflows;
using static LakeCircle.Core.Tests.Recovery.EndpointState;

namespace LakeCircle.Core.Tests.Recovery;

/// <summary>A SYNC whose write is applied but not yet visible: recorded distinctly, <c>current/</c> written, nothing restored.</summary>
public sealed class SafeSyncRunnerVisibilityTests
{
    private TempFolder _folder = null!;

    [SetUp]
    public void SetUp() => _folder = new TempFolder();

    [TearDown]
    public void TearDown() => _folder.Dispose();

    [Test]
    public async Task SyncAsync_WriteNotYetVisible_RunSucceedsAndRecordSaysAppliedNotVisible()
    {
        var (memory, gateway, definitions) = LifecycleWorkflowTests.Lagging("logs");
        var store = new LocalEndpointStore(_folder.Path);
        var workflow = new WorkflowOptions { VerifyTimeout = TimeSpan.Zero };

        var outcome = await new SafeSyncRunner(gateway, definitions, store, workflow, Options(new ManualTime())).SyncAsync();

        outcome.Succeeded.Should().BeTrue();
        outcome.Sync!.Buckets.Single(b => b.Bucket == "logs").Result.Should().Be(BucketResult.AppliedNotVisible);
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

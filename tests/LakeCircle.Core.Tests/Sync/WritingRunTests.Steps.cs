using LakeCircle.Core.Archive;
using LakeCircle.Core.Gateways;
using LakeCircle.Core.Locking;
using LakeCircle.Core.Model;
using LakeCircle.Core.Sync;
using LakeCircle.Core.Tests.Support;
using static LakeCircle.Core.Tests.Support.WorkflowFixtures;
using static LakeCircle.Core.Tests.Sync.WritingRunSupport;

namespace LakeCircle.Core.Tests.Sync;

/// <summary>The order of the steps around one bucket's write, and which of them run when verification fails or lags.</summary>
public sealed partial class WritingRunTests
{
    [Test]
    public async Task SyncAsync_OneBucket_ArchivesBeforeTheWriteThenVerifiesThenSavesCurrent()
    {
        var steps = new List<string>();
        void Step(string step)
        {
            lock (steps)
            {
                steps.Add(step);
            }
        }

        var memory = new InMemoryS3Gateway().SetLifecycle("logs", LifecycleConfiguration.Of(Rule("old", "old/", 5)));
        var writes = new WriteHookGateway(memory)
        {
            BeforeWrite = (bucket, _) =>
            {
                Step("write " + bucket);
                return Task.CompletedTask;
            },
        };
        var gateway = new ReadHookGateway(writes) { BeforeRead = (bucket, n) => Step($"read {bucket} #{n}") };
        var store = new RecordingStore(new LocalEndpointStore(_folder.Path), key => Step("save " + key));
        await using var client = Client(gateway, Source(Toml("logs", ("expire", "logs/", 90))), store);

        var outcome = await client.SyncAsync();

        outcome.Succeeded.Should().BeTrue();
        steps.Should().Equal(
            "read logs #1",
            "read logs #2",
            "save history/logs/20260314T091500.250Z.json",
            "write logs",
            "read logs #3",
            "save history/logs/20260314T091500.250Z.json",
            "save previous/logs.json",
            "save current/logs.json",
            "save " + outcome.RecordKey);
    }

    [Test]
    public async Task SyncAsync_ServerKeepsSomethingElse_RestoresAndDoesNotSaveCurrent()
    {
        var memory = new InMemoryS3Gateway().SetLifecycle("logs", LifecycleConfiguration.Of(Rule("old", "old/", 5)));
        var before = memory.PeekLifecycle("logs");
        var gateway = new LaggingGateway(memory)
        {
            Keep = c => c with { Rules = c.Rules.Select(r => r.Id == "expire" ? r with { Expiration = new LifecycleExpiration { Days = 1 } } : r).ToValueList() },
        };
        var store = new LocalEndpointStore(_folder.Path);
        await using var client = Client(gateway, Source(Toml("logs", ("expire", "logs/", 90))), store, o => o.VerifyPollInterval = TimeSpan.FromMilliseconds(1));

        var outcome = await client.SyncAsync();

        outcome.Status.Should().Be(RunStatus.Failed);
        var logs = outcome.Buckets.Should().ContainSingle().Which;
        logs.Result.Should().Be(BucketResult.Failed);
        logs.Error.Should().Contain("verification failed").And.Contain("Expiration.Days: 90 -> 1").And.Contain("previous configuration was restored");
        memory.PeekLifecycle("logs")!.Rules.Should().Equal(before!.Rules);
        _folder.AllFiles().Should().Contain("history/logs/20260314T091500.250Z.json", "the old configuration was saved before the write");
        (await File.ReadAllTextAsync(_folder.File("history/logs/20260314T091500.250Z.json"))).Should().Contain("\"write\": \"restored\"");
        _folder.AllFiles().Should().NotContain("previous/logs.json", "the old configuration is in place again: it was not replaced")
            .And.NotContain("current/logs.json", "what the server kept is not what was written");
        (await SingleRecordAsync(store)).Buckets.Single().Result.Should().Be(RunBucketResult.Failed);
    }

    [Test]
    public async Task SyncAsync_WriteNotVisible_StillSavesWhatWasWrittenAsCurrent()
    {
        var (memory, gateway, definitions) = Lagging("logs");
        var store = new LocalEndpointStore(_folder.Path);
        await using var client = Client(gateway, definitions, store, o => o.VerifyTimeout = TimeSpan.Zero);

        var outcome = await client.SyncAsync();

        outcome.Buckets.Single(b => b.Bucket == "logs").Result.Should().Be(BucketResult.AppliedNotVisible);
        var current = await new ConfigurationArchive(store).ReadCurrentAsync("logs");
        current!.Reason.Should().Be(ArchiveReasons.AfterSync);
        current.Configuration!.Rules.Should().Equal(memory.PeekLifecycle("logs")!.Rules);
        gateway.LifecycleWrites.Should().Be(2, "one write per changed bucket, nothing restored");
    }
}

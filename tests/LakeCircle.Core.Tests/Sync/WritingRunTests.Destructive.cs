using LakeCircle.Core.Archive;
using LakeCircle.Core.Gateways;
using LakeCircle.Core.Model;
using LakeCircle.Core.Sync;
using LakeCircle.Core.Tests.Support;
using Microsoft.Extensions.Logging;
using static LakeCircle.Core.Tests.Support.WorkflowFixtures;
using static LakeCircle.Core.Tests.Sync.WritingRunSupport;

namespace LakeCircle.Core.Tests.Sync;

/// <summary>The destructive guards in the run record: a refusal is recorded as the other guards' stops are.</summary>
public sealed partial class WritingRunTests
{
    /// <summary>Buckets <c>dd0</c>..<c>dd{count-1}</c> keep objects under <c>r/</c> 90 days; their definitions say 7 (destructive).</summary>
    private static (InMemoryS3Gateway Gateway, StaticDefinitionSource Definitions) Shortened(int count, string protectedBucket = "")
    {
        var gateway = new InMemoryS3Gateway();
        var files = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var bucket = $"dd{i}";
            gateway.SetLifecycle(bucket, LifecycleConfiguration.Of(Rule("r", "r/", 90)));
            files.Add(Toml(bucket, ("r", "r/", 7)) + (bucket == protectedBucket ? "\n[LakeCircle]\nProtected = true\n" : ""));
        }

        return (gateway, Source([.. files]));
    }

    [Test]
    public async Task SyncAsync_ProtectedBucketDestructive_WritesNothingAndRecordsTheRefusal()
    {
        var (gateway, definitions) = Shortened(2, protectedBucket: "dd1");
        var store = new LocalEndpointStore(_folder.Path);
        await using var client = Client(gateway, definitions, store);

        var outcome = await client.SyncAsync();

        outcome.Status.Should().Be(RunStatus.Stopped);
        gateway.PeekLifecycle("dd0")!.Rules.Single().Expiration!.Days.Should().Be(90, "the unprotected bucket is not written either");
        gateway.PeekLifecycle("dd1")!.Rules.Single().Expiration!.Days.Should().Be(90);
        var record = await SingleRecordAsync(store);
        record.Succeeded.Should().BeFalse();
        record.Errors.Should().ContainSingle().Which.Should().Contain("protected bucket dd1").And.Contain("deleted after 7 days instead of 90 days");
        record.Buckets.Where(b => b.Result != null).Should().HaveCount(2).And.OnlyContain(b => b.Result == RunBucketResult.Skipped);
        (await new ConfigurationArchive(store).ReadPreviousAsync("dd0")).Should().BeNull("nothing was archived: no write was begun");
    }

    [Test]
    public async Task SyncAsync_ManyDestructiveBucketsBeyondTheLimit_NamesTheFirstFiveAndCountsTheRest()
    {
        var (gateway, definitions) = Shortened(7);
        var store = new LocalEndpointStore(_folder.Path);
        await using var client = Client(gateway, definitions, store, o => o.MaxDestructive = 6);

        var outcome = await client.SyncAsync();

        outcome.Status.Should().Be(RunStatus.Stopped);
        outcome.Error.Should().Contain("destructive changes to 7 buckets (dd0, dd1, dd2, dd3, dd4 and 2 more), more than the 6 allowed (maxDestructive)");
        var record = await SingleRecordAsync(store);
        record.Errors.Should().ContainSingle().Which.Should().Contain("maxDestructive");
        Enumerable.Range(0, 7).Select(i => gateway.PeekLifecycle($"dd{i}")!.Rules.Single().Expiration!.Days).Should().OnlyContain(d => d == 90);
    }

    [Test]
    public async Task SyncAsync_AllowingANameThatIsNoProtectedBucket_WarnsThatItAllowsNothing()
    {
        var (gateway, definitions) = Shortened(2, protectedBucket: "dd1");
        var logger = new RecordingLogger();
        await using var client = Client(gateway, definitions, new LocalEndpointStore(_folder.Path), o =>
        {
            o.LoggerFactory = new SingleLoggerFactory(logger);
            o.AllowDestructive.Add("dd1");
            o.AllowDestructive.Add("dd-misspelt");
            o.AllowDestructive.Add("dd0");
        });

        var outcome = await client.SyncAsync();

        outcome.Succeeded.Should().BeTrue(outcome.Error);
        logger.Events.Where(e => e.Level == LogLevel.Warning && e.Message.Contains("allowDestructive")).Select(e => e.Message).Should().Equal(
            "allowDestructive names dd-misspelt, which is not a protected bucket of this run: it allows nothing",
            "allowDestructive names dd0, which is not a protected bucket of this run: it allows nothing");
    }
}

using LakeCircle.Core.Tests.Support;
using Microsoft.Extensions.Logging;
using static LakeCircle.Core.Tests.Support.WorkflowFixtures;

namespace LakeCircle.Core.Tests.Sync;

public sealed partial class LakeCircleClientTests
{
    [Test]
    public async Task SyncAsync_Logging_NestsRunAccountBucketAndRuleScopes()
    {
        var (gateway, definitions) = Standard();
        using var loggers = new RecordingLoggers();

        await TestClient.Create(gateway, definitions, options: TestClient.Options(loggers: loggers)).SyncAsync();

        var events = loggers.Logger.Events.ToList();
        events.Should().OnlyContain(e => e.Scopes.Length >= 2
            && e.Scopes[0] == "SYNC run (settings 0123456789ab)" && e.Scopes[1] == "Account 123456789012 in eu-west-1");
        events.Should().Contain(e => e.Level == LogLevel.Debug && e.Message == "Expiration.Days: 30 -> 90"
            && e.Scopes.Skip(2).SequenceEqual(new[] { "Bucket logs", "Rule expire" }));
        events.Should().Contain(e => e.Level == LogLevel.Debug && e.Message.StartsWith("Applied in ", StringComparison.Ordinal)
            && e.Scopes.Last() == "Bucket bare");
        events.Should().Contain(e => e.Level == LogLevel.Warning && e.Scopes.Last() == "Bucket archive");
        // The summary closes the writes; only the run's own steps follow: the run record, the lock's release, then its S3 calls.
        var summary = events.FindLastIndex(e => e.Message.StartsWith("Sync: ", StringComparison.Ordinal));
        events[summary].Message.Should().Be("Sync: 2 buckets applied, 0 applied but not yet visible, 0 failed, 0 skipped");
        events.Skip(summary + 1).Select(e => e.Message).Should().SatisfyRespectively(
            record => record.Should().StartWith("Run ").And.Contain(" recorded at memory://memory/log/"),
            release => release.Should().StartWith("Lock memory://memory/lock.json released by run "),
            calls => calls.Should().StartWith("S3 calls: ListBuckets 1, GetBucketLifecycleConfiguration 7, PutBucketLifecycleConfiguration 2, "));
    }
}

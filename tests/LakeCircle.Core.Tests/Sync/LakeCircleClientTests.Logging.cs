using LakeCircle.Core.Workflows;
using Microsoft.Extensions.Logging;
using static LakeCircle.Core.Tests.Workflows.WorkflowFixtures;

namespace LakeCircle.Core.Tests.Workflows;

public sealed partial class LifecycleWorkflowTests
{
    [Test]
    public async Task SyncAsync_Logging_NestsRunAccountBucketAndRuleScopes()
    {
        var (gateway, definitions) = Standard();
        var logger = new RecordingLogger();
        var options = new WorkflowOptions { SettingsFingerprint = "0123456789ab", Account = "123456789012", Region = "eu-west-1" };

        await new LifecycleWorkflow(gateway, definitions, logger, options).SyncAsync();

        var events = logger.Events;
        events.Should().OnlyContain(e => e.Scopes.Length >= 2
            && e.Scopes[0] == "SYNC run (settings 0123456789ab)" && e.Scopes[1] == "Account 123456789012 in eu-west-1");
        events.Should().Contain(e => e.Level == LogLevel.Debug && e.Message == "Expiration.Days: 30 -> 90"
            && e.Scopes.Skip(2).SequenceEqual(new[] { "Bucket logs", "Rule expire" }));
        events.Should().Contain(e => e.Level == LogLevel.Information && e.Message.StartsWith("Applied in ", StringComparison.Ordinal)
            && e.Scopes.Last() == "Bucket bare");
        events.Should().Contain(e => e.Level == LogLevel.Warning && e.Scopes.Last() == "Bucket archive");
        events.Last().Message.Should().Be("Sync: 2 buckets applied, 0 applied but not yet visible, 0 failed, 0 skipped");
    }

    [Test]
    public async Task PlanAsync_Logging_StructuredStateCarriesCounts()
    {
        var (gateway, definitions) = Standard();
        var logger = new RecordingLogger();

        await new LifecycleWorkflow(gateway, definitions, logger).PlanAsync();

        var planned = logger.Events.Single(e => e.Message.StartsWith("Plan: ", StringComparison.Ordinal));
        planned.State.Should().Contain(new KeyValuePair<string, object?>("BucketsChanged", 2));
        logger.Events.Should().OnlyContain(e => e.Scopes[0] == "DRYRUN run (settings not given)");
    }
}

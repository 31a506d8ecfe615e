using LakeCircle.Core.Tests.Support;
using static LakeCircle.Core.Tests.Support.WorkflowFixtures;

namespace LakeCircle.Core.Tests.Planning;

public sealed partial class LakeCircleClientTests
{
    [Test]
    public async Task PlanAsync_Logging_StructuredStateCarriesCounts()
    {
        var (gateway, definitions) = Standard();
        using var loggers = new RecordingLoggers();
        var options = TestClient.Options(loggers: loggers);
        options.SettingsFingerprint = null;

        await TestClient.Create(gateway, definitions, options: options).PlanAsync();

        var planned = loggers.Logger.Events.Single(e => e.Message.StartsWith("Plan: ", StringComparison.Ordinal));
        planned.State.Should().Contain(new KeyValuePair<string, object?>("BucketsChanged", 2));
        loggers.Logger.Events.Should().OnlyContain(e => e.Scopes[0] == "DRYRUN run (settings not given)");
    }
}

using LakeCircle.Core.Planning;
using LakeCircle.Core.Sync;
using LakeCircle.Core.Tests.Support;
using static LakeCircle.Core.Tests.Support.WorkflowFixtures;

namespace LakeCircle.Core.Tests.Rendering;

/// <summary>Outcomes of the standard drifted account, to render.</summary>
internal static class RenderingFixtures
{
    public static async Task<PlanOutcome> PlanAsync()
    {
        var (gateway, definitions) = Standard();
        return await TestClient.Create(gateway, definitions).PlanAsync();
    }

    public static async Task<RunOutcome> SyncAsync(string? failingBucket = null, Action<LakeCircleClientOptions>? configure = null)
    {
        var (inner, definitions) = Standard();
        var gateway = new InstrumentedGateway(inner) { Hold = TimeSpan.Zero };
        if (failingBucket is not null)
        {
            gateway.FailingWrites.Add(failingBucket);
        }

        var options = TestClient.Options();
        configure?.Invoke(options);
        return await TestClient.Create(gateway, definitions, options: options).SyncAsync();
    }

    /// <summary>A sync whose write to <c>logs</c> is applied but still not visible when verification times out.</summary>
    public static async Task<RunOutcome> NotVisibleSyncAsync()
    {
        var (_, gateway, definitions) = Sync.LakeCircleClientTests.Lagging("logs");
        var options = TestClient.Options();
        options.VerifyTimeout = TimeSpan.Zero;
        return await TestClient.Create(gateway, definitions, options: options).SyncAsync();
    }
}

using LakeCircle.Core.Workflows;
using static LakeCircle.Core.Tests.Workflows.WorkflowFixtures;

namespace LakeCircle.Core.Tests.Workflows.Rendering;

/// <summary>Outcomes of the standard drifted account, to render.</summary>
internal static class RenderingFixtures
{
    public static async Task<PlanOutcome> PlanAsync()
    {
        var (gateway, definitions) = Standard();
        return await new LifecycleWorkflow(gateway, definitions).PlanAsync();
    }

    public static async Task<SyncOutcome> SyncAsync(string? failingBucket = null, WorkflowOptions? options = null)
    {
        var (inner, definitions) = Standard();
        var gateway = new InstrumentedGateway(inner) { Hold = TimeSpan.Zero };
        if (failingBucket is not null)
        {
            gateway.FailingWrites.Add(failingBucket);
        }

        return await new LifecycleWorkflow(gateway, definitions, options: options).SyncAsync();
    }

    /// <summary>A sync whose write to <c>logs</c> is applied but still not visible when verification times out.</summary>
    public static async Task<SyncOutcome> NotVisibleSyncAsync()
    {
        var (_, gateway, definitions) = LifecycleWorkflowTests.Lagging("logs");
        return await new LifecycleWorkflow(gateway, definitions, options: new WorkflowOptions { VerifyTimeout = TimeSpan.Zero }).SyncAsync();
    }
}

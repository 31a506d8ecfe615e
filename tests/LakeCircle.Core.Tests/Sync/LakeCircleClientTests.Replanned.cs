using LakeCircle.Core.Gateways;
using LakeCircle.Core.Model;
using LakeCircle.Core.Sync;
using static LakeCircle.Core.Tests.Support.WorkflowFixtures;

namespace LakeCircle.Core.Tests.Sync;

/// <summary>
/// A bucket that changes between the plan and its write is re-planned; when the re-planned write is destructive where
/// the checked plan was not, the destructive guards still hold for it.
/// </summary>
public sealed partial class LakeCircleClientTests
{
    private static readonly LifecycleConfiguration Kept7 = LifecycleConfiguration.Of(Rule("r", "r/", 7));

    private static readonly LifecycleConfiguration Kept365 = LifecycleConfiguration.Of(Rule("r", "r/", 365));

    /// <summary>
    /// <c>grow</c> keeps objects 7 days and its definition 90 (retains longer); someone sets 365 days after the plan
    /// read it and before the re-check, so the re-planned write (365 to 90) is destructive.
    /// </summary>
    private static (InMemoryS3Gateway Inner, ReadHookGateway Gateway) ChangedToLongerAfterThePlan()
    {
        var inner = new InMemoryS3Gateway().SetLifecycle("grow", Kept7);
        var gateway = new ReadHookGateway(inner) { BeforeRead = (bucket, n) => { if (bucket == "grow" && n == 2) { inner.SetLifecycle("grow", Kept365); } } };
        return (inner, gateway);
    }

    private const string GrowProtection = "\n[LakeCircle]\nProtected = true\n";

    [Test]
    public async Task SyncAsync_ProtectedBucketReplannedIntoADestructiveWrite_IsNotWritten()
    {
        var (inner, gateway) = ChangedToLongerAfterThePlan();

        var sync = await Client(gateway, Source(Toml("grow", ("r", "r/", 90)) + GrowProtection)).SyncAsync();

        sync.Succeeded.Should().BeFalse();
        var grow = sync.Buckets.Single();
        grow.Result.Should().Be(BucketResult.Failed);
        grow.Error.Should().Contain("changed since the plan").And.Contain("protected").And.Contain("--allow-destructive grow");
        inner.PeekLifecycle("grow").Should().Be(Kept365, "the change made meanwhile is kept");
        gateway.Writes.Should().Be(0);
    }

    [Test]
    public async Task SyncAsync_ProtectedBucketReplannedIntoADestructiveWrite_AllowedByName_IsWritten()
    {
        var (inner, gateway) = ChangedToLongerAfterThePlan();

        var sync = await Client(gateway, Source(Toml("grow", ("r", "r/", 90)) + GrowProtection), o => o.AllowDestructive.Add("grow")).SyncAsync();

        sync.Succeeded.Should().BeTrue(sync.Error);
        inner.PeekLifecycle("grow")!.Rules.Single().Expiration!.Days.Should().Be(90);
    }

    [Test]
    public async Task SyncAsync_ReplannedIntoADestructiveWrite_UnderMaxDestructive_IsNotWritten()
    {
        var (inner, gateway) = ChangedToLongerAfterThePlan();

        var sync = await Client(gateway, Source(Toml("grow", ("r", "r/", 90))), o => o.MaxDestructive = 5).SyncAsync();

        sync.Buckets.Single().Error.Should().Contain("changed since the plan").And.Contain("maxDestructive");
        inner.PeekLifecycle("grow").Should().Be(Kept365);
    }

    [Test]
    public async Task SyncAsync_ReplannedIntoADestructiveWrite_WithoutGuards_IsWritten()
    {
        var (inner, gateway) = ChangedToLongerAfterThePlan();

        var sync = await Client(gateway, Source(Toml("grow", ("r", "r/", 90)))).SyncAsync();

        sync.Succeeded.Should().BeTrue(sync.Error);
        sync.Buckets.Single().Note.Should().Contain("re-planned");
        inner.PeekLifecycle("grow")!.Rules.Single().Expiration!.Days.Should().Be(90);
    }

    [Test]
    public async Task SyncAsync_ProtectedBucketWithSeveralDestructiveFindings_NamesEach()
    {
        var gateway = new InMemoryS3Gateway().SetLifecycle("two", LifecycleConfiguration.Of(Rule("a", "a/", 90), Rule("b", "b/", 60)));

        var sync = await Client(gateway, Source(Toml("two", ("a", "a/", 7), ("b", "b/", 3)) + GrowProtection)).SyncAsync();

        sync.Succeeded.Should().BeFalse();
        sync.Error.Should().Contain("protected bucket two")
            .And.Contain("objects under `a/` are deleted after 7 days instead of 90 days")
            .And.Contain("objects under `b/` are deleted after 3 days instead of 60 days");
        gateway.PeekLifecycle("two")!.Rules.Select(r => r.Expiration!.Days).Should().Equal(90, 60);
    }
}

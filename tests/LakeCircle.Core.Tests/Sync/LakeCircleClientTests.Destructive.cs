using LakeCircle.Core.Definitions;
using LakeCircle.Core.Gateways;
using LakeCircle.Core.Impact;
using LakeCircle.Core.Model;
using LakeCircle.Core.Planning;
using LakeCircle.Core.Sync;
using LakeCircle.Core.Tests.Support;
using static LakeCircle.Core.Tests.Support.WorkflowFixtures;

namespace LakeCircle.Core.Tests.Sync;

/// <summary>The destructive guards: <see cref="LakeCircleClientOptions.MaxDestructive"/>, protected buckets and <see cref="LakeCircleClientOptions.AllowDestructive"/>.</summary>
public sealed partial class LakeCircleClientTests
{
    /// <summary><c>short</c> goes from 90 to 7 days (destructive), <c>long</c> from 7 to 90 (retains longer).</summary>
    private static InMemoryS3Gateway ShortAndLong() => new InMemoryS3Gateway()
        .SetLifecycle("short", LifecycleConfiguration.Of(Rule("r", "r/", 90)))
        .SetLifecycle("long", LifecycleConfiguration.Of(Rule("r", "r/", 7)));

    private const string Protection = "\n[LakeCircle]\nProtected = true\n";

    [Test]
    public async Task PlanAsync_DestructiveChange_IsClassifiedOnThePlanValue()
    {
        var plan = await Client(ShortAndLong(), Source(Toml("short", ("r", "r/", 7)), Toml("long", ("r", "r/", 90)))).PlanAsync();

        var buckets = plan.Plan!.Buckets.ToDictionary(b => b.Bucket);
        buckets["short"].Impact.Kind.Should().Be(ImpactKind.Destructive);
        buckets["short"].Impact.Findings.Single().Text.Should().Be("objects under `r/` are deleted after 7 days instead of 90 days");
        buckets["long"].Impact.Kind.Should().Be(ImpactKind.RetainsLonger);
        plan.Plan.Summary.BucketsDestructive.Should().Be(1);
    }

    [Test]
    public async Task SyncAsync_MoreDestructiveBucketsThanAllowed_StopsBeforeFirstWrite()
    {
        var gateway = ShortAndLong();
        var sync = await Client(gateway, Source(Toml("short", ("r", "r/", 7)), Toml("long", ("r", "r/", 90))), o => o.MaxDestructive = 0).SyncAsync();

        sync.Succeeded.Should().BeFalse();
        sync.Error.Should().Contain("destructive changes to 1 buckets (short), more than the 0 allowed (maxDestructive)");
        sync.Buckets.Should().OnlyContain(b => b.Result == BucketResult.Skipped).And.HaveCount(2);
        gateway.CallCount(S3Operations.PutBucketLifecycleConfiguration).Should().Be(0);
    }

    [Test]
    public async Task SyncAsync_DestructiveWithoutLimitOrProtection_IsWritten()
    {
        var gateway = ShortAndLong();
        var sync = await Client(gateway, Source(Toml("short", ("r", "r/", 7)), Toml("long", ("r", "r/", 90)))).SyncAsync();

        sync.Succeeded.Should().BeTrue(sync.Error);
        sync.Summary.Applied.Should().Be(2);
    }

    [Test]
    public async Task SyncAsync_ProtectedBucketDestructive_NothingWrittenAnywhere()
    {
        var gateway = ShortAndLong();
        var sync = await Client(gateway, Source(Toml("short", ("r", "r/", 7)) + Protection, Toml("long", ("r", "r/", 90)))).SyncAsync();

        sync.Succeeded.Should().BeFalse();
        sync.Error.Should().Contain("destructive change to the protected bucket short")
            .And.Contain("objects under `r/` are deleted after 7 days instead of 90 days")
            .And.Contain("--allow-destructive short");
        gateway.CallCount(S3Operations.PutBucketLifecycleConfiguration).Should().Be(0);
    }

    [Test]
    public async Task SyncAsync_ProtectedBucketAllowedByName_IsWritten()
    {
        var gateway = ShortAndLong();
        var definitions = Source(Toml("short", ("r", "r/", 7)) + Protection, Toml("long", ("r", "r/", 90)));

        var sync = await Client(gateway, definitions, o => o.AllowDestructive.Add("short")).SyncAsync();

        sync.Succeeded.Should().BeTrue(sync.Error);
        (await gateway.GetLifecycleAsync("short"))!.Rules.Single().Expiration!.Days.Should().Be(7);
    }

    [Test]
    public async Task SyncAsync_ProtectedBucketRetainingLonger_IsWritten()
    {
        var gateway = ShortAndLong();
        var sync = await Client(gateway, Source(Toml("long", ("r", "r/", 90)) + Protection)).SyncAsync();

        sync.Succeeded.Should().BeTrue(sync.Error);
        sync.Summary.Applied.Should().Be(1);
    }

    [Test]
    public async Task SyncAsync_AllowingAnotherBucket_DoesNotAllowThisOne()
    {
        var gateway = ShortAndLong();
        var sync = await Client(gateway, Source(Toml("short", ("r", "r/", 7)) + Protection), o => o.AllowDestructive.Add("long")).SyncAsync();

        sync.Succeeded.Should().BeFalse();
        gateway.CallCount(S3Operations.PutBucketLifecycleConfiguration).Should().Be(0);
    }

    [Test]
    public async Task ApplyAsync_SavedPlanKeepsProtection_AndTheGuardHolds()
    {
        var gateway = ShortAndLong();
        await using var client = Client(gateway, Source(Toml("short", ("r", "r/", 7)) + Protection));
        var plan = await client.PlanAsync();
        using var file = new MemoryStream();
        await client.SavePlanAsync(plan, file);
        file.Position = 0;

        var read = await LakeCircleClient.ReadPlanAsync(file);
        read.Plan!.Buckets.Single(b => b.Bucket == "short").Protected.Should().BeTrue();
        read.Plan.Buckets.Single(b => b.Bucket == "short").Impact.IsDestructive.Should().BeTrue();
        var applied = await client.ApplyAsync(read);

        applied.Succeeded.Should().BeFalse();
        applied.Error.Should().Contain("protected bucket short");
        gateway.CallCount(S3Operations.PutBucketLifecycleConfiguration).Should().Be(0);
    }

    [Test]
    public async Task RollbackAsync_IsNotLimitedByTheDestructiveGuards()
    {
        var gateway = ShortAndLong();
        var definitions = Source(Toml("short", ("r", "r/", 7)) + Protection);
        var endpoint = new InMemoryEndpointStore();
        (await Client(gateway, definitions, o => o.AllowDestructive.Add("short"), endpoint).SyncAsync()).Succeeded.Should().BeTrue();
        (await Client(gateway, Source(Toml("short", ("r", "r/", 1)) + Protection), o => o.AllowDestructive.Add("short"), endpoint).SyncAsync()).Succeeded.Should().BeTrue();

        // Back from 1 day to 7 days retains longer; a rollback restores a configuration that was in place either way.
        var rollback = await Client(gateway, definitions, o => o.MaxDestructive = 0, endpoint).RollbackAsync("short");

        rollback.Succeeded.Should().BeTrue(rollback.Error);
    }

    [Test]
    public void Options_NegativeMaxDestructive_IsRefused()
    {
        var options = TestClient.Options();
        options.MaxDestructive = -1;

        var create = () => TestClient.Create(ShortAndLong(), Source(Toml("short")), null, options);

        create.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("MaxDestructive");
    }
}

using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using LakeCircle.Core.Diagnostics;
using LakeCircle.Core.Gateways;
using LakeCircle.Core.Model;
using LakeCircle.Core.Planning;
using LakeCircle.Core.Rendering;
using LakeCircle.Core.Sync;
using LakeCircle.Core.Tests.Support;
using static LakeCircle.Core.Tests.Support.WorkflowFixtures;

namespace LakeCircle.Core.Tests.Planning;

/// <summary>
/// A run covers the account, whatever the regions of its buckets; <see cref="LakeCircleClientOptions.Regions"/> limits
/// it, and a defined bucket elsewhere is <see cref="BucketStatus.OtherRegion"/>, never <see cref="BucketStatus.Missing"/>.
/// </summary>
public sealed class RegionsTests
{
    /// <summary>
    /// An account over three regions: <c>east-drifted</c> (us-east-1, drifted), <c>west-logs</c> (eu-west-1, drifted),
    /// <c>sydney-bare</c> (ap-southeast-2, no lifecycle), unmanaged <c>east-scratch</c> and <c>west-scratch</c>; the
    /// defined <c>absent</c> is in no region.
    /// </summary>
    private static (InMemoryS3Gateway Gateway, StaticDefinitionSource Definitions) ThreeRegions()
    {
        var gateway = new InMemoryS3Gateway("us-east-1")
            .AddBucket("east-drifted", "us-east-1")
            .AddBucket("west-logs", "eu-west-1")
            .AddBucket("sydney-bare", "ap-southeast-2")
            .AddBucket("east-scratch", "us-east-1")
            .AddBucket("west-scratch", "eu-west-1")
            .SetLifecycle("east-drifted", LifecycleConfiguration.Of(Rule("expire", "e/", 30)))
            .SetLifecycle("west-logs", LifecycleConfiguration.Of(Rule("expire", "logs/", 30)));
        var definitions = Source(
            Toml("east-drifted", ("expire", "e/", 90)),
            Toml("west-logs", ("expire", "logs/", 90)),
            Toml("sydney-bare", ("expire", "s/", 10)),
            Toml("absent", ("expire", "a/", 1)));
        return (gateway, definitions);
    }

    private static LakeCircleClient Client(IS3Gateway gateway, StaticDefinitionSource definitions, IProgress<RunProgress>? progress = null, params string[] regions)
    {
        var options = TestClient.Options();
        options.Progress = progress;
        foreach (var region in regions)
        {
            options.Regions.Add(region);
        }

        return TestClient.Create(gateway, definitions, options: options);
    }

    private static BucketPlan Bucket(PlanOutcome outcome, string name) => outcome.Plan!.Buckets.Single(b => b.Bucket == name);

    [Test]
    public async Task PlanAsync_NoRegionLimit_PlansTheBucketsOfEveryRegionWithTheirRegion()
    {
        var (gateway, definitions) = ThreeRegions();
        var calls = new LastProgress();

        var outcome = await Client(gateway, definitions, calls).PlanAsync();

        outcome.Succeeded.Should().BeTrue();
        outcome.Plan!.Buckets.Select(b => (b.Bucket, b.Status, b.Region)).Should().Equal(
            ("absent", BucketStatus.Missing, (string?)null),
            ("east-drifted", BucketStatus.Change, "us-east-1"),
            ("east-scratch", BucketStatus.Unmanaged, "us-east-1"),
            ("sydney-bare", BucketStatus.Change, "ap-southeast-2"),
            ("west-logs", BucketStatus.Change, "eu-west-1"),
            ("west-scratch", BucketStatus.Unmanaged, "eu-west-1"));
        outcome.Plan.Regions.Should().BeEmpty();
        outcome.Plan.Summary.BucketsInOtherRegions.Should().Be(0);
        calls.Last!.Calls.ToString().Should().Be("ListBuckets 1, GetBucketLifecycleConfiguration 3", "no region is asked: the listing tells them");
    }

    [Test]
    public async Task PlanAsync_LimitedToOneRegion_DefinedBucketsElsewhereAreOtherRegionAndNotRead()
    {
        var (gateway, definitions) = ThreeRegions();
        var calls = new LastProgress();

        var outcome = await Client(gateway, definitions, calls, "us-east-1").PlanAsync();

        outcome.Succeeded.Should().BeTrue("a bucket in another region is no error");
        outcome.Plan!.Buckets.Select(b => (b.Bucket, b.Status, b.Region)).Should().Equal(
            ("absent", BucketStatus.Missing, (string?)null),
            ("east-drifted", BucketStatus.Change, "us-east-1"),
            ("east-scratch", BucketStatus.Unmanaged, "us-east-1"),
            ("sydney-bare", BucketStatus.OtherRegion, "ap-southeast-2"),
            ("west-logs", BucketStatus.OtherRegion, "eu-west-1"));
        Bucket(outcome, "west-logs").Action.Should().Be(BucketAction.None);
        Bucket(outcome, "west-logs").Actual.Should().BeNull("it was not read");
        outcome.Plan.Regions.Should().Equal("us-east-1");
        outcome.Plan.Summary.Should().BeEquivalentTo(new { BucketsChanged = 1, BucketsMissing = 1, BucketsUnmanaged = 1, BucketsInOtherRegions = 2, BucketsFailed = 0 });
        calls.Last!.Calls.ToString().Should().Be("ListBuckets 1, GetBucketLifecycleConfiguration 1");
        gateway.CallCount(S3Operations.GetBucketLifecycleConfiguration).Should().Be(1);
    }

    [Test]
    public async Task PlanAsync_LimitedToTwoRegions_OnlyTheThirdIsOtherRegion()
    {
        var (gateway, definitions) = ThreeRegions();

        var outcome = await Client(gateway, definitions, null, "eu-west-1", "ap-southeast-2").PlanAsync();

        outcome.Plan!.Buckets.Where(b => b.Status == BucketStatus.OtherRegion).Select(b => (b.Bucket, b.Region)).Should().Equal(("east-drifted", (string?)"us-east-1"));
        Bucket(outcome, "west-logs").Status.Should().Be(BucketStatus.Change);
        Bucket(outcome, "sydney-bare").Status.Should().Be(BucketStatus.Change);
        Bucket(outcome, "absent").Status.Should().Be(BucketStatus.Missing);
        outcome.Plan.Buckets.Select(b => b.Bucket).Should().NotContain("east-scratch", "an unmanaged bucket outside the run's regions is not listed");
        outcome.Plan.Regions.Should().Equal("ap-southeast-2", "eu-west-1");
    }

    [Test]
    public async Task SyncAsync_LimitedToOneRegion_WritesOnlyThere()
    {
        var (gateway, definitions) = ThreeRegions();

        var outcome = await Client(gateway, definitions, null, "eu-west-1").SyncAsync();

        outcome.Succeeded.Should().BeTrue();
        gateway.PeekLifecycle("west-logs")!.Rules.Single().Expiration!.Days.Should().Be(90);
        gateway.PeekLifecycle("east-drifted")!.Rules.Single().Expiration!.Days.Should().Be(30, "us-east-1 is outside the run");
        gateway.PeekLifecycle("sydney-bare").Should().BeNull();
        gateway.CallCount(S3Operations.PutBucketLifecycleConfiguration).Should().Be(1);
        outcome.Buckets.Select(b => b.Bucket).Should().Equal("west-logs");
    }

    [Test]
    public async Task SyncAsync_NoRegionLimit_WritesEveryRegion()
    {
        var (gateway, definitions) = ThreeRegions();

        var outcome = await Client(gateway, definitions).SyncAsync();

        outcome.Succeeded.Should().BeTrue();
        gateway.PeekLifecycle("west-logs")!.Rules.Single().Expiration!.Days.Should().Be(90);
        gateway.PeekLifecycle("east-drifted")!.Rules.Single().Expiration!.Days.Should().Be(90);
        gateway.PeekLifecycle("sydney-bare")!.Rules.Single().Expiration!.Days.Should().Be(10);
    }

    [Test]
    public async Task PlanAsync_ListingWithoutRegions_RegionAskedOnlyWithALimitAndOnlyForDefinedBuckets()
    {
        var (store, definitions) = ThreeRegions();
        var gateway = new RegionsNotListed(store);
        var calls = new LastProgress();

        var all = await Client(gateway, definitions, calls).PlanAsync();

        all.Plan!.Buckets.Should().OnlyContain(b => b.Region == null);
        calls.Last!.Calls.GetBucketLocation.Should().Be(0, "a run over every region needs no region");

        var limited = await Client(gateway, definitions, calls, "eu-west-1").PlanAsync();

        calls.Last!.Calls.GetBucketLocation.Should().Be(3, "the three defined buckets that exist, not the unmanaged ones nor the absent one");
        store.CallCount(S3Operations.GetBucketLocation).Should().Be(3);
        Bucket(limited, "west-logs").Status.Should().Be(BucketStatus.Change);
        Bucket(limited, "east-drifted").Should().Match<BucketPlan>(b => b.Status == BucketStatus.OtherRegion && b.Region == "us-east-1");
        Bucket(limited, "absent").Status.Should().Be(BucketStatus.Missing);
        limited.Plan!.Buckets.Where(b => b.Status == BucketStatus.Unmanaged).Select(b => b.Bucket)
            .Should().Equal(["east-scratch", "west-scratch"], "an unmanaged bucket of unknown region is listed, not guessed away");
    }

    [Test]
    public async Task PlanAsync_GatewayWithoutRegions_WithALimit_ReadsEveryBucket()
    {
        var (store, definitions) = ThreeRegions();
        var gateway = new NamesOnly(store);

        var outcome = await Client(gateway, definitions, null, "eu-west-1").PlanAsync();

        outcome.Plan!.Buckets.Should().NotContain(b => b.Status == BucketStatus.OtherRegion, "no region is known, so none is outside");
        Bucket(outcome, "west-logs").Status.Should().Be(BucketStatus.Change);
    }

    [Test]
    public async Task ToText_OtherRegion_NamesTheBucketsRegionAndTheRunsRegions()
    {
        var (gateway, definitions) = ThreeRegions();
        var outcome = await Client(gateway, definitions, null, "us-east-1").PlanAsync();

        var lines = TextPlanRenderer.ToText(outcome).Split(Environment.NewLine);

        lines.Should().Contain("~ west-logs: in region eu-west-1, outside this run's regions (us-east-1) - not read");
        lines.Should().Contain("~ sydney-bare: in region ap-southeast-2, outside this run's regions (us-east-1) - not read");
        lines.Should().Contain("! absent: defined but not in the account (not created)");
        lines.Should().Contain("Plan: 1 bucket to change (0 rules to add, 0 to remove, 1 to change), 0 in sync, 1 missing, 1 unmanaged, 2 in other regions.");
    }

    [Test]
    public async Task Json_OtherRegion_StatusRegionAndSummary()
    {
        var (gateway, definitions) = ThreeRegions();
        var outcome = await Client(gateway, definitions, null, "us-east-1").PlanAsync();

        using var json = JsonDocument.Parse(JsonPlanRenderer.Render(outcome));

        var root = json.RootElement;
        root.GetProperty("succeeded").GetBoolean().Should().BeTrue();
        root.GetProperty("regions").EnumerateArray().Select(r => r.GetString()).Should().Equal("us-east-1");
        root.GetProperty("summary").GetProperty("bucketsInOtherRegions").GetInt32().Should().Be(2);
        var buckets = root.GetProperty("buckets").EnumerateArray().ToDictionary(b => b.GetProperty("name").GetString()!);
        buckets["west-logs"].GetProperty("status").GetString().Should().Be("other-region");
        buckets["west-logs"].GetProperty("region").GetString().Should().Be("eu-west-1");
        buckets["west-logs"].GetProperty("action").GetString().Should().Be("none");
        buckets["east-drifted"].GetProperty("region").GetString().Should().Be("us-east-1");
        buckets["absent"].TryGetProperty("region", out _).Should().BeFalse("a missing bucket has no region");
    }

    [Test]
    public async Task SavedPlan_OtherRegionAndRegions_RoundTrip()
    {
        var (gateway, definitions) = ThreeRegions();
        await using var client = Client(gateway, definitions, null, "us-east-1");
        var plan = await client.PlanAsync();
        using var stream = new MemoryStream();
        await client.SavePlanAsync(plan, stream);
        var bytes = stream.ToArray();

        var read = await LakeCircleClient.ReadPlanAsync(new MemoryStream(bytes));

        read.Plan!.Buckets.Select(b => (b.Bucket, b.Status, b.Action, b.Region)).Should().Equal(plan.Plan!.Buckets.Select(b => (b.Bucket, b.Status, b.Action, b.Region)));
        read.Plan.Regions.Should().Equal("us-east-1");
        read.Plan.Summary.Should().Be(plan.Plan.Summary);
        var file = JsonNode.Parse(bytes)!;
        file["regions"]!.AsArray().Select(r => (string?)r).Should().Equal("us-east-1");
        var west = file["buckets"]!.AsArray().Single(b => (string?)b!["bucket"] == "west-logs")!;
        ((string?)west["status"], (string?)west["region"]).Should().Be(("other-region", "eu-west-1"));
    }

    [Test]
    public async Task SavedPlan_RegionEdited_IsRefused()
    {
        var (gateway, definitions) = ThreeRegions();
        await using var client = Client(gateway, definitions, null, "us-east-1");
        using var stream = new MemoryStream();
        await client.SavePlanAsync(await client.PlanAsync(), stream);
        var file = JsonNode.Parse(stream.ToArray())!;
        file["buckets"]!.AsArray().Single(b => (string?)b!["bucket"] == "west-logs")!["region"] = "eu-west-2";
        var edited = Encoding.UTF8.GetBytes(file.ToJsonString());

        var read = () => LakeCircleClient.ReadPlanAsync(new MemoryStream(edited));

        await read.Should().ThrowAsync<InvalidDataException>().WithMessage("*contentFingerprint*");
    }

    [Test]
    public async Task SavedPlan_WithoutRegions_ReadsAsBefore()
    {
        // A plan made over a gateway that tells no regions has no region member at all: the shape of files made before
        // regions were recorded, which keep reading.
        var (store, definitions) = ThreeRegions();
        await using var client = Client(new NamesOnly(store), definitions);
        using var stream = new MemoryStream();
        await client.SavePlanAsync(await client.PlanAsync(), stream);
        var file = JsonNode.Parse(stream.ToArray())!.AsObject();
        file.ContainsKey("regions").Should().BeFalse();
        file["buckets"]!.AsArray().Should().OnlyContain(b => !b!.AsObject().ContainsKey("region"));

        var read = await LakeCircleClient.ReadPlanAsync(new MemoryStream(stream.ToArray()));

        read.Plan!.Buckets.Should().OnlyContain(b => b.Region == null);
        read.Plan.Regions.Should().BeEmpty();
    }

    [Test]
    public async Task ApplyAsync_SavedPlanWithOtherRegion_WritesOnlyTheRunsRegion()
    {
        var (gateway, definitions) = ThreeRegions();
        await using var client = Client(gateway, definitions, null, "us-east-1");
        using var stream = new MemoryStream();
        await client.SavePlanAsync(await client.PlanAsync(), stream);
        var plan = await LakeCircleClient.ReadPlanAsync(new MemoryStream(stream.ToArray()));

        var outcome = await client.ApplyAsync(plan);

        outcome.Succeeded.Should().BeTrue();
        gateway.PeekLifecycle("east-drifted")!.Rules.Single().Expiration!.Days.Should().Be(90);
        gateway.PeekLifecycle("west-logs")!.Rules.Single().Expiration!.Days.Should().Be(30);
    }

    [Test]
    public void FromLocationConstraint_LegacyAnswersOfAws()
    {
        RegionalListing.FromLocationConstraint(null, legacyNames: true).Should().Be("us-east-1");
        RegionalListing.FromLocationConstraint("", legacyNames: true).Should().Be("us-east-1");
        RegionalListing.FromLocationConstraint("EU", legacyNames: true).Should().Be("eu-west-1");
        RegionalListing.FromLocationConstraint("ap-southeast-2", legacyNames: true).Should().Be("ap-southeast-2");
        RegionalListing.FromLocationConstraint("", legacyNames: false).Should().BeNull();
        RegionalListing.FromLocationConstraint("EU", legacyNames: false).Should().Be("EU");
        RegionalListing.FromLocationConstraint("default", legacyNames: false).Should().Be("default");
    }

    /// <summary>A store whose listing tells no region (as some S3-compatible servers), while it answers a bucket's region.</summary>
    private sealed class RegionsNotListed(InMemoryS3Gateway store) : IS3Gateway, IRegionalListing
    {
        public Task<IReadOnlyList<string>> ListBucketsAsync(CancellationToken cancellationToken = default) => store.ListBucketsAsync(cancellationToken);

        public async Task<IReadOnlyList<ListedBucket>> ListBucketsWithRegionsAsync(CancellationToken cancellationToken = default) =>
            [.. (await ((IRegionalListing)store).ListBucketsWithRegionsAsync(cancellationToken)).Select(b => b with { Region = null })];

        public Task<string?> GetBucketRegionAsync(string bucket, CancellationToken cancellationToken = default) =>
            ((IRegionalListing)store).GetBucketRegionAsync(bucket, cancellationToken);

        public Task<LifecycleConfiguration?> GetLifecycleAsync(string bucket, CancellationToken cancellationToken = default) => store.GetLifecycleAsync(bucket, cancellationToken);

        public Task PutLifecycleAsync(string bucket, LifecycleConfiguration configuration, CancellationToken cancellationToken = default) =>
            store.PutLifecycleAsync(bucket, configuration, cancellationToken);

        public Task DeleteLifecycleAsync(string bucket, CancellationToken cancellationToken = default) => store.DeleteLifecycleAsync(bucket, cancellationToken);
    }

    /// <summary>A gateway of the caller's own that knows no regions: it lists every bucket of the store by name.</summary>
    private sealed class NamesOnly(InMemoryS3Gateway store) : IS3Gateway
    {
        public Task<IReadOnlyList<string>> ListBucketsAsync(CancellationToken cancellationToken = default) => Task.FromResult(store.BucketNames);

        public Task<LifecycleConfiguration?> GetLifecycleAsync(string bucket, CancellationToken cancellationToken = default) => store.GetLifecycleAsync(bucket, cancellationToken);

        public Task PutLifecycleAsync(string bucket, LifecycleConfiguration configuration, CancellationToken cancellationToken = default) =>
            store.PutLifecycleAsync(bucket, configuration, cancellationToken);

        public Task DeleteLifecycleAsync(string bucket, CancellationToken cancellationToken = default) => store.DeleteLifecycleAsync(bucket, cancellationToken);
    }

    /// <summary>Keeps the last progress report of a run (reports come one at a time).</summary>
    private sealed class LastProgress : IProgress<RunProgress>
    {
        public RunProgress? Last { get; private set; }

        public void Report(RunProgress value) => Last = value;
    }
}

using LakeCircle.Core.Definitions;
using LakeCircle.Core.Gateways;
using LakeCircle.Core.Model;
using LakeCircle.Core.Planning;
using LakeCircle.Core.Tests.Support;
using NSubstitute;
using static LakeCircle.Core.Tests.Support.WorkflowFixtures;

namespace LakeCircle.Core.Tests.Planning;

/// <summary>Planning through the client: what is read, what is planned, and that nothing is written.</summary>
public sealed partial class LakeCircleClientTests
{
    /// <summary>A client over the gateway and the definitions, an in-memory endpoint, and the test options as <paramref name="configure"/> changes them.</summary>
    private static LakeCircleClient Client(IS3Gateway gateway, IDefinitionSource definitions, Action<LakeCircleClientOptions>? configure = null)
    {
        var options = TestClient.Options();
        configure?.Invoke(options);
        return TestClient.Create(gateway, definitions, options: options);
    }

    [Test]
    public async Task PlanAsync_EmptySelection_PlansNoBucketAndReadsNoLifecycle()
    {
        var (gateway, definitions) = Standard();

        var outcome = await Client(gateway, definitions).PlanAsync([]);

        outcome.Succeeded.Should().BeTrue();
        outcome.Plan!.Buckets.Should().BeEmpty("an empty selection selects nothing, not everything");
        gateway.CallCount(S3Operations.GetBucketLifecycleConfiguration).Should().Be(0);
    }

    [Test]
    public async Task PlanAsync_DriftedAccount_PlansEveryStatusAndWritesNothing()
    {
        var (gateway, definitions) = Standard();

        var outcome = await Client(gateway, definitions).PlanAsync();

        outcome.Succeeded.Should().BeTrue();
        outcome.HasChanges.Should().BeTrue();
        outcome.Plan!.Buckets.Select(b => (b.Bucket, b.Status, b.Action)).Should().Equal(
            ("archive", BucketStatus.Missing, BucketAction.None),
            ("backups", BucketStatus.InSync, BucketAction.None),
            ("bare", BucketStatus.Change, BucketAction.Put),
            ("logs", BucketStatus.Change, BucketAction.Put),
            ("scratch", BucketStatus.Unmanaged, BucketAction.None));
        var logs = outcome.Plan.Buckets.Single(b => b.Bucket == "logs");
        logs.Added.Select(r => r.Id).Should().Equal("new");
        logs.Removed.Select(r => r.Id).Should().Equal("old");
        logs.Changed.Select(c => c.Id).Should().Equal("expire");
        gateway.CallCount(S3Operations.PutBucketLifecycleConfiguration).Should().Be(0);
        gateway.CallCount(S3Operations.DeleteBucketLifecycle).Should().Be(0);
        gateway.PeekLifecycle("logs")!.Rules.Select(r => r.Id).Should().Equal("expire", "old");
    }

    [Test]
    public async Task PlanAsync_ReadsAccount_ListsOnceAndGetsOncePerExistingManagedBucket()
    {
        var (gateway, definitions) = Standard();
        gateway.AddBucket("other-1").AddBucket("other-2");

        await Client(gateway, definitions).PlanAsync();

        gateway.CallCount(S3Operations.ListBuckets).Should().Be(1);
        // logs, backups and bare: not archive (missing) and not scratch, other-1, other-2 (unmanaged).
        gateway.CallCount(S3Operations.GetBucketLifecycleConfiguration).Should().Be(3);
    }

    [Test]
    public async Task PlanAsync_NoGetForUnmanagedBuckets_EvenWithManyInTheAccount()
    {
        var gateway = Substitute.For<IS3Gateway>();
        gateway.ListBucketsAsync(Arg.Any<CancellationToken>())
            .Returns(Enumerable.Range(0, 50).Select(i => $"unmanaged-{i:D2}").Append("logs").ToList());
        gateway.GetLifecycleAsync("logs", Arg.Any<CancellationToken>()).Returns((LifecycleConfiguration?)null);

        var outcome = await Client(gateway, Source(Toml("logs", ("a", "a/", 1)))).PlanAsync();

        outcome.Plan!.Summary.BucketsUnmanaged.Should().Be(50);
        await gateway.Received(1).GetLifecycleAsync("logs", Arg.Any<CancellationToken>());
        await gateway.DidNotReceive().GetLifecycleAsync(Arg.Is<string>(b => b.StartsWith("unmanaged-", StringComparison.Ordinal)), Arg.Any<CancellationToken>());
    }

    [Test]
    public async Task PlanAsync_InvalidDefinitions_StopsBeforeAnyAccountCall()
    {
        var gateway = Substitute.For<IS3Gateway>();
        var definitions = Source(("bad.toml", "BucketName = \"logs\"\n[LifecycleConfiguration]\nRules = [{ ID = \"x\", Expiraton = { Days = 1 } }]\n"));

        var outcome = await Client(gateway, definitions).PlanAsync();

        outcome.Diagnostics.Should().NotBeEmpty();
        outcome.Plan.Should().BeNull();
        outcome.Succeeded.Should().BeFalse();
        await gateway.DidNotReceive().ListBucketsAsync(Arg.Any<CancellationToken>());
        await gateway.DidNotReceiveWithAnyArgs().GetLifecycleAsync(default!, default);
        await gateway.DidNotReceiveWithAnyArgs().PutLifecycleAsync(default!, default!, default);
        await gateway.DidNotReceiveWithAnyArgs().DeleteLifecycleAsync(default!, default);
    }

    [Test]
    public async Task PlanAsync_DefinitionsUnreadable_ReportsDiagnosticAndReadsNoAccount()
    {
        var gateway = Substitute.For<IS3Gateway>();
        var definitions = Substitute.For<IDefinitionSource>();
        definitions.ReadAsync(Arg.Any<CancellationToken>()).Returns<IReadOnlyList<DefinitionDocument>>(_ => throw new DirectoryNotFoundException("no such folder"));

        var outcome = await Client(gateway, definitions).PlanAsync();

        outcome.Diagnostics.Should().ContainSingle().Which.Message.Should().Contain("no such folder");
        await gateway.DidNotReceive().ListBucketsAsync(Arg.Any<CancellationToken>());
    }

    [Test]
    public async Task PlanAsync_MissingBucket_ReportedAndNeverRead()
    {
        var gateway = new InMemoryS3Gateway();

        var outcome = await Client(gateway, Source(Toml("archive", ("all", "", 10)))).PlanAsync();

        outcome.Plan!.Buckets.Should().ContainSingle().Which.Status.Should().Be(BucketStatus.Missing);
        outcome.HasChanges.Should().BeFalse();
        gateway.CallCount(S3Operations.GetBucketLifecycleConfiguration).Should().Be(0);
    }

    [Test]
    public async Task PlanAsync_NoSuchBucketOnRead_BucketIsMissing()
    {
        var gateway = Substitute.For<IS3Gateway>();
        gateway.ListBucketsAsync(Arg.Any<CancellationToken>()).Returns(["gone"]);
        gateway.GetLifecycleAsync("gone", Arg.Any<CancellationToken>())
            .Returns<LifecycleConfiguration?>(_ => throw new S3GatewayException(S3ErrorKind.NoSuchBucket, "Get", "gone", "gone", 404, "NoSuchBucket"));

        var outcome = await Client(gateway, Source(Toml("gone", ("a", "a/", 1)))).PlanAsync();

        outcome.Plan!.Buckets.Single().Status.Should().Be(BucketStatus.Missing);
        outcome.Succeeded.Should().BeTrue();
    }

    [Test]
    public async Task PlanAsync_ReadFailsOnOneBucket_ThatBucketIsErrorAndOthersArePlanned()
    {
        var (inner, definitions) = Standard();
        var gateway = new InstrumentedGateway(inner) { Hold = TimeSpan.Zero };
        gateway.FailingReads.Add("logs");

        var outcome = await Client(gateway, definitions).PlanAsync();

        var logs = outcome.Plan!.Buckets.Single(b => b.Bucket == "logs");
        logs.Status.Should().Be(BucketStatus.Error);
        logs.Error.Should().Contain("Access Denied");
        outcome.Plan.Buckets.Single(b => b.Bucket == "bare").Action.Should().Be(BucketAction.Put);
        outcome.Succeeded.Should().BeFalse();
    }

    [Test]
    public async Task PlanAsync_ListFails_ErrorAndNoPlan()
    {
        var gateway = Substitute.For<IS3Gateway>();
        gateway.ListBucketsAsync(Arg.Any<CancellationToken>())
            .Returns<IReadOnlyList<string>>(_ => throw new S3GatewayException(S3ErrorKind.AccessDenied, "ListBuckets", null, "Access Denied", 403));

        var outcome = await Client(gateway, Source(Toml("logs", ("a", "a/", 1)))).PlanAsync();

        outcome.Error.Should().Contain("Access Denied");
        outcome.Plan.Should().BeNull();
        outcome.Succeeded.Should().BeFalse();
        await gateway.DidNotReceiveWithAnyArgs().GetLifecycleAsync(default!, default);
    }

    [Test]
    public async Task PlanAsync_BucketsNarrowed_PlansOnlyThoseAndReadsOnlyThose()
    {
        var (gateway, definitions) = Standard();
        var outcome = await Client(gateway, definitions).PlanAsync(["logs", "archive"]);

        outcome.Plan!.Buckets.Select(b => b.Bucket).Should().Equal("archive", "logs");
        gateway.CallCount(S3Operations.GetBucketLifecycleConfiguration).Should().Be(1);
    }

    [Test]
    public async Task PlanAsync_NarrowedToUndefinedBucket_ErrorNamesItAndReadsNothing()
    {
        var (gateway, definitions) = Standard();
        var outcome = await Client(gateway, definitions).PlanAsync(["logs", "lgos"]);

        var problem = outcome.Diagnostics.Should().ContainSingle().Subject;
        problem.Bucket.Should().Be("lgos");
        problem.Message.Should().Contain("no definition");
        outcome.Plan.Should().BeNull();
        gateway.CallCounts.Values.Sum().Should().Be(0);
    }

    [Test]
    public async Task PlanAsync_ManyBuckets_ReadConcurrencyBoundRespectedAndOrderByName()
    {
        var inner = new InMemoryS3Gateway();
        var names = Enumerable.Range(0, 24).Select(i => $"bucket-{(i * 7) % 24:D2}").ToArray();
        foreach (var name in names)
        {
            inner.SetLifecycle(name, LifecycleConfiguration.Of(Rule("a", "a/", 1)));
        }

        var gateway = new InstrumentedGateway(inner);
        var outcome = await Client(gateway, Source(names.Select(n => Toml(n, ("a", "a/", 2))).ToArray()), o => o.ReadConcurrency = 3).PlanAsync();

        gateway.MaxReadsInFlight.Should().BeInRange(2, 3);
        outcome.Plan!.Buckets.Select(b => b.Bucket).Should().BeInAscendingOrder(StringComparer.Ordinal).And.HaveCount(24);
        inner.CallCount(S3Operations.GetBucketLifecycleConfiguration).Should().Be(24);
    }

    [Test]
    public void Constructor_InvalidOptions_Throws()
    {
        var act = () => Client(new InMemoryS3Gateway(), Source(Array.Empty<string>()), o => o.WriteConcurrency = 0);

        act.Should().Throw<ArgumentOutOfRangeException>();
    }
}

using LakeCircle.Core.Gateways;
using LakeCircle.Core.Model;
using LakeCircle.Core.Planning;
using LakeCircle.Core.Sync;
using LakeCircle.Core.Tests.Support;

namespace LakeCircle.Core.Tests.Sync;

/// <summary>
/// Read-after-write verification without waiting: the first sighting within the bounded time is enough. It only reads;
/// restoring the previous configuration on a difference is the writing run's (see <see cref="LakeCircleClientTests"/>).
/// </summary>
public sealed partial class VerificationTests
{
    internal static readonly LifecycleRule Old = new() { Id = "old", Filter = new LifecycleFilter { Prefix = "old/" }, Expiration = new LifecycleExpiration { Days = 9 } };

    internal static readonly LifecycleRule Large = new()
    {
        Id = "large",
        Filter = new LifecycleFilter { And = new LifecycleAndOperator { Prefix = "big/", ObjectSizeGreaterThan = 1_073_741_824 } },
        Expiration = new LifecycleExpiration { Days = 30 },
        NoncurrentVersionExpiration = new NoncurrentVersionExpiration { NoncurrentDays = 5, NewerNoncurrentVersions = 3 },
    };

    internal static readonly LifecycleRule Other = new() { Id = "other", Filter = new LifecycleFilter { Prefix = "x/" }, Expiration = new LifecycleExpiration { Days = 2 } };

    private ManualTime _clock = null!;

    [SetUp]
    public void SetUp() => _clock = new ManualTime();

    /// <summary>A verification on the manual clock: waiting between reads moves the clock, nobody sleeps.</summary>
    private Verification Verifier(IS3Gateway gateway, VerificationPolicy? policy = null) =>
        new(gateway, policy ?? VerificationPolicy.Bounded(TimeSpan.FromSeconds(10)), _clock, (d, _) =>
        {
            _clock.Advance(d);
            return Task.CompletedTask;
        });

    private static BucketPlan PutPlan(LifecycleConfiguration? actual, LifecycleConfiguration toPut) =>
        new() { Bucket = "b", Status = BucketStatus.Change, Action = BucketAction.Put, Actual = actual, Desired = toPut, ConfigurationToPut = toPut };

    /// <summary>A server that drops size filters and NewerNoncurrentVersions, as Ceph 16.2 does.</summary>
    internal static LifecycleConfiguration Dropped(LifecycleConfiguration c) => c with
    {
        Rules = c.Rules.Select(r => r with
        {
            Filter = r.Filter?.And is { } and ? new LifecycleFilter { Prefix = and.Prefix } : r.Filter,
            NoncurrentVersionExpiration = r.NoncurrentVersionExpiration is { } n ? n with { NewerNoncurrentVersions = null } : null,
        }).ToValueList(),
    };

    /// <summary>The bucket 'b' with <paramref name="before"/>, written with <paramref name="sent"/> through a lagging gateway.</summary>
    private static async Task<(InMemoryS3Gateway Memory, LaggingGateway Gateway)> WrittenAsync(
        LifecycleConfiguration? before, LifecycleConfiguration sent, Action<LaggingGateway> server)
    {
        var memory = new InMemoryS3Gateway().AddBucket("b").SetLifecycle("b", before);
        var gateway = new LaggingGateway(memory);
        server(gateway);
        await gateway.PutLifecycleAsync("b", sent);
        return (memory, gateway);
    }

    [Test]
    public async Task CheckAsync_StoredAsSentInAnotherShape_Seen()
    {
        var memory = new InMemoryS3Gateway().AddBucket("b");
        var sent = LifecycleConfiguration.Of(new LifecycleRule { Id = "x", Filter = new LifecycleFilter { And = new LifecycleAndOperator { Prefix = "p/" } }, Expiration = new LifecycleExpiration { Days = 1 } });
        memory.SetLifecycle("b", LifecycleConfiguration.Of(sent.Rules[0] with { Filter = null, Prefix = "p/" }));

        var result = await Verifier(memory).CheckAsync(PutPlan(null, sent), CancellationToken.None);

        result.Outcome.Should().Be(VerificationOutcome.Seen);
        result.Message.Should().BeEmpty();
    }

    [Test]
    public async Task CheckAsync_ServerDropsFieldsAfterStaleReads_DifferentNamingThemAndWritesNothing()
    {
        var previous = LifecycleConfiguration.Of(Old);
        var sent = LifecycleConfiguration.Of(Large);
        var (memory, gateway) = await WrittenAsync(previous, sent, g => (g.Keep, g.StaleReads) = (Dropped, 3));

        var result = await Verifier(gateway).CheckAsync(PutPlan(previous, sent), CancellationToken.None);

        result.Outcome.Should().Be(VerificationOutcome.Different);
        result.Message.Should().Contain("Filter.ObjectSizeGreaterThan: 1073741824 -> (none)")
            .And.Contain("NoncurrentVersionExpiration.NewerNoncurrentVersions: 3 -> (none)");
        result.Differences.Should().Contain(d => d.Contains("ObjectSizeGreaterThan", StringComparison.Ordinal))
            .And.Contain(d => d.Contains("NewerNoncurrentVersions", StringComparison.Ordinal));
        gateway.LifecycleReads.Should().Be(5, "three stale reads, then the dropped configuration twice in a row");
        gateway.LifecycleWrites.Should().Be(1, "verification only reads: restoring is the writing run's");
        memory.PeekLifecycle("b")!.Rules.Should().Equal(Dropped(sent).Rules);
    }

    [Test]
    public async Task CheckAsync_BucketHadNoConfiguration_DifferentAndWritesNothing()
    {
        var sent = LifecycleConfiguration.Of(Large);
        var (memory, gateway) = await WrittenAsync(null, sent, g => g.Keep = Dropped);

        var result = await Verifier(gateway).CheckAsync(PutPlan(null, sent), CancellationToken.None);

        result.Outcome.Should().Be(VerificationOutcome.Different);
        result.Message.Should().Contain("did not keep what was written");
        gateway.LifecycleWrites.Should().Be(1);
        memory.PeekLifecycle("b")!.Rules.Should().Equal(Dropped(sent).Rules);
    }

    [Test]
    public async Task CheckAsync_PreviousShowsFirst_SeenOnceTheWriteShows()
    {
        var previous = LifecycleConfiguration.Of(Old);
        var sent = LifecycleConfiguration.Of(Large);
        var (_, gateway) = await WrittenAsync(previous, sent, g => g.StaleReads = 3);

        var result = await Verifier(gateway).CheckAsync(PutPlan(previous, sent), CancellationToken.None);

        result.Outcome.Should().Be(VerificationOutcome.Seen);
        gateway.LifecycleReads.Should().Be(4);
        gateway.LifecycleWrites.Should().Be(1, "nothing is restored");
    }

    [Test]
    public async Task CheckAsync_PreviousShowsUntilTimeout_NotVisibleAndWritesNothing()
    {
        var previous = LifecycleConfiguration.Of(Old);
        var sent = LifecycleConfiguration.Of(Large);
        var (memory, gateway) = await WrittenAsync(previous, sent, g => g.StaleReads = int.MaxValue);

        var result = await Verifier(gateway).CheckAsync(PutPlan(previous, sent), CancellationToken.None);

        result.Outcome.Should().Be(VerificationOutcome.NotVisible);
        result.Message.Should().StartWith("applied, not yet visible after 10 s");
        gateway.LifecycleWrites.Should().Be(1, "a good write is not rolled back");
        memory.PeekLifecycle("b")!.Rules.Should().Equal(sent.Rules);
        (_clock.GetUtcNow() - ManualTime.DefaultStart).Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(10));
    }

    [Test]
    public async Task CheckAsync_FlipsBetweenPreviousAndWritten_Seen()
    {
        var previous = LifecycleConfiguration.Of(Old);
        var sent = LifecycleConfiguration.Of(Large);
        var (_, gateway) = await WrittenAsync(previous, sent, g => g.Flip = true);

        var result = await Verifier(gateway).CheckAsync(PutPlan(previous, sent), CancellationToken.None);

        result.Outcome.Should().Be(VerificationOutcome.Seen);
        gateway.LifecycleReads.Should().Be(2);
        gateway.LifecycleWrites.Should().Be(1);
    }
}

using LakeCircle.Core.Gateways;
using LakeCircle.Core.Model;
using LakeCircle.Core.Planning;
using LakeCircle.Core.Tests.Recovery;
using LakeCircle.Core.Workflows;
using NSubstitute;

namespace LakeCircle.Core.Tests.Workflows;

/// <summary>Read-after-write verification without waiting: the first sighting within the bounded time is enough.</summary>
public sealed partial class WriteVerifierTests
{
    private static readonly LifecycleRule Old = new() { Id = "old", Filter = new LifecycleFilter { Prefix = "old/" }, Expiration = new LifecycleExpiration { Days = 9 } };

    private static readonly LifecycleRule Large = new()
    {
        Id = "large",
        Filter = new LifecycleFilter { And = new LifecycleAndOperator { Prefix = "big/", ObjectSizeGreaterThan = 1_073_741_824 } },
        Expiration = new LifecycleExpiration { Days = 30 },
        NoncurrentVersionExpiration = new NoncurrentVersionExpiration { NoncurrentDays = 5, NewerNoncurrentVersions = 3 },
    };

    private static readonly LifecycleRule Other = new() { Id = "other", Filter = new LifecycleFilter { Prefix = "x/" }, Expiration = new LifecycleExpiration { Days = 2 } };

    private ManualTime _clock = null!;

    [SetUp]
    public void SetUp() => _clock = new ManualTime();

    /// <summary>A verifier on the manual clock: waiting between reads moves the clock, nobody sleeps.</summary>
    private WriteVerifier Verifier(IS3Gateway gateway, VerificationPolicy? policy = null) =>
        new(gateway, policy ?? VerificationPolicy.Bounded(TimeSpan.FromSeconds(10)), _clock, (d, _) =>
        {
            _clock.Advance(d);
            return Task.CompletedTask;
        });

    private static BucketPlan PutPlan(LifecycleConfiguration? actual, LifecycleConfiguration toPut) =>
        new() { Bucket = "b", Status = BucketStatus.Change, Action = BucketAction.Put, Actual = actual, Desired = toPut, ConfigurationToPut = toPut };

    /// <summary>A server that drops size filters and NewerNoncurrentVersions, as Ceph 16.2 does.</summary>
    private static LifecycleConfiguration Dropped(LifecycleConfiguration c) => c with
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
    public async Task AfterWriteAsync_StoredAsSentInAnotherShape_Succeeds()
    {
        var memory = new InMemoryS3Gateway().AddBucket("b");
        var sent = LifecycleConfiguration.Of(new LifecycleRule { Id = "x", Filter = new LifecycleFilter { And = new LifecycleAndOperator { Prefix = "p/" } }, Expiration = new LifecycleExpiration { Days = 1 } });
        memory.SetLifecycle("b", LifecycleConfiguration.Of(sent.Rules[0] with { Filter = null, Prefix = "p/" }));

        var act = () => Verifier(memory).AfterWriteAsync(PutPlan(null, sent), CancellationToken.None);

        await act.Should().NotThrowAsync();
    }

    [Test]
    public async Task AfterWriteAsync_ServerDropsFieldsAfterStaleReads_FailsNamingThemAndRestoresPrevious()
    {
        var previous = LifecycleConfiguration.Of(Old);
        var sent = LifecycleConfiguration.Of(Large);
        var (memory, gateway) = await WrittenAsync(previous, sent, g => (g.Keep, g.StaleReads) = (Dropped, 3));

        var act = () => Verifier(gateway).AfterWriteAsync(PutPlan(previous, sent), CancellationToken.None);

        var error = (await act.Should().ThrowAsync<WriteVerificationException>()).Which;
        error.Message.Should().Contain("Filter.ObjectSizeGreaterThan: 1073741824 -> (none)")
            .And.Contain("NoncurrentVersionExpiration.NewerNoncurrentVersions: 3 -> (none)")
            .And.Contain("previous configuration was restored");
        gateway.LifecycleReads.Should().Be(5, "three stale reads, then the dropped configuration twice in a row");
        memory.PeekLifecycle("b")!.Rules.Should().Equal(Old);
    }

    [Test]
    public async Task AfterWriteAsync_BucketHadNoConfiguration_DeletesWhatWasWritten()
    {
        var sent = LifecycleConfiguration.Of(Large);
        var (memory, gateway) = await WrittenAsync(null, sent, g => g.Keep = Dropped);

        var act = () => Verifier(gateway).AfterWriteAsync(PutPlan(null, sent), CancellationToken.None);

        (await act.Should().ThrowAsync<WriteVerificationException>()).Which.Message.Should().Contain("deleted");
        memory.PeekLifecycle("b").Should().BeNull();
    }

    [Test]
    public async Task AfterWriteAsync_PreviousShowsFirst_AppliedOnceTheWriteShows()
    {
        var previous = LifecycleConfiguration.Of(Old);
        var sent = LifecycleConfiguration.Of(Large);
        var (_, gateway) = await WrittenAsync(previous, sent, g => g.StaleReads = 3);

        await Verifier(gateway).AfterWriteAsync(PutPlan(previous, sent), CancellationToken.None);

        gateway.LifecycleReads.Should().Be(4);
        gateway.LifecycleWrites.Should().Be(1, "nothing is restored");
    }

    [Test]
    public async Task AfterWriteAsync_PreviousShowsUntilTimeout_AppliedNotVisibleAndNotRestored()
    {
        var previous = LifecycleConfiguration.Of(Old);
        var sent = LifecycleConfiguration.Of(Large);
        var (memory, gateway) = await WrittenAsync(previous, sent, g => g.StaleReads = int.MaxValue);

        var act = () => Verifier(gateway).AfterWriteAsync(PutPlan(previous, sent), CancellationToken.None);

        (await act.Should().ThrowAsync<WriteNotVisibleException>()).Which.Message.Should().StartWith("applied, not yet visible after 10 s");
        gateway.LifecycleWrites.Should().Be(1, "a good write is not rolled back");
        memory.PeekLifecycle("b")!.Rules.Should().Equal(sent.Rules);
        (_clock.GetUtcNow() - ManualTime.DefaultStart).Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(10));
    }

    [Test]
    public async Task AfterWriteAsync_FlipsBetweenPreviousAndWritten_Applied()
    {
        var previous = LifecycleConfiguration.Of(Old);
        var sent = LifecycleConfiguration.Of(Large);
        var (_, gateway) = await WrittenAsync(previous, sent, g => g.Flip = true);

        await Verifier(gateway).AfterWriteAsync(PutPlan(previous, sent), CancellationToken.None);

        gateway.LifecycleReads.Should().Be(2);
        gateway.LifecycleWrites.Should().Be(1);
    }
}

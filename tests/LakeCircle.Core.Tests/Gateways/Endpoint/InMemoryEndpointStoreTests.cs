using LakeCircle.Core.Archive;
using LakeCircle.Core.Gateways;
using LakeCircle.Core.Locking;
using LakeCircle.Core.Sync;
using LakeCircle.Core.Tests.Support;

namespace LakeCircle.Core.Tests.Gateways;

/// <summary>What the memory store adds to the contract of <see cref="EndpointStoreTests"/>.</summary>
public sealed class InMemoryEndpointStoreTests
{
    [Test]
    public async Task Objects_WriteListReadDelete_KeepOrdinalOrder()
    {
        var store = new InMemoryEndpointStore();

        await store.WriteAsync("h/2", new byte[] { 2 });
        await store.WriteAsync("h/1", new byte[] { 1 });
        await store.WriteAsync("H/0", new byte[] { 0 });
        await store.WriteAsync("other", new byte[] { 3 });

        (await store.ListAsync("h/")).Should().Equal("h/1", "h/2");
        (await store.ListAsync("")).Should().Equal("H/0", "h/1", "h/2", "other");
        (await store.TryReadAsync("h/2")).Should().Equal(2);
        await store.DeleteAsync("h/2");
        await store.DeleteAsync("never-there");
        (await store.TryReadAsync("h/2")).Should().BeNull();
        store.Keys.Should().Equal("H/0", "h/1", "other");
    }

    [Test]
    public async Task CreateExclusiveAsync_ExistingKey_ReturnsFalseAndKeepsContent()
    {
        var store = new InMemoryEndpointStore();
        await store.WriteAsync("lock", new byte[] { 1 });

        (await store.CreateExclusiveAsync("lock", new byte[] { 9 })).Should().BeFalse();
        (await store.TryReadAsync("lock")).Should().Equal(1);
        (await store.CreateExclusiveAsync("fresh", new byte[] { 5 })).Should().BeTrue();
        (await store.TryReadAsync("fresh")).Should().Equal(5);
    }

    [Test]
    public async Task CreateExclusiveAsync_ManyConcurrentTakers_ExactlyOneWins()
    {
        var store = new InMemoryEndpointStore();

        var results = await Task.WhenAll(Enumerable.Range(0, 200).Select(i => Task.Run(() => store.CreateExclusiveAsync("lock", new[] { (byte)i }))));

        results.Count(r => r).Should().Be(1);
    }

    [Test]
    public async Task WriteAsync_ContentChangedAfterwards_KeepsWhatWasWritten()
    {
        var store = new InMemoryEndpointStore();
        var content = new byte[] { 1, 2 };

        await store.WriteAsync("k", content);
        content[0] = 9;
        var read = (await store.TryReadAsync("k"))!;
        read[1] = 9;

        (await store.TryReadAsync("k")).Should().Equal(1, 2);
    }

    [Test]
    public void Describe_Key_NamesTheMemoryStore()
    {
        var store = new InMemoryEndpointStore("state", "prod");

        store.Describe("log/a.json").Should().Be("memory://state/prod/log/a.json");
        store.Location.Should().Be(EndpointLocation.S3("state", "prod/"));
        new InMemoryEndpointStore().Describe("k").Should().Be("memory://memory/k");
    }

    [Test]
    public async Task AnyCall_CancelledToken_IsCancelled()
    {
        var store = new InMemoryEndpointStore();

        await FluentActions.Awaiting(() => store.TryReadAsync("k", new CancellationToken(canceled: true))).Should().ThrowAsync<OperationCanceledException>();
        await FluentActions.Awaiting(() => store.WriteAsync("k", new byte[] { 1 }, new CancellationToken(canceled: true))).Should().ThrowAsync<OperationCanceledException>();
        store.Keys.Should().BeEmpty();
    }
}

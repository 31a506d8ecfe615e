using LakeCircle.Core.Archive;
using LakeCircle.Core.Gateways;
using LakeCircle.Core.Locking;
using LakeCircle.Core.Sync;
using LakeCircle.Core.Tests.Support;

namespace LakeCircle.Core.Tests.Locking;

/// <summary>Two runs taking over the same lapsed lock: only one may win.</summary>
public sealed class RunLockRaceTests
{
    [Test]
    public async Task AcquireAsync_AnotherRunTakesOverFirst_Refused()
    {
        var time = new ManualTime();
        using var folder = new TempFolder();
        var inner = new LocalEndpointStore(folder.Path);
        await new RunLock(inner, time, owner: "old@host:1").AcquireAsync("run-old");
        time.Advance(TimeSpan.FromHours(1));
        var rival = new RunLock(inner, time, owner: "rival@host:2");
        var store = new InterleavingStore(inner, afterDelete: () => rival.AcquireAsync("run-rival"));

        var attempt = await new RunLock(store, time, owner: "late@host:3").AcquireAsync("run-late");

        attempt.Acquired.Should().BeFalse();
        attempt.Holder!.Owner.Should().Be("rival@host:2");
        (await rival.ReadAsync())!.RunId.Should().Be("run-rival");
    }

    [Test]
    public async Task AcquireAsync_RivalOverwritesAfterOurCreate_RecheckRefuses()
    {
        var time = new ManualTime();
        using var folder = new TempFolder();
        var inner = new LocalEndpointStore(folder.Path);
        await new RunLock(inner, time, owner: "old@host:1").AcquireAsync("run-old");
        time.Advance(TimeSpan.FromHours(1));
        var rivalContent = RecoveryJson.Serialize(new RunLockHolder
        {
            Owner = "rival@host:2", RunId = "run-rival", StartedAt = time.GetUtcNow(), ExpiresAt = time.GetUtcNow().AddMinutes(30),
        });
        var creates = 0;
        var store = new InterleavingStore(inner, afterCreate: async () =>
        {
            if (++creates == 1)
            {
                await inner.WriteAsync(RunLock.Key, rivalContent);
            }
        });

        var attempt = await new RunLock(store, time, owner: "late@host:3").AcquireAsync("run-late");

        attempt.Acquired.Should().BeFalse();
        attempt.Holder!.RunId.Should().Be("run-rival");
    }

    /// <summary>A store that lets a rival act between the steps of a takeover.</summary>
    private sealed class InterleavingStore(IEndpointStore inner, Func<Task>? afterDelete = null, Func<Task>? afterCreate = null) : IEndpointStore
    {
        public EndpointLocation Location => inner.Location;

        public Task WriteAsync(string relativeKey, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default) =>
            inner.WriteAsync(relativeKey, content, cancellationToken);

        public Task<byte[]?> TryReadAsync(string relativeKey, CancellationToken cancellationToken = default) =>
            inner.TryReadAsync(relativeKey, cancellationToken);

        public Task<IReadOnlyList<string>> ListAsync(string relativePrefix, CancellationToken cancellationToken = default) =>
            inner.ListAsync(relativePrefix, cancellationToken);

        public async Task<bool> CreateExclusiveAsync(string relativeKey, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
        {
            var created = await inner.CreateExclusiveAsync(relativeKey, content, cancellationToken);
            if (created && afterCreate is not null)
            {
                await afterCreate();
            }

            return created;
        }

        public async Task DeleteAsync(string relativeKey, CancellationToken cancellationToken = default)
        {
            await inner.DeleteAsync(relativeKey, cancellationToken);
            if (afterDelete is not null)
            {
                await afterDelete();
            }
        }

        public string Describe(string relativeKey) => inner.Describe(relativeKey);
    }
}

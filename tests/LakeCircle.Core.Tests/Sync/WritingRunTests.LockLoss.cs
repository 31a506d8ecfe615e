using LakeCircle.Core.Archive;
using LakeCircle.Core.Gateways;
using LakeCircle.Core.Locking;
using LakeCircle.Core.Sync;
using static LakeCircle.Core.Tests.Sync.WritingRunSupport;
using static LakeCircle.Core.Tests.Support.WorkflowFixtures;

namespace LakeCircle.Core.Tests.Sync;

/// <summary>A lock taken over by another run while this one goes on: noticed before each write and at the end, an error of the run.</summary>
public sealed partial class WritingRunTests
{
    /// <summary>Puts another run's holding in <c>lock.json</c>, as a run that took a lapsed lock over would.</summary>
    private async Task StealLockAsync(IEndpointStore store)
    {
        await store.DeleteAsync(RunLock.Key);
        await new RunLock(store, _time, owner: "thief@host:7").AcquireAsync("thief");
    }

    [Test]
    public async Task SyncAsync_LockTakenOverBetweenTwoWrites_StopsBeforeTheNextWriteAndFailsTheRun()
    {
        var (inner, definitions) = Standard();
        var store = new LocalEndpointStore(_folder.Path);
        var writes = new List<string>();
        var gateway = new WriteHookGateway(inner)
        {
            AfterWrite = async (bucket, _) =>
            {
                writes.Add(bucket);
                await StealLockAsync(store);
            },
        };
        await using var client = Client(gateway, definitions, store, o => o.WriteConcurrency = 1);

        var outcome = await client.SyncAsync();

        writes.Should().ContainSingle("the loss is noticed before the second write, not at the next renewal");
        outcome.Status.Should().Be(RunStatus.Failed);
        outcome.Errors.Should().ContainSingle().Which.Should().Contain("was taken by another run");
        var record = await SingleRecordAsync(store);
        record.Succeeded.Should().BeFalse();
        record.Errors.Should().Contain(e => e.Contains("was taken by another run", StringComparison.Ordinal));
        (await new RunLock(store, _time).ReadAsync())!.Owner.Should().Be("thief@host:7", "the other run's lock is left alone");
    }

    [Test]
    public async Task SyncAsync_LockTakenOverAfterTheLastWrite_IsAnErrorOfTheRunInItsRecord()
    {
        var (inner, definitions) = Standard();
        var store = new LocalEndpointStore(_folder.Path);
        var remaining = 2;
        var gateway = new WriteHookGateway(inner)
        {
            AfterWrite = async (_, _) =>
            {
                if (Interlocked.Decrement(ref remaining) == 0)
                {
                    await StealLockAsync(store);
                }
            },
        };
        await using var client = Client(gateway, definitions, store, o => o.WriteConcurrency = 1);

        var outcome = await client.SyncAsync();

        outcome.Buckets.Should().OnlyContain(b => b.Result == BucketResult.Applied, "both writes were made under the lock");
        outcome.Status.Should().Be(RunStatus.Failed);
        (await SingleRecordAsync(store)).Succeeded.Should().BeFalse("a lock lost during the run is recorded as an error, not a warning");
    }

    [Test]
    public async Task AcquireAsync_CreateAppliedButItsAnswerLost_HoldsTheLockInsteadOfLeavingIt()
    {
        var store = new AnswerLostStore(new InMemoryEndpointStore());
        var runLock = new RunLock(store, _time, owner: "me@host:1");

        var attempt = await runLock.AcquireAsync("mine");

        attempt.Acquired.Should().BeTrue("the lock read back holds this run's own content");
        (await runLock.ReadAsync())!.RunId.Should().Be("mine");
        (await runLock.ReleaseAsync(attempt.Holder!)).Should().BeTrue("the run can release what it holds");
    }

    [Test]
    public async Task AcquireAsync_CreateFailedAndNothingThere_Throws()
    {
        var store = new AnswerLostStore(new InMemoryEndpointStore()) { Apply = false };

        var act = () => new RunLock(store, _time).AcquireAsync("mine");

        await act.Should().ThrowAsync<S3GatewayException>().WithMessage("*timed out*");
    }

    /// <summary>A store whose exclusive create is applied (or not) but whose answer is lost, as on a timeout.</summary>
    private sealed class AnswerLostStore(InMemoryEndpointStore inner) : IEndpointStore
    {
        public bool Apply { get; init; } = true;

        public EndpointLocation Location => ((IEndpointStore)inner).Location;

        public Task WriteAsync(string relativeKey, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default) =>
            inner.WriteAsync(relativeKey, content, cancellationToken);

        public Task<byte[]?> TryReadAsync(string relativeKey, CancellationToken cancellationToken = default) => inner.TryReadAsync(relativeKey, cancellationToken);

        public Task<IReadOnlyList<string>> ListAsync(string relativePrefix, CancellationToken cancellationToken = default) =>
            inner.ListAsync(relativePrefix, cancellationToken);

        public async Task<bool> CreateExclusiveAsync(string relativeKey, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
        {
            if (Apply)
            {
                await inner.CreateExclusiveAsync(relativeKey, content, cancellationToken);
            }

            throw new S3GatewayException(S3ErrorKind.Transient, S3Operations.PutObject, "memory", "The operation has timed out.");
        }

        public Task DeleteAsync(string relativeKey, CancellationToken cancellationToken = default) => inner.DeleteAsync(relativeKey, cancellationToken);

        public string Describe(string relativeKey) => inner.Describe(relativeKey);
    }
}

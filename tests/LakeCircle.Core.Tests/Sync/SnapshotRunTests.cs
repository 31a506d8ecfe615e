using LakeCircle.Core.Archive;
using LakeCircle.Core.Definitions;
using LakeCircle.Core.Gateways;
using LakeCircle.Core.Model;
using LakeCircle.Core.Planning;
using LakeCircle.Core.Sync;
using LakeCircle.Core.Tests.Faults;
using LakeCircle.Core.Tests.Support;

namespace LakeCircle.Core.Tests.Sync;

/// <summary>
/// Writing runs over an account snapshot file (the fault world's 50 drifted buckets and two unmanaged ones, saved as a
/// snapshot): the file is saved once, when the run's writes end, before the run record; a run cancelled midway saves the
/// writes it made; a process killed midway leaves the file as before the run, and a rerun then converges with a rollback
/// still reaching every original; a save that fails fails the run, naming the file, and no write counts as applied.
/// </summary>
[TestFixture]
internal sealed class SnapshotRunTests
{
    private FaultWorld _world = null!;
    private TempFolder _folder = null!;
    private string _path = "";
    private byte[] _before = [];
    private Dictionary<string, LifecycleConfiguration?> _original = null!;

    [SetUp]
    public async Task CreateSnapshotAsync()
    {
        _world = new FaultWorld();
        _folder = new TempFolder();
        _path = _folder.File("account.json");
        _original = new Dictionary<string, LifecycleConfiguration?>(StringComparer.Ordinal);
        foreach (var bucket in await _world.Store.ListBucketsAsync())
        {
            _original[bucket] = _world.Store.PeekLifecycle(bucket);
        }

        await SnapshotS3Gateway.CreateAsync(_path, TestClient.Account, "eu-west-1", _original);
        _before = await File.ReadAllBytesAsync(_path);
    }

    [TearDown]
    public void DeleteFolders()
    {
        _world.Dispose();
        _folder.Dispose();
    }

    [Test]
    public async Task Sync_SavesTheFileOnceWhenTheWritesEnd_BeforeTheRunRecord()
    {
        var snapshot = new WatchedSnapshot(await SnapshotS3Gateway.OpenAsync(_path));
        var flushesAtRecord = new List<int>();
        var endpoint = new RecordingStore(_world.Endpoint, key =>
        {
            if (key.StartsWith(RunLog.Folder, StringComparison.Ordinal))
            {
                flushesAtRecord.Add(snapshot.Flushes);
            }
        });

        RunOutcome outcome;
        await using (var client = Client(snapshot, endpoint))
        {
            outcome = await client.SyncAsync();
        }

        outcome.Succeeded.Should().BeTrue(string.Join("; ", outcome.Errors));
        snapshot.Written.Should().HaveCountGreaterThan(10);
        snapshot.Samples.Should().HaveCount(2 * snapshot.Written.Count)
            .And.OnlyContain(s => Enumerable.SequenceEqual(s, _before), "no write reaches the file before the run's writes end");
        snapshot.Flushes.Should().Be(1);
        flushesAtRecord.Should().NotBeEmpty().And.OnlyContain(f => f == 1, "the record is written once the file is saved");
        Directory.GetFiles(_folder.Path).Should().Equal([_path], "the temporary file is renamed over the snapshot");
        await ReadFileShouldHoldAsync(snapshot.Written);
        (await PlanAsync()).HasChanges.Should().BeFalse("the file holds every write of the run");
    }

    [Test]
    public async Task Sync_CancelledAfterSomeWrites_SavesTheWritesMade_ThenRerunConvergesAndRollbackReachesTheOriginals()
    {
        var planned = await PlannedChangesAsync();
        using var run = new CancellationTokenSource();
        var snapshot = new WatchedSnapshot(await SnapshotS3Gateway.OpenAsync(_path))
        {
            AfterWrite = n =>
            {
                if (n == 12)
                {
                    run.Cancel();
                }
            },
        };

        await using (var client = Client(snapshot))
        {
            var act = () => client.SyncAsync(cancellationToken: run.Token);
            await act.Should().ThrowAsync<OperationCanceledException>();
        }

        snapshot.Written.Should().HaveCount(12);
        snapshot.Flushes.Should().Be(1, "a cancelled run saves the writes it made");
        snapshot.Samples.Should().OnlyContain(s => Enumerable.SequenceEqual(s, _before));
        await ReadFileShouldHoldAsync(snapshot.Written);

        await RerunAndRollBackAsync(planned);
    }

    [TestCase(1)]
    [TestCase(12)]
    [TestCase(26)]
    public async Task Sync_ProcessKilledAfterAWrite_LeavesTheFileAsBeforeTheRun_ThenRerunConvergesAndRollbackReachesTheOriginals(int killedAfter)
    {
        var planned = await PlannedChangesAsync();
        planned.Should().HaveCountGreaterThan(killedAfter);

        // What the disk holds at the moment of the kill: the snapshot file and the endpoint folder (archive, lock, no record).
        using var disk = new TempFolder();
        using var run = new CancellationTokenSource();
        var snapshot = new WatchedSnapshot(await SnapshotS3Gateway.OpenAsync(_path))
        {
            AfterWrite = n =>
            {
                if (n == killedAfter)
                {
                    File.Copy(_path, disk.File("account.json"));
                    CopyFolder(_world.EndpointFolder, disk.File("endpoint"));
                    run.Cancel();
                }
            },
        };

        await using (var client = Client(snapshot))
        {
            var act = () => client.SyncAsync(cancellationToken: run.Token);
            await act.Should().ThrowAsync<OperationCanceledException>();
        }

        // The process never got further: what it did after the kill point is gone.
        (await File.ReadAllBytesAsync(disk.File("account.json"))).Should().Equal(_before, "the file is written once, when the run's writes end");
        File.Copy(disk.File("account.json"), _path, overwrite: true);
        Directory.Delete(_world.EndpointFolder, recursive: true);
        CopyFolder(disk.File("endpoint"), _world.EndpointFolder);
        Directory.EnumerateFiles(_world.EndpointFolder, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(_world.EndpointFolder, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Should().Contain(k => k.StartsWith(ConfigurationArchive.HistoryFolder, StringComparison.Ordinal))
            .And.NotContain(k => k.StartsWith(RunLog.Folder, StringComparison.Ordinal), "the killed run wrote no record");

        // A rollback of a bucket written before the kill finds nothing to put back: its original is still in place.
        await using (var client = Client(await SnapshotS3Gateway.OpenAsync(_path)))
        {
            var rollback = await client.RollbackAsync(snapshot.Written.Keys.First());
            rollback.Status.Should().Be(RunStatus.Stopped);
            rollback.Error.Should().StartWith("No stored configuration of bucket");
        }

        (await File.ReadAllBytesAsync(_path)).Should().Equal(_before);

        // The lock of the killed run lapses; the next run takes it over.
        _world.Time.Advance(LakeCircleClientOptions.DefaultLockTimeToLive + TimeSpan.FromMinutes(1));
        (await PlanAsync()).Plan!.Buckets.Where(b => b.Action != BucketAction.None).Select(b => b.Bucket)
            .Should().BeEquivalentTo(planned, "the file still holds every configuration from before the killed run");
        await RerunAndRollBackAsync(planned);
    }

    [Test]
    public async Task Sync_SnapshotCannotBeSaved_FailsNamingTheFile_NoWriteCountsAsApplied_AndTheGatewayShowsTheFile()
    {
        var gateway = await SnapshotS3Gateway.OpenAsync(_path);
        var snapshot = new WatchedSnapshot(gateway)
        {
            AfterWrite = n =>
            {
                if (n == 1)
                {
                    // The save's rename cannot replace a folder.
                    File.Delete(_path);
                    Directory.CreateDirectory(_path);
                }
            },
        };

        RunOutcome outcome;
        await using (var client = Client(snapshot))
        {
            outcome = await client.SyncAsync();
        }

        outcome.Succeeded.Should().BeFalse();
        outcome.Status.Should().Be(RunStatus.Failed);
        outcome.Errors.Should().ContainSingle().Which.Should().Contain($"Could not save the snapshot file '{_path}'")
            .And.Contain($"the {snapshot.Written.Count} writes not saved were undone");
        outcome.Buckets.Should().NotBeEmpty().And.OnlyContain(b => b.Result == BucketResult.Failed);
        outcome.Buckets.Where(b => snapshot.Written.ContainsKey(b.Bucket)).Should().OnlyContain(b => b.Error!.StartsWith("written, but not saved: Could not save the snapshot file", StringComparison.Ordinal));
        var record = await WritingRunSupport.SingleRecordAsync(_world.Endpoint);
        record.Errors.Should().ContainSingle().Which.Should().Contain(_path);
        foreach (var bucket in snapshot.Written.Keys)
        {
            (await gateway.GetLifecycleAsync(bucket)).Should().Be(_original[bucket], "a write the file does not hold is undone");
        }

        gateway.UnsavedWrites.Should().Be(0);
    }

    /// <summary>The file read back holds the written configuration (as stored) of each bucket written, the original of every other.</summary>
    private async Task ReadFileShouldHoldAsync(IReadOnlyDictionary<string, LifecycleConfiguration?> written)
    {
        var read = await SnapshotS3Gateway.OpenAsync(_path);
        (await read.ListBucketsAsync()).Should().BeEquivalentTo(_original.Keys);
        foreach (var (bucket, original) in _original)
        {
            (await read.GetLifecycleAsync(bucket)).Should().Be(written.TryGetValue(bucket, out var stored) ? stored : original, bucket);
        }
    }

    /// <summary>A run over the file as it is converges; then a rollback of each changed bucket puts its original back (one is made).</summary>
    private async Task RerunAndRollBackAsync(IReadOnlyList<string> planned)
    {
        await using (var client = Client(await SnapshotS3Gateway.OpenAsync(_path)))
        {
            var rerun = await client.SyncAsync();
            rerun.Succeeded.Should().BeTrue(string.Join("; ", rerun.Errors.Concat(rerun.Buckets.Select(b => b.Error ?? ""))));
        }

        (await PlanAsync()).HasChanges.Should().BeFalse();
        var rolledBack = planned.First(b => _original[b] is not null);
        await using (var client = Client(await SnapshotS3Gateway.OpenAsync(_path)))
        {
            foreach (var bucket in planned)
            {
                var version = (await client.PlanRollbackAsync(bucket)).RestoredVersion;
                version.Should().NotBeNull(bucket);
                FaultWorld.Fingerprint(version!.Configuration).Should().Be(FaultWorld.Fingerprint(_original[bucket]), bucket);
            }

            (await client.RollbackAsync(rolledBack)).Succeeded.Should().BeTrue();
        }

        var now = await (await SnapshotS3Gateway.OpenAsync(_path)).GetLifecycleAsync(rolledBack);
        ConfigurationComparison.SameMeaning(_original[rolledBack], now).Should().BeTrue("the rollback reached the file (S3 stores a PUT without a minimum size with its default)");
    }

    private async Task<IReadOnlyList<string>> PlannedChangesAsync() =>
        (await PlanAsync()).Plan!.Buckets.Where(b => b.Action != BucketAction.None).Select(b => b.Bucket).ToList();

    private async Task<PlanOutcome> PlanAsync()
    {
        await using var client = Client(await SnapshotS3Gateway.OpenAsync(_path));
        return await client.PlanAsync();
    }

    private LakeCircleClient Client(IS3Gateway gateway, IEndpointStore? endpoint = null)
    {
        _world.Time.Advance(TimeSpan.FromSeconds(1));
        var options = TestClient.Options(_world.Time);
        options.WriteConcurrency = 1;
        return TestClient.Create(gateway, new LocalDefinitionSource(_world.DefinitionFolder), endpoint ?? _world.Endpoint, options);
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}

/// <summary>
/// A snapshot gateway watched from outside: the file's bytes before and after each PUT and DELETE (what a process
/// killed at that point leaves on disk), each bucket written and what the gateway then stores, the saves asked for, and
/// a step after the n-th write (counted from 1). It forwards <see cref="IBufferedGateway.FlushAsync"/>, as a decorator must.
/// </summary>
internal sealed class WatchedSnapshot(SnapshotS3Gateway inner) : IS3Gateway, IBufferedGateway
{
    private readonly Lock _sync = new();
    private readonly Dictionary<string, LifecycleConfiguration?> _written = new(StringComparer.Ordinal);
    private int _flushes;

    public Action<int>? AfterWrite { get; init; }

    public List<byte[]> Samples { get; } = [];

    public IReadOnlyDictionary<string, LifecycleConfiguration?> Written => _written;

    public int Flushes => Volatile.Read(ref _flushes);

    public Task<IReadOnlyList<string>> ListBucketsAsync(CancellationToken cancellationToken = default) => inner.ListBucketsAsync(cancellationToken);

    public Task<LifecycleConfiguration?> GetLifecycleAsync(string bucket, CancellationToken cancellationToken = default) => inner.GetLifecycleAsync(bucket, cancellationToken);

    public Task PutLifecycleAsync(string bucket, LifecycleConfiguration configuration, CancellationToken cancellationToken = default) =>
        WatchAsync(bucket, () => inner.PutLifecycleAsync(bucket, configuration, cancellationToken));

    public Task DeleteLifecycleAsync(string bucket, CancellationToken cancellationToken = default) =>
        WatchAsync(bucket, () => inner.DeleteLifecycleAsync(bucket, cancellationToken));

    public Task FlushAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _flushes);
        return inner.FlushAsync(cancellationToken);
    }

    private async Task WatchAsync(string bucket, Func<Task> write)
    {
        Sample();
        await write();
        var stored = await inner.GetLifecycleAsync(bucket);
        int number;
        lock (_sync)
        {
            _written[bucket] = stored;
            number = _written.Count;
        }

        Sample();
        AfterWrite?.Invoke(number);
    }

    private void Sample()
    {
        var bytes = File.Exists(inner.FilePath) ? File.ReadAllBytes(inner.FilePath) : [];
        lock (_sync)
        {
            Samples.Add(bytes);
        }
    }
}

using System.Text.Json;
using LakeCircle.Core.Archive;
using LakeCircle.Core.Gateways;
using LakeCircle.Core.Locking;
using LakeCircle.Core.Sync;
using LakeCircle.Core.Tests.Support;

namespace LakeCircle.Core.Tests.Locking;

[TestFixture("local")]
[TestFixture("s3")]
[TestFixture("memory")]
public sealed class RunLockTests(string kind)
{
    private TempFolder _folder = null!;
    private IEndpointStore _store = null!;
    private ManualTime _time = null!;

    [SetUp]
    public void SetUp()
    {
        _folder = new TempFolder();
        _store = kind switch
        {
            "local" => new LocalEndpointStore(_folder.Path),
            "memory" => new InMemoryEndpointStore("state", "prod/"),
            _ => new S3EndpointStore(new S3ObjectStub("state").Client, "state", "prod/"),
        };
        _time = new ManualTime();
    }

    [TearDown]
    public void TearDown() => _folder.Dispose();

    private RunLock Lock(string owner) => new(_store, _time, TimeSpan.FromMinutes(30), owner);

    [Test]
    public async Task AcquireAsync_NoLock_AcquiresAndWritesTheHolding()
    {
        var attempt = await Lock("ana@build-1:42").AcquireAsync("run-a");

        attempt.Acquired.Should().BeTrue();
        attempt.Holder.Should().Be(new RunLockHolder
        {
            Owner = "ana@build-1:42", RunId = "run-a", StartedAt = ManualTime.DefaultStart, ExpiresAt = ManualTime.DefaultStart.AddMinutes(30),
        });
        using var json = JsonDocument.Parse((await _store.TryReadAsync("lock.json"))!);
        json.RootElement.EnumerateObject().Select(p => p.Name).Should().Equal("owner", "runId", "startedAt", "expiresAt");
        json.RootElement.GetProperty("owner").GetString().Should().Be("ana@build-1:42");
    }

    [Test]
    public async Task AcquireAsync_HeldByAnother_RefusedWithTheHoldersDetails()
    {
        await Lock("ana@build-1:42").AcquireAsync("run-a");
        _time.Advance(TimeSpan.FromMinutes(29));

        var attempt = await Lock("bob@build-2:7").AcquireAsync("run-b");

        attempt.Acquired.Should().BeFalse();
        attempt.Holder!.Owner.Should().Be("ana@build-1:42");
        attempt.Holder.RunId.Should().Be("run-a");
        attempt.Message.Should().Contain("ana@build-1:42").And.Contain("run-a");
        (await Lock("x").ReadAsync())!.RunId.Should().Be("run-a");
    }

    [Test]
    public async Task AcquireAsync_Expired_TakesOver()
    {
        var first = await Lock("ana@build-1:42").AcquireAsync("run-a");
        _time.Advance(TimeSpan.FromMinutes(30));

        var attempt = await Lock("bob@build-2:7").AcquireAsync("run-b");

        attempt.Acquired.Should().BeTrue();
        attempt.TakenOverFrom.Should().Be(first.Holder);
        attempt.Holder!.RunId.Should().Be("run-b");
        (await Lock("x").ReadAsync()).Should().Be(attempt.Holder);
    }

    [Test]
    public async Task RenewAsync_Own_ExtendsSoAnotherRunIsStillRefused()
    {
        var runLock = Lock("ana@build-1:42");
        var held = (await runLock.AcquireAsync("run-a")).Holder!;
        _time.Advance(TimeSpan.FromMinutes(20));

        var renewed = await runLock.RenewAsync(held);
        _time.Advance(TimeSpan.FromMinutes(20));

        renewed!.ExpiresAt.Should().Be(ManualTime.DefaultStart.AddMinutes(50));
        (await Lock("bob@build-2:7").AcquireAsync("run-b")).Acquired.Should().BeFalse();
    }

    [Test]
    public async Task RenewAsync_LostToATakeover_ReturnsNull()
    {
        var runLock = Lock("ana@build-1:42");
        var held = (await runLock.AcquireAsync("run-a")).Holder!;
        _time.Advance(TimeSpan.FromHours(1));
        await Lock("bob@build-2:7").AcquireAsync("run-b");

        (await runLock.RenewAsync(held)).Should().BeNull();
        (await Lock("x").ReadAsync())!.RunId.Should().Be("run-b");
    }

    [Test]
    public async Task ReleaseAsync_Own_RemovesTheLock()
    {
        var runLock = Lock("ana@build-1:42");
        var held = (await runLock.AcquireAsync("run-a")).Holder!;

        (await runLock.ReleaseAsync(held)).Should().BeTrue();

        (await _store.TryReadAsync("lock.json")).Should().BeNull();
        (await Lock("bob@build-2:7").AcquireAsync("run-b")).Acquired.Should().BeTrue();
    }

    [Test]
    public async Task ReleaseAsync_TakenOverByAnother_LeavesTheirLock()
    {
        var runLock = Lock("ana@build-1:42");
        var held = (await runLock.AcquireAsync("run-a")).Holder!;
        _time.Advance(TimeSpan.FromHours(1));
        await Lock("bob@build-2:7").AcquireAsync("run-b");

        (await runLock.ReleaseAsync(held)).Should().BeFalse();

        (await Lock("x").ReadAsync())!.Owner.Should().Be("bob@build-2:7");
    }

    [Test]
    public async Task ForceUnlockAsync_Held_RemovesAndReturnsTheHolding()
    {
        var held = (await Lock("ana@build-1:42").AcquireAsync("run-a")).Holder;

        var removed = await Lock("ops@laptop:1").ForceUnlockAsync();

        removed.Should().Be(held);
        (await _store.TryReadAsync("lock.json")).Should().BeNull();
        (await Lock("ops@laptop:1").ForceUnlockAsync()).Should().BeNull();
    }

    [Test]
    public async Task AcquireAsync_UnreadableLock_RefusedAndForceUnlockClearsIt()
    {
        await _store.WriteAsync("lock.json", "{\"owner\":"u8.ToArray());

        var attempt = await Lock("bob@build-2:7").AcquireAsync("run-b");

        attempt.Acquired.Should().BeFalse();
        attempt.Holder.Should().BeNull();
        attempt.Message.Should().Contain("cannot be read").And.Contain("force-unlock");
        await Lock("ops@laptop:1").ForceUnlockAsync();
        (await Lock("bob@build-2:7").AcquireAsync("run-b")).Acquired.Should().BeTrue();
    }
}

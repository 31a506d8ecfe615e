using System.Text;
using LakeCircle.Core.Archive;
using LakeCircle.Core.Gateways;
using LakeCircle.Core.Locking;
using LakeCircle.Core.Sync;
using LakeCircle.Core.Tests.Support;

namespace LakeCircle.Core.Tests.Gateways;

public sealed class LocalEndpointStoreTests
{
    private TempFolder _folder = null!;

    [SetUp]
    public void SetUp() => _folder = new TempFolder();

    [TearDown]
    public void TearDown() => _folder.Dispose();

    [Test]
    public async Task WriteAsync_MissingFolders_CreatesThem()
    {
        var store = new LocalEndpointStore(Path.Combine(_folder.Path, "not", "yet"));

        await store.WriteAsync("history/logs/20260101T000000.000Z.json", "x"u8.ToArray());

        File.Exists(Path.Combine(_folder.Path, "not", "yet", "history", "logs", "20260101T000000.000Z.json")).Should().BeTrue();
    }

    [Test]
    public async Task WriteAsync_Done_LeavesNoTemporaryFile()
    {
        var store = new LocalEndpointStore(_folder.Path);

        await store.WriteAsync("previous/logs.json", "one"u8.ToArray());
        await store.WriteAsync("previous/logs.json", "two"u8.ToArray());

        _folder.AllFiles().Should().Equal("previous/logs.json");
    }

    [Test]
    public async Task WriteAsync_Cancelled_KeepsTheOldContentAndNoTemporaryFile()
    {
        var store = new LocalEndpointStore(_folder.Path);
        await store.WriteAsync("previous/logs.json", "old"u8.ToArray());

        var act = () => store.WriteAsync("previous/logs.json", new byte[1 << 20], new CancellationToken(canceled: true));

        await act.Should().ThrowAsync<OperationCanceledException>();
        File.ReadAllText(_folder.File("previous/logs.json")).Should().Be("old");
        _folder.AllFiles().Should().Equal("previous/logs.json");
    }

    [Test]
    public async Task WriteAsync_ReadWhileWriting_NeverSeesAPartialFile()
    {
        var store = new LocalEndpointStore(_folder.Path);
        var size = 4 << 20;
        var old = Enumerable.Repeat((byte)'a', size).ToArray();
        var next = Enumerable.Repeat((byte)'b', size).ToArray();
        await store.WriteAsync("current/big.json", old);

        var reads = new List<byte[]>();
        var write = Task.Run(async () =>
        {
            for (var i = 0; i < 5; i++)
            {
                await store.WriteAsync("current/big.json", i % 2 == 0 ? next : old);
            }
        });
        while (!write.IsCompleted)
        {
            reads.Add((await store.TryReadAsync("current/big.json"))!);
        }

        await write;
        reads.Should().NotBeEmpty().And.OnlyContain(r => r.Length == size && (r.All(b => b == 'a') || r.All(b => b == 'b')));
    }

    [Test]
    public async Task ListAsync_TemporaryFileOfAnotherWriter_IsNotListed()
    {
        var store = new LocalEndpointStore(_folder.Path);
        await store.WriteAsync("previous/logs.json", "x"u8.ToArray());
        await File.WriteAllTextAsync(_folder.File("previous/.lakecircle-0123456789abcdef.tmp"), "partial");

        (await store.ListAsync("previous/")).Should().Equal("previous/logs.json");
    }

    [Test]
    public async Task CreateExclusiveAsync_MissingFolders_CreatesThem()
    {
        var store = new LocalEndpointStore(Path.Combine(_folder.Path, "base"));

        (await store.CreateExclusiveAsync("lock.json", Encoding.UTF8.GetBytes("{}"))).Should().BeTrue();

        File.ReadAllText(Path.Combine(_folder.Path, "base", "lock.json")).Should().Be("{}");
    }
    [Test]
    public async Task WriteAsync_FolderRemovedSinceTheLastWrite_CreatesItAgain()
    {
        var store = new LocalEndpointStore(_folder.Path);
        await store.WriteAsync("history/logs/a.json", "a"u8.ToArray());
        Directory.Delete(_folder.File("history"), recursive: true);

        await store.WriteAsync("history/logs/b.json", "b"u8.ToArray());

        _folder.AllFiles().Should().Equal("history/logs/b.json");
    }

    [Test]
    public async Task DeferDurability_WritesStayWholeAndReadable_SyncEndsTheDeferral()
    {
        var store = new LocalEndpointStore(_folder.Path);
        var deferred = store.DeferDurability();

        await store.WriteAsync("history/logs/a.json", "one"u8.ToArray());
        await store.WriteAsync("history/logs/a.json", "two"u8.ToArray());
        await store.WriteAsync("current/logs.json", "now"u8.ToArray());

        _folder.AllFiles().Should().Equal("current/logs.json", "history/logs/a.json");
        Encoding.UTF8.GetString((await store.TryReadAsync("history/logs/a.json"))!).Should().Be("two");
        await deferred.SyncAsync(CancellationToken.None);
        await deferred.SyncAsync(CancellationToken.None);
        await store.WriteAsync("current/logs.json", "later"u8.ToArray());
        File.ReadAllText(_folder.File("current/logs.json")).Should().Be("later");
    }
}

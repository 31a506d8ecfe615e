using System.Diagnostics;
using LakeCircle.Core.Definitions;

namespace LakeCircle.Core.Tests.Definitions;

/// <summary>Links, special files, the walk's limits and cancellation. Every read is guarded so that a hang fails the test.</summary>
[Platform(Include = "Linux,MacOsX")]
public class LocalDefinitionSourceSafetyTests
{
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(20);

    private string _folder = "";
    private string _outside = "";

    [SetUp]
    public void CreateFolders()
    {
        var id = Guid.NewGuid().ToString("N");
        _folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "lakecircle-walk-" + id)).FullName;
        _outside = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "lakecircle-outside-" + id)).FullName;
    }

    [TearDown]
    public void RemoveFolders()
    {
        Directory.Delete(_folder, recursive: true);
        Directory.Delete(_outside, recursive: true);
    }

    [Test]
    public async Task ReadAsync_TwoLinkDirectoryLoop_EndsAndReadsEachFileOnce()
    {
        Write("a/x.toml", "x");
        Write("b/y.toml", "y");
        Directory.CreateSymbolicLink(Path.Combine(_folder, "a", "to-b"), "../b");
        Directory.CreateSymbolicLink(Path.Combine(_folder, "b", "to-a"), "../a");

        var documents = await ReadGuardedAsync(new LocalDefinitionSource(_folder));

        documents.Select(d => d.Path).Should().Equal(Path.Join(_folder, "a", "x.toml"), Path.Join(_folder, "b", "y.toml"));
        documents.Should().OnlyContain(d => d.Problem == null);
    }

    [Test]
    public async Task ReadAsync_LinkToItsOwnFolder_EndsAndReadsEachFileOnce()
    {
        Write("sub/x.toml", "x");
        Directory.CreateSymbolicLink(Path.Combine(_folder, "sub", "again"), ".");
        Directory.CreateSymbolicLink(Path.Combine(_folder, "sub", "root"), "..");

        var documents = await ReadGuardedAsync(new LocalDefinitionSource(_folder));

        documents.Select(d => d.Path).Should().Equal(Path.Join(_folder, "sub", "x.toml"));
    }

    [Test]
    public async Task ReadAsync_LinkToFolderInside_ReadsItsFilesThroughTheLink()
    {
        Write("store/x.toml.d/x.toml", "x");
        Directory.Move(Path.Combine(_folder, "store"), Path.Combine(_folder, ".store"));
        Directory.CreateSymbolicLink(Path.Combine(_folder, "linked"), ".store/x.toml.d");

        var documents = await ReadGuardedAsync(new LocalDefinitionSource(_folder));

        documents.Should().ContainSingle().Which.Path.Should().Be(Path.Join(_folder, "linked", "x.toml"));
    }

    [Test]
    public async Task ReadAsync_LinkToFileInside_IsReadAsAFile()
    {
        Write("data/bucket.txt", "content");
        File.CreateSymbolicLink(Path.Combine(_folder, "bucket.toml"), "data/bucket.txt");

        var documents = await ReadGuardedAsync(new LocalDefinitionSource(_folder));

        // The target itself, data/bucket.txt, is no definition by its name: only named.
        documents.Where(d => d.IsOtherFile).Select(d => d.Path).Should().Equal(Path.Join(_folder, "data", "bucket.txt"));
        var document = documents.Should().ContainSingle(d => !d.IsOtherFile).Subject;
        document.Path.Should().Be(Path.Join(_folder, "bucket.toml"));
        document.Problem.Should().BeNull();
        document.Content.ToArray().Should().Equal("content"u8.ToArray());
    }

    [Test]
    public async Task ReadAsync_LinkToAFileAlsoReadDirectly_ReadsItOnceUnderItsOwnPath()
    {
        Write("z/real.toml", "r");
        File.CreateSymbolicLink(Path.Combine(_folder, "alias.toml"), "z/real.toml");

        var documents = await ReadGuardedAsync(new LocalDefinitionSource(_folder));

        documents.Select(d => d.Path).Should().Equal(Path.Join(_folder, "z", "real.toml"));
    }

    [Test]
    public async Task ReadAsync_LinksOutsideTheFolder_AreProblemsNotRead()
    {
        File.WriteAllText(Path.Combine(_outside, "secret.toml"), "secret");
        File.CreateSymbolicLink(Path.Combine(_folder, "file.toml"), Path.Combine(_outside, "secret.toml"));
        Directory.CreateSymbolicLink(Path.Combine(_folder, "folder"), _outside);
        File.CreateSymbolicLink(Path.Combine(_folder, "ignored.txt"), Path.Combine(_outside, "secret.toml"));

        var documents = await ReadGuardedAsync(new LocalDefinitionSource(_folder));

        // ignored.txt is no definition by its name: named in a warning, never followed.
        documents.Select(d => d.Path).Should().Equal(Path.Join(_folder, "file.toml"), Path.Join(_folder, "folder"), Path.Join(_folder, "ignored.txt"));
        documents.Should().OnlyContain(d => d.Content.IsEmpty);
        documents.Where(d => !d.IsOtherFile).Should().OnlyContain(d => d.Problem!.Contains("outside the definition folder"));
        var diagnostics = DefinitionLoader.Load(documents).Diagnostics;
        diagnostics.Select(d => (d.Location!.File, d.Severity)).Should().Equal(
            (Path.Join(_folder, "file.toml"), Core.Diagnostics.DiagnosticSeverity.Error),
            (Path.Join(_folder, "folder"), Core.Diagnostics.DiagnosticSeverity.Error),
            (Path.Join(_folder, "ignored.txt"), Core.Diagnostics.DiagnosticSeverity.Warning));
    }

    [Test]
    public async Task ReadAsync_GivenFolderIsALink_IsFollowed()
    {
        Write("x.toml", "x");
        var link = Path.Combine(_outside, "definitions");
        Directory.CreateSymbolicLink(link, _folder);

        var documents = await ReadGuardedAsync(new LocalDefinitionSource(link));

        documents.Should().ContainSingle().Which.Path.Should().Be(Path.Join(link, "x.toml"));
    }

    [Test]
    public async Task ReadAsync_DanglingLink_IsAProblemOfThatPath()
    {
        File.CreateSymbolicLink(Path.Combine(_folder, "gone.toml"), "nowhere.toml");

        var documents = await ReadGuardedAsync(new LocalDefinitionSource(_folder));

        documents.Should().ContainSingle().Which.Problem.Should().Contain("target does not exist");
    }

    [Test]
    public async Task ReadAsync_FifoInFolder_IsReportedWithoutBlocking()
    {
        Write("a.toml", "a");
        MakeFifo(Path.Combine(_folder, "x.toml"));

        var documents = await ReadGuardedAsync(new LocalDefinitionSource(_folder));

        documents.Select(d => d.Path).Should().Equal(Path.Join(_folder, "a.toml"), Path.Join(_folder, "x.toml"));
        documents[0].Content.ToArray().Should().Equal((byte)'a');
        var diagnostic = DefinitionLoader.Load(documents.Skip(1)).Diagnostics.Should().ContainSingle().Subject;
        diagnostic.Location!.File.Should().Be(Path.Join(_folder, "x.toml"));
        diagnostic.Message.Should().Contain("not a regular file").And.Contain(Path.Join(_folder, "x.toml"));
    }

    [Test]
    public async Task ReadAsync_FifoGivenAsTheFile_IsReportedWithoutBlocking()
    {
        var fifo = Path.Combine(_folder, "x.toml");
        MakeFifo(fifo);

        var documents = await ReadGuardedAsync(new LocalDefinitionSource(fifo));

        documents.Should().ContainSingle().Which.Problem.Should().Contain("not a regular file");
    }

    [Test]
    public async Task ReadAsync_LinkToADevice_IsReportedWithoutReading()
    {
        File.CreateSymbolicLink(Path.Combine(_folder, "zero.toml"), "/dev/zero");
        var file = Path.Combine(_folder, "zero.toml");

        var documents = await ReadGuardedAsync(new LocalDefinitionSource(file));

        documents.Should().ContainSingle().Which.Problem.Should().Contain("not a regular file");
    }

    [Test]
    public async Task ReadAsync_FoldersDeeperThanTheLimit_StopWithAProblem()
    {
        Write("1/2/3/x.toml", "x");

        (await ReadGuardedAsync(new LocalDefinitionSource(_folder, maxDepth: 3, maxEntries: 100, maxFiles: 100))).Should().ContainSingle();
        var act = () => ReadGuardedAsync(new LocalDefinitionSource(_folder, maxDepth: 2, maxEntries: 100, maxFiles: 100));

        await act.Should().ThrowAsync<IOException>().WithMessage("*nests folders more than 2 deep*");
    }

    [Test]
    public async Task ReadAsync_MoreEntriesThanTheLimit_StopWithAProblem()
    {
        for (var i = 0; i < 5; i++)
        {
            Write($"note{i}.txt", "n");
        }

        var act = () => ReadGuardedAsync(new LocalDefinitionSource(_folder, maxDepth: 32, maxEntries: 4, maxFiles: 100));

        await act.Should().ThrowAsync<IOException>().WithMessage("*more than 4 entries*");
    }

    [Test]
    public async Task ReadAsync_MoreDefinitionFilesThanTheLimit_StopWithAProblem()
    {
        for (var i = 0; i < 3; i++)
        {
            Write($"b{i}.toml", "b");
        }

        (await ReadGuardedAsync(new LocalDefinitionSource(_folder, maxDepth: 32, maxEntries: 100, maxFiles: 3))).Should().HaveCount(3);
        var act = () => ReadGuardedAsync(new LocalDefinitionSource(_folder, maxDepth: 32, maxEntries: 100, maxFiles: 2));

        await act.Should().ThrowAsync<IOException>().WithMessage("*more than 2 definition files*");
    }

    [Test]
    public async Task ReadAsync_CancelledBefore_ReadsNothing()
    {
        Write("x.toml", "x");
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        var act = () => ReadGuardedAsync(new LocalDefinitionSource(_folder), cancellation.Token);

        await act.Should().ThrowAsync<OperationCanceledException>();
    }

    [Test]
    public async Task ReadAsync_CancelledDuringTheWalk_StopsAtTheNextEntry()
    {
        for (var i = 0; i < 10; i++)
        {
            Write($"d{i}/x.toml", "x");
        }

        using var cancellation = new CancellationTokenSource();
        var seen = 0;
        var source = new LocalDefinitionSource(_folder)
        {
            EntrySeen = _ =>
            {
                if (++seen == 3)
                {
                    cancellation.Cancel();
                }
            },
        };

        var act = () => ReadGuardedAsync(source, cancellation.Token);

        await act.Should().ThrowAsync<OperationCanceledException>();
        seen.Should().Be(3);
    }

    [Test]
    public async Task ReadAsync_LinkLoopThroughValidate_IsQuick()
    {
        Write("a/x.toml", "BucketName = \"x-bucket\"\n[LifecycleConfiguration]\nRules = []\n");
        Directory.CreateSymbolicLink(Path.Combine(_folder, "a", "loop"), "..");

        var outcome = await LakeCircleClient.ValidateAsync([_folder]).WaitAsync(HangGuard);

        outcome.Diagnostics.Should().BeEmpty();
        outcome.Buckets.Keys.Should().Equal("x-bucket");
    }

    /// <summary>Reads on another thread: a read that blocks (a FIFO opened) fails the test instead of hanging it.</summary>
    private static Task<IReadOnlyList<DefinitionDocument>> ReadGuardedAsync(LocalDefinitionSource source, CancellationToken cancellationToken = default) =>
        Task.Run(() => source.ReadAsync(cancellationToken), CancellationToken.None).WaitAsync(HangGuard, CancellationToken.None);

    private static void MakeFifo(string path)
    {
        using var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", [path]) { UseShellExecute = false })!;
        mkfifo.WaitForExit();
        mkfifo.ExitCode.Should().Be(0);
    }

    private void Write(string relativePath, string content)
    {
        var path = Path.Combine(_folder, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }
}

using LakeCircle.Core.Definitions;

namespace LakeCircle.Core.Tests.Definitions;

public class LocalDefinitionSourceTests
{
    private string _folder = "";

    [SetUp]
    public void CreateFolder()
    {
        _folder = Path.Combine(Path.GetTempPath(), "lakecircle-defs-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(_folder, "sub"));
        File.WriteAllText(Path.Combine(_folder, "b.toml"), "b");
        File.WriteAllText(Path.Combine(_folder, "a.toml"), "a");
        File.WriteAllText(Path.Combine(_folder, "notes.txt"), "n");
        File.WriteAllText(Path.Combine(_folder, "sub", "c.toml"), "c");
    }

    [TearDown]
    public void RemoveFolder() => Directory.Delete(_folder, recursive: true);

    [Test]
    public async Task ReadAsync_Folder_ReadsTomlFilesRecursivelyInPathOrder()
    {
        var documents = await new LocalDefinitionSource(_folder).ReadAsync();

        // notes.txt is no definition: named (for a warning), never read.
        documents.Select(d => d.Path).Should().Equal(
            Path.Join(_folder, "a.toml"), Path.Join(_folder, "b.toml"), Path.Join(_folder, "notes.txt"), Path.Join(_folder, "sub", "c.toml"));
        documents.Select(d => d.IsOtherFile).Should().Equal(false, false, true, false);
        documents[2].Content.IsEmpty.Should().BeTrue();
        documents[0].Content.ToArray().Should().Equal((byte)'a');
    }

    [Test]
    public async Task ReadAsync_ManyFiles_ReadOnEveryCoreStillInPathOrderWithTheirOwnContent()
    {
        var many = Path.Combine(_folder, "many");
        Directory.CreateDirectory(many);
        for (var i = 0; i < 500; i++)
        {
            File.WriteAllText(Path.Combine(many, $"{i:D3}.toml"), $"content {i} " + new string('x', i));
        }

        var documents = await new LocalDefinitionSource(many).ReadAsync();

        documents.Select(d => Path.GetFileName(d.Path)).Should().Equal(Enumerable.Range(0, 500).Select(i => $"{i:D3}.toml"));
        documents.Select(d => System.Text.Encoding.UTF8.GetString(d.Content.Span)).Should().Equal(
            Enumerable.Range(0, 500).Select(i => $"content {i} " + new string('x', i)));
    }

    [Test]
    public async Task ReadAsync_ManyFilesCancelled_Stops()
    {
        var many = Path.Combine(_folder, "many");
        Directory.CreateDirectory(many);
        for (var i = 0; i < 200; i++)
        {
            File.WriteAllText(Path.Combine(many, $"{i:D3}.toml"), "x");
        }

        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        var read = () => new LocalDefinitionSource(many).ReadAsync(cancelled.Token);

        await read.Should().ThrowAsync<OperationCanceledException>();
    }

    [Test]
    public async Task ReadAsync_File_ReadsThatFile()
    {
        var path = Path.Combine(_folder, "notes.txt");

        var documents = await new LocalDefinitionSource(path).ReadAsync();

        documents.Should().ContainSingle().Which.Path.Should().Be(path);
    }

    [Test]
    public async Task ReadAsync_HugeFile_IsReportedWithoutBeingRead()
    {
        var path = Path.Combine(_folder, "huge.toml");
        await File.WriteAllBytesAsync(path, new byte[DefinitionLoader.MaxFileBytes * 2]);

        var documents = await new LocalDefinitionSource(path).ReadAsync();

        documents[0].Content.Length.Should().Be(0);
        var diagnostic = DefinitionLoader.Load(documents).Diagnostics.Should().ContainSingle().Subject;
        diagnostic.Message.Should().Be("The file is larger than 1 MiB; a definition file must be smaller.");
        diagnostic.Location!.File.Should().Be(path);
    }

    [Test]
    public async Task ReadAsync_FileOfExactlyTheLimit_IsRead()
    {
        var path = Path.Combine(_folder, "full.toml");
        await File.WriteAllBytesAsync(path, new byte[DefinitionLoader.MaxFileBytes]);

        var documents = await new LocalDefinitionSource(path).ReadAsync();

        documents[0].Content.Length.Should().Be(DefinitionLoader.MaxFileBytes);
        documents[0].Problem.Should().BeNull();
    }

    [Test]
    public async Task ReadAsync_EmptyFile_IsReadAsEmpty()
    {
        var path = Path.Combine(_folder, "empty.toml");
        await File.WriteAllBytesAsync(path, []);

        var documents = await new LocalDefinitionSource(path).ReadAsync();

        documents.Should().ContainSingle().Which.Problem.Should().BeNull();
    }

    [Test]
    public async Task ReadAsync_MissingPath_ThrowsFileNotFound()
    {
        var act = () => new LocalDefinitionSource(Path.Combine(_folder, "missing")).ReadAsync();

        await act.Should().ThrowAsync<FileNotFoundException>().WithMessage("*No such file or folder*");
    }
}

namespace LakeCircle.Cli.Tests.Commands;

/// <summary>A temporary copy of <c>examples/quickstart</c> (definitions and account snapshot), deleted on dispose.</summary>
internal sealed class ExampleCopy : IDisposable
{
    private static readonly string Source = Path.Combine(AppContext.BaseDirectory, "examples", "quickstart");

    public ExampleCopy()
    {
        Root = Path.Combine(Path.GetTempPath(), "lakecircle-cli-" + Guid.NewGuid().ToString("N"));
        foreach (var file in Directory.EnumerateFiles(Source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(Root, Path.GetRelativePath(Source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        OriginalSnapshot = File.ReadAllBytes(Snapshot);
    }

    public string Root { get; }

    public string Endpoint => Path.Combine(Root, "endpoint");

    public string Definitions => Path.Combine(Endpoint, "definition");

    public string Snapshot => Path.Combine(Root, "account.json");

    public byte[] OriginalSnapshot { get; }

    /// <summary>The flags that point a run at this copy.</summary>
    public string[] Flags(params string[] more) => ["--endpoint", Endpoint, "--snapshot", Snapshot, .. more];

    /// <summary>The variables that point a run at this copy.</summary>
    public Dictionary<string, string?> Variables(params (string Name, string Value)[] more)
    {
        var variables = new Dictionary<string, string?> { ["LCC_ENDPOINT"] = Endpoint, ["LCC_SNAPSHOT"] = Snapshot };
        foreach (var (name, value) in more)
        {
            variables[name] = value;
        }

        return variables;
    }

    public bool SnapshotUnchanged() => File.ReadAllBytes(Snapshot).AsSpan().SequenceEqual(OriginalSnapshot);

    public void Dispose() => Directory.Delete(Root, recursive: true);
}

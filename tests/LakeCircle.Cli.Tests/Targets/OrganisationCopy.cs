namespace LakeCircle.Cli.Tests.Targets;

/// <summary>
/// A temporary copy of <c>examples/organisation</c> (targets file, definitions, account snapshots; no state), deleted
/// on dispose. The example itself is never written.
/// </summary>
internal sealed class OrganisationCopy : IDisposable
{
    public OrganisationCopy()
    {
        var source = Path.Combine(RepositoryRoot(), "examples", "organisation");
        Root = Path.Combine(Path.GetTempPath(), "lakecircle-org-" + Guid.NewGuid().ToString("N"));
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(source, file);
            if (relative.StartsWith("state" + Path.DirectorySeparatorChar, StringComparison.Ordinal) && Path.GetFileName(file) != ".keep")
            {
                continue;
            }

            var target = Path.Combine(Root, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        Directory.CreateDirectory(Path.Combine(Root, "definitions", "shared"));
        OriginalProd = File.ReadAllBytes(Snapshot("prod"));
        OriginalAnalytics = File.ReadAllBytes(Snapshot("analytics"));
    }

    public string Root { get; }

    public string TargetsFile => Path.Combine(Root, "targets.toml");

    public byte[] OriginalProd { get; }

    public byte[] OriginalAnalytics { get; }

    /// <summary>The state folder (endpoint) of a target.</summary>
    public string State(string target) => Path.Combine(Root, "state", target);

    /// <summary>The account snapshot a target reads.</summary>
    public string Snapshot(string target) => Path.Combine(Root, "accounts", target + ".json");

    public bool SnapshotUnchanged(string target) =>
        File.ReadAllBytes(Snapshot(target)).AsSpan().SequenceEqual(target == "prod" ? OriginalProd : OriginalAnalytics);

    /// <summary>The files under the state folder (relative paths, sorted), the <c>.keep</c> marker left out.</summary>
    public List<string> StateFiles() =>
        [.. Directory.EnumerateFiles(Path.Combine(Root, "state"), "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Path.Combine(Root, "state"), f))
            .Where(f => f != ".keep")
            .Order(StringComparer.Ordinal)];

    /// <summary>The flags that run over this copy's targets file.</summary>
    public string[] Flags(params string[] more) => ["--targets", TargetsFile, .. more];

    public void Dispose()
    {
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }

    public static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "LakeCircle.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new DirectoryNotFoundException("LakeCircle.sln not found above the test assembly.");
    }
}

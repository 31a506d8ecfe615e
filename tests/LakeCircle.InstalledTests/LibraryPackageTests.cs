using System.Text.Json;
using System.Text.RegularExpressions;

namespace LakeCircle.InstalledTests;

/// <summary>
/// The sample (samples/LakeCircle.Sample) as a consumer builds it: its own build settings and nuget.config,
/// LakeCircle.Core restored as a package from the packages under test, then run on a copy of the quick start.
/// </summary>
public sealed class LibraryPackageTests
{
    private static readonly string[] ExpectedLines =
    [
        @"~ acme-backups \(1 rule changed, 1 removed\)",
        @"    - manual-hotfix",
        @"Plan: 2 buckets to change \(3 rules to add, 1 to remove, 1 to change\), 1 in sync, 1 missing, 1 unmanaged\.",
        @"acme-backups: applied",
        @"acme-datalake: applied",
        @"Sync Succeeded; run record: .*/endpoint/log/[^/]+\.json",
        @"Rollback of acme-backups: Succeeded \(restored the version captured [0-9T:.+-]+\)",
        @"  [0-9T:.+-]+  before-rollback +[0-9a-f]{12}",
        @"  [0-9T:.+-]+  before-sync +[0-9a-f]{12}",
    ];

    [Test]
    public async Task The_sample_restores_the_library_package_builds_and_runs_plan_sync_rollback_and_history()
    {
        var consumer = Path.Combine(Installed.Work, "consumer");
        Installed.CopyFolder(Path.Combine(Installed.RepositoryRoot, "samples"), Path.Combine(consumer, "samples"));
        Installed.CopyFolder(Path.Combine(Installed.RepositoryRoot, "build"), Path.Combine(consumer, "build"));
        Installed.CopyFolder(Installed.Packages, Path.Combine(consumer, "artifacts", "packages"));
        var project = Path.Combine(consumer, "samples", "LakeCircle.Sample");
        var work = Path.Combine(Installed.Work, "sample-run");
        var quickstartBefore = Installed.Contents(Installed.Quickstart);

        await Programs.RunOkAsync("dotnet", ["build", project, "-c", "Release", "--nologo", "-v", "quiet"], consumer);
        var run = await Programs.RunOkAsync("dotnet", ["run", "--project", project, "-c", "Release", "--no-build", "--", work, Installed.RepositoryRoot], consumer);

        TestContext.Out.WriteLine(run.Output);
        var lines = run.Output.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        foreach (var expected in ExpectedLines)
        {
            lines.Should().Contain(l => Regex.IsMatch(l, "^" + expected + "$"), $"the sample prints a line matching {expected}");
        }

        foreach (var folder in new[] { "previous", "history", "current", "log" })
        {
            Directory.Exists(Path.Combine(work, "endpoint", folder)).Should().BeTrue($"the endpoint has {folder}/");
        }

        Installed.Contents(Installed.Quickstart).Should().Equal(quickstartBefore, "the sample works on a copy of examples/quickstart");

        using var assets = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(project, "obj", "project.assets.json")));
        var library = assets.RootElement.GetProperty("libraries").GetProperty($"LakeCircle.Core/{Installed.Version}");
        library.GetProperty("type").GetString().Should().Be("package", "the sample references the package, not the project");
    }
}

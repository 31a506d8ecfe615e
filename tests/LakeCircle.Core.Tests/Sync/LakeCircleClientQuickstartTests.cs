using LakeCircle.Core.Planning;
using LakeCircle.Core.Sync;

namespace LakeCircle.Core.Tests.Sync;

/// <summary>
/// End to end over the quick-start example (examples/quickstart, found by walking up from the test assembly):
/// its definitions (under its local endpoint) against its account snapshot file, copied to a temporary folder first,
/// through a client made from public options only.
/// </summary>
public sealed class LakeCircleClientQuickstartTests
{
    private string _folder = null!;

    [SetUp]
    public void CopyExample()
    {
        _folder = Path.Combine(Path.GetTempPath(), "lakecircle-quickstart-" + Guid.NewGuid().ToString("N"));
        var example = FindExample();
        foreach (var file in Directory.EnumerateFiles(example, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(_folder, Path.GetRelativePath(example, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    [TearDown]
    public void DeleteCopy() => Directory.Delete(_folder, recursive: true);

    [Test]
    public async Task DryrunThenSync_QuickstartSnapshot_PlansDriftAppliesItAndConverges()
    {
        var snapshot = Path.Combine(_folder, "account.json");
        var before = await File.ReadAllTextAsync(snapshot);
        LakeCircleClient Client() => new(new LakeCircleClientOptions { SnapshotPath = snapshot, Endpoint = Path.Combine(_folder, "endpoint") });

        PlanOutcome dryrun;
        await using (var client = Client())
        {
            dryrun = await client.PlanAsync();
        }

        dryrun.Succeeded.Should().BeTrue();
        dryrun.Plan!.Buckets.Select(b => (b.Bucket, b.Status)).Should().Equal(
            ("acme-archive", BucketStatus.Missing),
            ("acme-backups", BucketStatus.Change),
            ("acme-datalake", BucketStatus.Change),
            ("acme-logs", BucketStatus.InSync),
            ("acme-scratch", BucketStatus.Unmanaged));
        var backups = dryrun.Plan.Buckets[1];
        backups.Removed.Select(r => r.Id).Should().Equal("manual-hotfix");
        backups.Changed.Single().Fields.Select(f => f.Field).Should().Contain("Expiration.Days");
        (await File.ReadAllTextAsync(snapshot)).Should().Be(before);

        RunOutcome sync;
        await using (var client = Client())
        {
            sync = await client.SyncAsync();
        }

        PlanOutcome again;
        await using (var client = Client())
        {
            again = await client.PlanAsync();
        }

        sync.Succeeded.Should().BeTrue();
        sync.Buckets.Select(b => (b.Bucket, b.Result)).Should().Equal(
            ("acme-backups", BucketResult.Applied), ("acme-datalake", BucketResult.Applied));
        sync.RecordLocation.Should().StartWith(Path.Combine(_folder, "endpoint", "log"));
        again.HasChanges.Should().BeFalse();
        again.Plan!.Summary.Should().BeEquivalentTo(new PlanSummary { BucketsInSync = 3, BucketsMissing = 1, BucketsUnmanaged = 1 });
    }

    private static string FindExample()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "examples", "quickstart");
            if (File.Exists(Path.Combine(candidate, "account.json")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("examples/quickstart not found above " + AppContext.BaseDirectory);
    }
}

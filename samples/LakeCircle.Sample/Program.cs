// Plans, syncs, rolls back and lists the history of the bundled example (examples/quickstart), on a copy of it.
// Usage: dotnet run --project samples/LakeCircle.Sample -- WORK_FOLDER [REPOSITORY_ROOT]
using LakeCircle.Core;
using LakeCircle.Core.Rendering;
using LakeCircle.Core.Sync;

if (args.Length is < 1 or > 2)
{
    Console.Error.WriteLine("usage: LakeCircle.Sample WORK_FOLDER [REPOSITORY_ROOT]");
    return 2;
}

var root = args.Length == 2 ? args[1] : FindRepositoryRoot();
var work = Path.GetFullPath(args[0]);
if (root is null || !Directory.Exists(Path.Combine(root, "examples", "quickstart")))
{
    return Fail("examples/quickstart not found; pass the repository root as the second argument");
}

if (Directory.Exists(work) && Directory.EnumerateFileSystemEntries(work).Any())
{
    return Fail($"{work} is not empty; give a new or empty work folder");
}

CopyFolder(Path.Combine(root, "examples", "quickstart"), work);

var options = new LakeCircleClientOptions
{
    Endpoint = Path.Combine(work, "endpoint"),
    SnapshotPath = Path.Combine(work, "account.json"),
};
await using var client = new LakeCircleClient(options);

var plan = await client.PlanAsync();
if (!plan.Succeeded || plan.Plan is null)
{
    return Fail($"the plan failed: {plan.Error ?? string.Join("; ", plan.Diagnostics)}");
}

TextPlanRenderer.Render(plan, Console.Out);

var sync = await client.SyncAsync();
foreach (var bucket in sync.Buckets)
{
    Console.WriteLine($"{bucket.Bucket}: {bucket.Result switch
    {
        BucketResult.Applied => "applied",
        BucketResult.AppliedNotVisible => "applied (not yet visible)",
        BucketResult.Skipped => "skipped: " + bucket.Error,
        _ => "failed: " + bucket.Error,
    }}");
}

Console.WriteLine($"Sync {sync.Status}; run record: {sync.RecordLocation}");
if (sync.Status != RunStatus.Succeeded)
{
    return Fail($"the sync did not succeed: {sync.Refusal ?? sync.Error ?? string.Join("; ", sync.Errors)}");
}

const string Bucket = "acme-backups";
var rollback = await client.RollbackAsync(Bucket);
Console.WriteLine($"Rollback of {Bucket}: {rollback.Status} (restored the version captured {rollback.RestoredVersion?.CapturedAt:O})");
if (rollback.Status != RunStatus.Succeeded)
{
    return Fail($"the rollback did not succeed: {rollback.Refusal ?? rollback.Error ?? string.Join("; ", rollback.Errors)}");
}

Console.WriteLine($"History of {Bucket}:");
var history = await client.GetHistoryAsync(Bucket);
foreach (var entry in history)
{
    Console.WriteLine($"  {entry.CapturedAt:O}  {entry.Reason,-15}  {entry.ShortFingerprint}");
}

return history.Count > 0 ? 0 : Fail($"no history for {Bucket}");

static int Fail(string message)
{
    Console.Error.WriteLine("LakeCircle.Sample: " + message);
    return 1;
}

static void CopyFolder(string from, string to)
{
    foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
    {
        var target = Path.Combine(to, Path.GetRelativePath(from, file));
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Copy(file, target, overwrite: true);
    }
}

// The repository holding examples/quickstart: above the built sample (bin/<configuration>/net10.0) or the current folder.
static string? FindRepositoryRoot()
{
    foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "examples", "quickstart", "account.json")))
            {
                return dir.FullName;
            }
        }
    }

    return null;
}

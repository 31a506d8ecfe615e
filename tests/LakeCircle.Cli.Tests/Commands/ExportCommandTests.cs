using System.Text.Json;
using LakeCircle.Core.Gateways;
using LakeCircle.Core.Gateways.Json;
using LakeCircle.Core.Model;

namespace LakeCircle.Cli.Tests.Commands;

/// <summary><c>lakecircle export</c> and <c>lakecircle snapshot</c> through the real parser, against snapshot files.</summary>
public class ExportCommandTests
{
    private const string Account = """
        {
          "account": "123456789012",
          "region": "eu-west-1",
          "buckets": {
            "logs-bucket": {
              "Rules": [
                { "ID": "expire", "Filter": { "Prefix": "logs/" }, "Status": "Enabled", "Expiration": { "Days": 90 } },
                { "ID": "ZmY4YjM0NmUtZDZkZC00", "Filter": {}, "Status": "Disabled", "AbortIncompleteMultipartUpload": { "DaysAfterInitiation": 7 } }
              ]
            },
            "dated-bucket": {
              "TransitionDefaultMinimumObjectSize": "varies_by_storage_class",
              "Rules": [
                { "ID": "", "Filter": { "And": { "Prefix": "d/", "Tags": [{ "Key": "k", "Value": "" }] } }, "Status": "Enabled",
                  "Transitions": [{ "Date": "2030-01-01T00:00:00+00:00", "StorageClass": "GLACIER" }],
                  "Expiration": { "Date": "2031-01-01T00:00:00+00:00" } }
              ]
            },
            "bare-bucket": null
          }
        }
        """;

    private string _root = null!;

    private string Snapshot => Path.Combine(_root, "account.json");

    private string Defs => Path.Combine(_root, "defs");

    private string Folder => Path.Combine(Defs, "definition");

    [SetUp]
    public void SetUp()
    {
        _root = Path.Combine(Path.GetTempPath(), "lakecircle-export-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_root);
        File.WriteAllText(Snapshot, Account);
    }

    [TearDown]
    public void TearDown() => Directory.Delete(_root, recursive: true);

    [Test]
    public async Task ExportThenDryRun_TheTwoCommandAdoption_PlansNoChanges()
    {
        var export = await CliRun.RunAsync("export", "--out", Folder, "--snapshot", Snapshot);

        export.ExitCode.Should().Be(ExitCodes.Ok, export.ToString());
        Files().Should().Equal("dated-bucket.toml", "logs-bucket.toml");
        export.Output.Should().Contain("= bare-bucket: no lifecycle configuration (not written; --include-empty writes it with Rules = [])");
        export.Output.TrimEnd().Split('\n')[^1].Should().Be($"Wrote 2 definitions to {Folder}, 1 without lifecycle not written. Next: lakecircle dryrun --endpoint {Defs}");

        var dryrun = await CliRun.RunAsync("dryrun", "--endpoint", Defs, "--snapshot", Snapshot, "--detailed-exitcode");

        dryrun.ExitCode.Should().Be(ExitCodes.Ok, dryrun.ToString());
        dryrun.Output.Should().Contain("No changes.");
    }

    [Test]
    public async Task Export_KeepsIdsOrderDatesAndMinimumSize()
    {
        await CliRun.RunAsync("export", "--out", Folder, "--snapshot", Snapshot);

        var logs = File.ReadAllText(Path.Combine(Folder, "logs-bucket.toml"));
        logs.IndexOf("ID = \"expire\"", StringComparison.Ordinal).Should().BeLessThan(logs.IndexOf("ID = \"ZmY4YjM0NmUtZDZkZC00\"", StringComparison.Ordinal));
        logs.Should().Contain("Status = \"Disabled\"");
        var dated = File.ReadAllText(Path.Combine(Folder, "dated-bucket.toml"));
        dated.Should().Contain("TransitionDefaultMinimumObjectSize = \"varies_by_storage_class\"");
        dated.Should().Contain("Transitions = [{ Date = 2030-01-01T00:00:00Z, StorageClass = \"GLACIER\" }]");
        dated.Should().NotContain("ID =", "an empty ID is left out: both sides then know the rule by its derived ID");
        dated.Should().StartWith("# Exported from account 123456789012, region eu-west-1 by lakecircle ");
    }

    [Test]
    public async Task Export_Twice_GivesByteIdenticalFiles()
    {
        var other = Path.Combine(_root, "other");

        await CliRun.RunAsync("export", "--out", Folder, "--snapshot", Snapshot);
        await CliRun.RunAsync("export", "--out", other, "--snapshot", Snapshot);

        foreach (var file in Files())
        {
            File.ReadAllBytes(Path.Combine(other, file)).Should().Equal(File.ReadAllBytes(Path.Combine(Folder, file)));
        }
    }

    [Test]
    public async Task Export_ExistingFile_IsAnErrorNamingItAndNothingIsWritten_ForceReplacesIt()
    {
        Directory.CreateDirectory(Folder);
        var existing = Path.Combine(Folder, "logs-bucket.toml");
        File.WriteAllText(existing, "# mine\n");

        var refused = await CliRun.RunAsync("export", "--out", Folder, "--snapshot", Snapshot);

        refused.ExitCode.Should().Be(ExitCodes.Error, refused.ToString());
        refused.Error.Should().Contain($"error: '{existing}' already exists; nothing was written");
        Files().Should().Equal("logs-bucket.toml");
        File.ReadAllText(existing).Should().Be("# mine\n");

        var forced = await CliRun.RunAsync("export", "--out", Folder, "--snapshot", Snapshot, "--force");

        forced.ExitCode.Should().Be(ExitCodes.Ok, forced.ToString());
        forced.Output.Should().Contain($"+ logs-bucket: {existing} (2 rules, replaced)");
        File.ReadAllText(existing).Should().Contain("ID = \"expire\"");
    }

    [Test]
    public async Task Export_Buckets_WritesOnlyThose()
    {
        var result = await CliRun.RunAsync("export", "--out", Folder, "--snapshot", Snapshot, "--bucket", "logs-bucket");

        result.ExitCode.Should().Be(ExitCodes.Ok, result.ToString());
        Files().Should().Equal("logs-bucket.toml");
    }

    [Test]
    public async Task Export_BucketNotInTheAccount_IsAnError()
    {
        var result = await CliRun.RunAsync("export", "--out", Folder, "--snapshot", Snapshot, "--bucket", "nope-bucket");

        result.ExitCode.Should().Be(ExitCodes.Error, result.ToString());
        result.Error.Should().Contain("error: The bucket nope-bucket is not in the account.");
        Directory.Exists(Folder).Should().BeFalse();
    }

    [Test]
    public async Task Export_IncludeEmpty_WritesRulesEmptyAndTheDryRunKeepsItInSync()
    {
        var result = await CliRun.RunAsync("export", "--out", Folder, "--snapshot", Snapshot, "--include-empty");

        result.ExitCode.Should().Be(ExitCodes.Ok, result.ToString());
        File.ReadAllText(Path.Combine(Folder, "bare-bucket.toml")).Should().EndWith("BucketName = \"bare-bucket\"\n\n[LifecycleConfiguration]\nRules = []\n");
        var dryrun = await CliRun.RunAsync("dryrun", "--endpoint", Defs, "--snapshot", Snapshot, "-o", "json");
        using var json = JsonDocument.Parse(dryrun.Output);
        json.RootElement.GetProperty("buckets").EnumerateArray().Select(b => b.GetProperty("status").GetString()).Should().AllBe("in-sync");
    }

    [Test]
    public async Task Export_FormatJson_WritesTheAwsShapeThatLifecycleJsonReadsBack()
    {
        var result = await CliRun.RunAsync("export", "--out", Folder, "--snapshot", Snapshot, "--format", "json");

        result.ExitCode.Should().Be(ExitCodes.Ok, result.ToString());
        Files().Should().Equal("dated-bucket.json", "logs-bucket.json");
        var snapshot = await SnapshotS3Gateway.OpenAsync(Snapshot);
        foreach (var bucket in new[] { "dated-bucket", "logs-bucket" })
        {
            using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, bucket + ".json")));
            json.RootElement.GetProperty("BucketName").GetString().Should().Be(bucket);
            var read = LifecycleJson.Deserialize(json.RootElement.GetProperty("LifecycleConfiguration").GetRawText());
            read.Fingerprint.Should().Be((await snapshot.GetLifecycleAsync(bucket))!.Fingerprint);
        }
    }

    [Test]
    public async Task Export_JsonOutput_IsOneDocumentWithTheHeadAndTheFiles()
    {
        var result = await CliRun.RunAtAsync(new FixedTime(), null, "export", "--out", Folder, "--snapshot", Snapshot, "-o", "json");

        result.ExitCode.Should().Be(ExitCodes.Ok, result.ToString());
        using var json = JsonDocument.Parse(result.Output);
        var root = json.RootElement;
        root.GetProperty("schemaVersion").GetInt32().Should().Be(1);
        root.GetProperty("tool").GetProperty("name").GetString().Should().Be("lakecircle");
        root.GetProperty("account").GetString().Should().Be("123456789012");
        root.GetProperty("region").GetString().Should().Be("eu-west-1");
        root.GetProperty("generatedAt").GetString().Should().Be("2026-03-14T09:15:00.000Z");
        root.GetProperty("succeeded").GetBoolean().Should().BeTrue();
        root.GetProperty("folder").GetString().Should().Be(Folder);
        root.GetProperty("format").GetString().Should().Be("toml");
        root.GetProperty("files").EnumerateArray().Select(f => f.GetProperty("bucket").GetString()).Should().Equal("dated-bucket", "logs-bucket");
        root.GetProperty("files")[1].GetProperty("rules").GetInt32().Should().Be(2);
        root.GetProperty("withoutLifecycle").EnumerateArray().Select(b => b.GetString()).Should().Equal("bare-bucket");
        root.GetProperty("existing").GetArrayLength().Should().Be(0);
    }

    [Test]
    public async Task Export_JsonOutputExistingFile_HasErrorCodeExistsAndListsTheFile()
    {
        Directory.CreateDirectory(Folder);
        File.WriteAllText(Path.Combine(Folder, "dated-bucket.toml"), "");

        var result = await CliRun.RunAsync("export", "--out", Folder, "--snapshot", Snapshot, "-o", "json");

        result.ExitCode.Should().Be(ExitCodes.Error);
        using var json = JsonDocument.Parse(result.Output);
        json.RootElement.GetProperty("succeeded").GetBoolean().Should().BeFalse();
        json.RootElement.GetProperty("error").GetProperty("code").GetString().Should().Be("exists");
        json.RootElement.GetProperty("existing").EnumerateArray().Select(e => e.GetString()).Should().Equal(Path.Combine(Folder, "dated-bucket.toml"));
    }

    [Test]
    public async Task Export_NeedsNoEndpoint_AndIgnoresLccEndpoint()
    {
        var environment = new Dictionary<string, string?> { ["LCC_ENDPOINT"] = "not a location at all ::", ["LCC_SNAPSHOT"] = Snapshot };

        var result = await CliRun.RunAsync(environment, "export", "--out", Folder);

        result.ExitCode.Should().Be(ExitCodes.Ok, result.ToString());
    }

    [TestCase("export", "--endpoint", "x")]
    [TestCase("snapshot", "--endpoint", "x")]
    [TestCase("export", "--format", "yaml")]
    [TestCase("export", "--concurrency", "2")]
    public async Task UnknownOrInvalidFlag_IsAUsageError(string command, string flag, string value)
    {
        var result = await CliRun.RunAsync(command, "--out", Folder, "--snapshot", Snapshot, flag, value);

        result.ExitCode.Should().Be(ExitCodes.UsageError, result.ToString());
    }

    [TestCase("export")]
    [TestCase("snapshot")]
    public async Task WithoutOut_IsAUsageError(string command)
    {
        var result = await CliRun.RunAsync(command, "--snapshot", Snapshot);

        result.ExitCode.Should().Be(ExitCodes.UsageError, result.ToString());
        result.Error.Should().Contain("--out");
    }

    [Test]
    public async Task Export_NoAccount_IsAConfigurationError()
    {
        var result = await CliRun.RunAsync("export", "--out", Folder);

        result.ExitCode.Should().Be(ExitCodes.Error, result.ToString());
        result.Error.Should().Contain("LCC_AWS_ACCOUNT is required").And.NotContain("LCC_ENDPOINT");
    }

    [Test]
    public async Task Snapshot_OfASnapshot_ReadsBackAsTheSameAccount()
    {
        var copy = Path.Combine(_root, "copy", "account.json");

        var result = await CliRun.RunAsync("snapshot", "--out", copy, "--snapshot", Snapshot);

        result.ExitCode.Should().Be(ExitCodes.Ok, result.ToString());
        result.Output.Should().Contain($"Wrote the snapshot of 3 buckets (2 with lifecycle) to {copy}.");
        var original = await SnapshotS3Gateway.OpenAsync(Snapshot);
        var read = await SnapshotS3Gateway.OpenAsync(copy);
        (await read.ListBucketsAsync()).Should().Equal(await original.ListBucketsAsync());
        foreach (var bucket in await original.ListBucketsAsync())
        {
            (await read.GetLifecycleAsync(bucket)).Should().Be(await original.GetLifecycleAsync(bucket));
        }

        var again = Path.Combine(_root, "again.json");
        await CliRun.RunAsync("snapshot", "--out", again, "--snapshot", copy);
        File.ReadAllBytes(again).Should().Equal(File.ReadAllBytes(copy));
    }

    [Test]
    public async Task Snapshot_ExistingFile_IsRefusedUnlessForce()
    {
        var target = Path.Combine(_root, "target.json");
        File.WriteAllText(target, "mine");

        var refused = await CliRun.RunAsync("snapshot", "--out", target, "--snapshot", Snapshot, "-o", "json");

        refused.ExitCode.Should().Be(ExitCodes.Error);
        using (var json = JsonDocument.Parse(refused.Output))
        {
            json.RootElement.GetProperty("error").GetProperty("code").GetString().Should().Be("exists");
        }

        File.ReadAllText(target).Should().Be("mine");
        (await CliRun.RunAsync("snapshot", "--out", target, "--snapshot", Snapshot, "--force")).ExitCode.Should().Be(ExitCodes.Ok);
        (await SnapshotS3Gateway.OpenAsync(target)).Account.Should().Be("123456789012");
    }

    [Test]
    public async Task Snapshot_BucketsAndJsonOutput_HoldsOnlyThose()
    {
        var target = Path.Combine(_root, "part.json");

        var result = await CliRun.RunAsync("snapshot", "--out", target, "--snapshot", Snapshot, "--bucket", "logs-bucket", "--bucket", "bare-bucket", "-o", "json");

        result.ExitCode.Should().Be(ExitCodes.Ok, result.ToString());
        using var json = JsonDocument.Parse(result.Output);
        json.RootElement.GetProperty("buckets").EnumerateArray().Select(b => b.GetString()).Should().Equal("bare-bucket", "logs-bucket");
        json.RootElement.GetProperty("withLifecycle").GetInt32().Should().Be(1);
        json.RootElement.GetProperty("path").GetString().Should().Be(target);
        (await (await SnapshotS3Gateway.OpenAsync(target)).ListBucketsAsync()).Should().Equal("bare-bucket", "logs-bucket");
    }

    [Test]
    public void Documentation_ShowsTheTwoCommandAdoptionAndEveryFlag()
    {
        var cli = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "cli.md"));
        var adopting = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "adopting.md"));

        cli.Should().Contain("## Export and snapshot");
        foreach (var flag in new[] { "--out", "--bucket", "--format", "--include-empty", "--force", "-o json" })
        {
            cli.Should().Contain($"`{flag}", "docs/cli.md documents {0}", flag);
        }

        adopting.Should().Contain("lakecircle export --out defs/definition").And.Contain("lakecircle dryrun --endpoint defs").And.Contain("No changes.");
        cli.Should().Contain("(adopting.md)");
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "LakeCircle.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new DirectoryNotFoundException("LakeCircle.sln not found above the test assembly.");
    }

    private List<string> Files() => [.. Directory.EnumerateFiles(Folder).Select(f => Path.GetFileName(f)!).Order(StringComparer.Ordinal)];

    private sealed class FixedTime : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(2026, 3, 14, 9, 15, 0, TimeSpan.Zero);
    }
}

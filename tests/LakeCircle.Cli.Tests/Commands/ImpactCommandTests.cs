using System.IO.Compression;
using System.Text;
using System.Text.Json;

namespace LakeCircle.Cli.Tests.Commands;

/// <summary>
/// <c>lakecircle impact</c> end to end over a tiny report of <c>acme-backups</c> in the quick-start example: the account
/// has tier-down-backups (GLACIER_IR at 30 days, DEEP_ARCHIVE at 90, expiry at 365) and manual-hotfix (tmp/ expires after
/// 1 day); the definition moves DEEP_ARCHIVE to 180 days, expiry to 2555 and drops manual-hotfix.
/// </summary>
public class ImpactCommandTests
{
    private const string Columns = "Bucket,Key,VersionId,IsLatest,IsDeleteMarker,Size,LastModifiedDate,StorageClass";

    // now = 2026-03-01. nightly/new: GLACIER_IR on Mar 13 under both. nightly/old (already GLACIER_IR): DEEP_ARCHIVE on
    // 2026-01-31 now (due), 2026-05-01 desired; expired 2026-06-02 now, 2032 desired. tmp/x: expired Mar 1 now, never desired.
    private const string Report =
        "\"acme-backups\",\"nightly/new%20db.dump\",\"\",\"true\",\"false\",\"2097152\",\"2026-02-10T03:00:00.000Z\",\"STANDARD\"\n"
        + "\"acme-backups\",\"nightly/old.dump\",\"\",\"true\",\"false\",\"1048576\",\"2025-11-01T03:00:00.000Z\",\"GLACIER_IR\"\n"
        + "\"acme-backups\",\"tmp/x\",\"\",\"true\",\"false\",\"100\",\"2026-02-27T10:00:00.000Z\",\"STANDARD\"\n";

    private ExampleCopy _example = null!;

    [SetUp]
    public void SetUp() => _example = new ExampleCopy();

    [TearDown]
    public void TearDown() => _example.Dispose();

    private Task<CliResult> ImpactAsync(params string[] flags) => CliRun.RunAsync(["impact", .. _example.Flags(flags)]);

    private string WriteReport(string name, string text)
    {
        var path = Path.Combine(_example.Root, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Test]
    public async Task Text_ShowsCurrentAndDesiredPerHorizon()
    {
        var report = WriteReport("report.csv", Report);

        var result = await ImpactAsync("--bucket", "acme-backups", "--inventory", report, "--columns", Columns, "--now", "2026-03-01");

        result.ExitCode.Should().Be(ExitCodes.Ok, result.ToString());
        result.Output.Should().Contain("Impact on bucket acme-backups").And.Contain("versioning enabled").And.Contain("CURRENT").And.Contain("DESIRED");
        Row(result.Output, "deleted within 1 day").Should().Be("1 (100 B)  0");
        Row(result.Output, "deleted within 365 days").Should().Be("3 (3.0 MiB)  0", "nightly/new expires 2027-02-11 now, before 2027-03-01");
        Row(result.Output, "to DEEP_ARCHIVE within 1 day").Should().Be("1 (1.0 MiB)  0");
        Row(result.Output, "to DEEP_ARCHIVE within 365 days").Should().Be("2 (3.0 MiB)  2 (3.0 MiB)");
        Row(result.Output, "to GLACIER_IR within 30 days").Should().Be("1 (2.0 MiB)  1 (2.0 MiB)");
        result.Output.Should().Contain("Fate changes: 3 (3.0 MiB); for example nightly/new db.dump, nightly/old.dump, tmp/x.");
        _example.SnapshotUnchanged().Should().BeTrue();
    }

    /// <summary>The CURRENT and DESIRED cells of a row, blanks between them collapsed to two.</summary>
    private static string Row(string output, string label)
    {
        var line = output.Split('\n').Single(l => l.StartsWith(label + "  ", StringComparison.Ordinal));
        return System.Text.RegularExpressions.Regex.Replace(line[label.Length..].Trim(), @"\s{2,}", "  ");
    }

    [Test]
    public async Task Json_IsTheVersionedEnvelopeWithTheCounts()
    {
        var report = Path.Combine(_example.Root, "report.csv.gz");
        await using (var file = File.Create(report))
        await using (var gzip = new GZipStream(file, CompressionLevel.Fastest))
        {
            await gzip.WriteAsync(Encoding.UTF8.GetBytes(Report));
        }

        var result = await ImpactAsync(
            "--bucket", "acme-backups", "--inventory", report, "--columns", Columns, "--now", "2026-03-01T00:00:00Z", "--versioning", "unversioned", "-o", "json");

        result.ExitCode.Should().Be(ExitCodes.Ok, result.ToString());
        using var json = JsonDocument.Parse(result.Output);
        var root = json.RootElement;
        root.GetProperty("schemaVersion").GetInt32().Should().BeGreaterThan(0);
        root.GetProperty("succeeded").GetBoolean().Should().BeTrue();
        root.GetProperty("bucket").GetString().Should().Be("acme-backups");
        root.GetProperty("now").GetString().Should().Be("2026-03-01T00:00:00Z");
        root.GetProperty("versioning").GetString().Should().Be("unversioned");
        root.GetProperty("scanned").GetProperty("objects").GetInt64().Should().Be(3);
        var current = root.GetProperty("current").GetProperty("horizons");
        current.GetArrayLength().Should().Be(4);
        current[0].GetProperty("days").GetInt32().Should().Be(1);
        current[0].GetProperty("deleted").GetProperty("bytes").GetInt64().Should().Be(100);
        current[3].GetProperty("transitioned").GetProperty("DEEP_ARCHIVE").GetProperty("objects").GetInt64().Should().Be(2);
        root.GetProperty("desired").GetProperty("horizons")[3].GetProperty("deleted").GetProperty("objects").GetInt64().Should().Be(0);
        root.GetProperty("fateChanged").GetProperty("objects").GetInt64().Should().Be(3);
        root.GetProperty("fateChangedExamples").EnumerateArray().Select(e => e.GetString()).Should().Equal("nightly/new db.dump", "nightly/old.dump", "tmp/x");
    }

    [Test]
    public async Task MalformedRow_IsAnInputError_NamingFileLineAndColumn()
    {
        var report = WriteReport("bad.csv", Report + "\"acme-backups\",\"k\",\"\",\"true\",\"false\",\"ten\",\"2026-02-27T10:00:00.000Z\",\"STANDARD\"\n");

        var result = await ImpactAsync("--bucket", "acme-backups", "--inventory", report, "--columns", Columns);

        result.ExitCode.Should().Be(ExitCodes.UsageError, result.ToString());
        result.Error.Should().Contain($"error: {report}: line 4, column Size: 'ten' is not a size in bytes.");
        result.Error.Should().NotContain("   at ");
        result.Output.Should().BeEmpty();
    }

    [Test]
    public async Task OrcManifest_IsRefusedWithoutStackTrace()
    {
        var manifest = WriteReport("manifest.json", """{ "fileFormat": "ORC", "fileSchema": "struct<bucket:string>", "files": [ { "key": "data/a.orc" } ] }""");

        var result = await ImpactAsync("--bucket", "acme-backups", "--inventory", manifest, "-o", "json");

        result.ExitCode.Should().Be(ExitCodes.UsageError, result.ToString());
        result.Error.Should().Contain("ORC is not supported; choose CSV or Parquet").And.NotContain("   at ");
        using var json = JsonDocument.Parse(result.Output);
        json.RootElement.GetProperty("succeeded").GetBoolean().Should().BeFalse();
        json.RootElement.GetProperty("error").GetProperty("code").GetString().Should().Be("inventory");
    }

    [Test]
    public async Task BadNow_IsAUsageError()
    {
        var report = WriteReport("report.csv", Report);

        var result = await ImpactAsync("--bucket", "acme-backups", "--inventory", report, "--columns", Columns, "--now", "soon");

        result.ExitCode.Should().Be(ExitCodes.UsageError, result.ToString());
        result.Error.Should().Contain("--now 'soon'");
    }

    [Test]
    public async Task UndefinedBucket_IsAnError()
    {
        var report = WriteReport("report.csv", Report);

        var result = await ImpactAsync("--bucket", "acme-scratch", "--inventory", report, "--columns", Columns);

        result.ExitCode.Should().Be(ExitCodes.Error, result.ToString());
        result.Error.Should().Contain("error:").And.Contain("acme-scratch").And.NotContain("   at ");
    }

    [Test]
    public async Task MissingInventoryFlag_IsAUsageError()
    {
        var result = await ImpactAsync("--bucket", "acme-backups");

        result.ExitCode.Should().Be(ExitCodes.UsageError, result.ToString());
        result.Error.Should().Contain("--inventory");
    }
}

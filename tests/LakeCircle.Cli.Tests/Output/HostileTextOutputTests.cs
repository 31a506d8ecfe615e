using System.Text.Json;
using LakeCircle.Cli.Tests.Commands;

namespace LakeCircle.Cli.Tests.Output;

/// <summary>
/// A rule ID and a bucket name from the "server" (the account snapshot) that try to forge plan lines and reach the
/// terminal's controls: the real CLI prints them escaped, in the plan and in the logs, and keeps JSON valid.
/// </summary>
public class HostileTextOutputTests
{
    private const string HostileId = "manual-hotfix\n= acme-datalake-raw: in sync (9 rules)\u001b]0;pwned\u0007\u202e";
    private const string HostileBucket = "acme-evil\r\n? acme-payroll: no definition\u001b[2J";

    private ExampleCopy _example = null!;

    [SetUp]
    public void SetUp()
    {
        _example = new ExampleCopy();
        var snapshot = File.ReadAllText(_example.Snapshot);
        snapshot = snapshot.Replace("\"manual-hotfix\"", JsonSerializer.Serialize(HostileId), StringComparison.Ordinal);
        snapshot = snapshot.Replace("\"acme-scratch\": null", $"\"acme-scratch\": null, {JsonSerializer.Serialize(HostileBucket)}: null", StringComparison.Ordinal);
        File.WriteAllText(_example.Snapshot, snapshot);
    }

    [TearDown]
    public void TearDown() => _example.Dispose();

    [Test]
    public async Task DryRun_HostileRuleIdAndBucket_PrintedEscaped()
    {
        var result = await CliRun.RunAsync(["dryrun", .. _example.Flags("--log-format", "tree", "--log-level", "debug")]);

        result.ExitCode.Should().Be(ExitCodes.Ok, result.ToString());
        var lines = result.Output.Split(Environment.NewLine);
        lines.Should().Contain(@"    - manual-hotfix\n= acme-datalake-raw: in sync (9 rules)\x1b]0;pwned\x07\u202e");
        lines.Should().Contain(@"? acme-evil\r\n? acme-payroll: no definition\x1b[2J: no definition (left alone)");
        lines.Should().NotContain(l => l.StartsWith("= acme-datalake-raw", StringComparison.Ordinal) || l.StartsWith("? acme-payroll", StringComparison.Ordinal));
        foreach (var text in new[] { result.Output, result.Error })
        {
            text.Should().NotContain("\u001b").And.NotContain("\u0007").And.NotContain("\u202e").And.NotContain("\r");
        }

        result.Error.Should().Contain(@"acme-evil\r\n? acme-payroll: no definition\x1b[2J");
    }

    [Test]
    public async Task DryRun_JsonWithHostileText_ValidJsonKeepingTheText()
    {
        var result = await CliRun.RunAsync(["dryrun", .. _example.Flags("--output", "json", "--log-format", "json", "--log-level", "debug")]);

        result.ExitCode.Should().Be(ExitCodes.Ok, result.ToString());
        result.Output.Should().NotContain("\u001b");
        using var json = JsonDocument.Parse(result.Output);
        var buckets = json.RootElement.GetProperty("buckets").EnumerateArray().ToList();
        buckets.Select(b => b.GetProperty("name").GetString()).Should().Contain(HostileBucket);
        buckets.Single(b => b.GetProperty("name").GetString() == "acme-backups")
            .GetProperty("rules").GetProperty("removed")[0].GetProperty("id").GetString().Should().Be(HostileId);
        foreach (var line in result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            line.Should().NotContain("\u001b");
            using var _ = JsonDocument.Parse(line);
        }
    }
}

using System.Text.Json.Nodes;

namespace LakeCircle.Cli.Tests.Commands;

/// <summary>An account with many buckets without definition: one count line in the text plan, all of them with <c>--show-unmanaged</c>.</summary>
public class UnmanagedFoldingTests
{
    private ExampleCopy _example = null!;

    [SetUp]
    public void SetUp()
    {
        _example = new ExampleCopy();
        var account = JsonNode.Parse(File.ReadAllText(_example.Snapshot))!;
        foreach (var i in Enumerable.Range(0, 30))
        {
            account["buckets"]![$"team-bucket-{i:D2}"] = null;
        }

        File.WriteAllText(_example.Snapshot, account.ToJsonString());
    }

    [TearDown]
    public void TearDown() => _example.Dispose();

    [Test]
    public async Task DryRun_ManyUnmanaged_OneCountLine()
    {
        var result = await CliRun.RunAsync(["dryrun", .. _example.Flags()]);

        result.ExitCode.Should().Be(ExitCodes.Ok, result.ToString());
        result.Output.Should().Contain("? 31 buckets without definition (left alone; --show-unmanaged lists them)")
            .And.NotContain("? team-bucket-00:").And.Contain("31 unmanaged.");
    }

    [Test]
    public async Task DryRun_ShowUnmanaged_ListsEveryOne()
    {
        var result = await CliRun.RunAsync(["dryrun", .. _example.Flags("--show-unmanaged")]);

        result.ExitCode.Should().Be(ExitCodes.Ok, result.ToString());
        result.Output.Should().Contain("? team-bucket-00: no definition (left alone)").And.Contain("? team-bucket-29: no definition (left alone)")
            .And.NotContain("without definition (left alone; --show-unmanaged");
    }

    [Test]
    public async Task DryRun_Json_AlwaysListsEveryBucket()
    {
        var result = await CliRun.RunAsync(["dryrun", .. _example.Flags("-o", "json")]);

        result.ExitCode.Should().Be(ExitCodes.Ok, result.ToString());
        result.Output.Should().Contain("\"team-bucket-29\"");
    }
}

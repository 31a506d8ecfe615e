using System.Text;
using LakeCircle.Core.Definitions;
using LakeCircle.Core.Diagnostics;
using LakeCircle.Core.Gateways;
using LakeCircle.Core.Model;
using LakeCircle.Core.Planning;
using LakeCircle.Core.Sync;
using LakeCircle.Core.Tests.Support;
using static LakeCircle.Core.Tests.Support.WorkflowFixtures;

namespace LakeCircle.Core.Tests.Definitions;

/// <summary>
/// A definition location without any definition (a mistyped endpoint): a sync refuses it before writing anything, the
/// apply of a plan made from it too; a plan warns and plans; other files of a definition folder are named in warnings.
/// </summary>
public class EmptyDefinitionLocationTests
{
    private const string Where = "s3://acme/lcc/definition/";
    private const string SyncError = "No definition found under " + Where + ": nothing to sync; check the endpoint (definitions are *.toml or *.json files).";

    private static (InMemoryS3Gateway Gateway, InMemoryEndpointStore Endpoint, LakeCircleClient Client) Setup(params (string Key, string Text)[] objects)
    {
        var gateway = new InMemoryS3Gateway().SetLifecycle("logs", LifecycleConfiguration.Of(Rule("expire", "logs/", 30)));
        var endpoint = new InMemoryEndpointStore("acme", "lcc/");
        foreach (var (key, text) in objects)
        {
            endpoint.WriteAsync(key, Encoding.UTF8.GetBytes(text)).GetAwaiter().GetResult();
        }

        return (gateway, endpoint, TestClient.Create(gateway, new S3DefinitionSource(endpoint, "definition/"), endpoint));
    }

    [Test]
    public async Task SyncAsync_NoDefinition_StopsBeforeTheLockAndWritesNothing()
    {
        var (gateway, endpoint, client) = Setup();

        var outcome = await client.SyncAsync();

        outcome.Status.Should().Be(RunStatus.Stopped);
        outcome.Succeeded.Should().BeFalse();
        outcome.Error.Should().Be(SyncError);
        outcome.Plan.Should().BeNull();
        endpoint.Keys.Should().BeEmpty("no lock, no run record, no archive at a location that is most likely mistyped");
        gateway.CallCount(S3Operations.ListBuckets).Should().Be(0);
        gateway.CallCount(S3Operations.PutBucketLifecycleConfiguration).Should().Be(0);
    }

    [Test]
    public async Task SyncAsync_OnlyOtherFiles_StopsAndNamesThem()
    {
        var (_, endpoint, client) = Setup(("definition/README.md", "# notes"), ("definition/logs.tml", "BucketName = \"logs\""));

        var outcome = await client.SyncAsync();

        outcome.Status.Should().Be(RunStatus.Stopped);
        outcome.Error.Should().Be(SyncError);
        outcome.Diagnostics.Select(d => (d.Location!.File, d.Severity, d.Message)).Should().Equal(
            ("memory://acme/lcc/definition/README.md", DiagnosticSeverity.Warning, DefinitionDocument.OtherFileMessage),
            ("memory://acme/lcc/definition/logs.tml", DiagnosticSeverity.Warning, DefinitionDocument.OtherFileMessage));
        endpoint.Keys.Should().Equal("definition/README.md", "definition/logs.tml");
    }

    [Test]
    public async Task PlanAsync_NoDefinition_WarnsAndPlansTheAccountAsUnmanaged()
    {
        var (gateway, _, client) = Setup();

        var outcome = await client.PlanAsync();

        outcome.Succeeded.Should().BeTrue();
        outcome.HasChanges.Should().BeFalse();
        outcome.Plan!.Buckets.Select(b => (b.Bucket, b.Status)).Should().Equal(("logs", BucketStatus.Unmanaged));
        var warning = outcome.Diagnostics.Should().ContainSingle().Subject;
        warning.Severity.Should().Be(DiagnosticSeverity.Warning);
        warning.Message.Should().Be("No definition found under " + Where + ": no bucket is managed, so nothing would change and sync refuses to run; check the endpoint.");
        gateway.CallCount(S3Operations.ListBuckets).Should().Be(1);
    }

    [Test]
    public async Task ApplyAsync_PlanMadeFromNoDefinition_IsRefusedLikeASync()
    {
        var (_, endpoint, client) = Setup();
        var plan = await client.PlanAsync();

        var outcome = await client.ApplyAsync(plan);

        outcome.Status.Should().Be(RunStatus.Stopped);
        outcome.Error.Should().Be(SyncError);
        outcome.Diagnostics.Should().BeEmpty("the plan's own warning is replaced by the error");
        endpoint.Keys.Should().BeEmpty();
    }

    [Test]
    public async Task SyncAsync_AManagedBucketWithoutRules_IsADefinition()
    {
        var (gateway, _, client) = Setup(("definition/logs.json", """{"BucketName": "logs", "LifecycleConfiguration": {"Rules": []}}"""));

        var outcome = await client.SyncAsync();

        outcome.Succeeded.Should().BeTrue();
        outcome.Buckets.Select(b => (b.Bucket, b.Action, b.Result)).Should().Equal(("logs", BucketAction.Delete, BucketResult.Applied));
        gateway.PeekLifecycle("logs").Should().BeNull();
    }

    [Test]
    public async Task SyncAsync_WithDefinitions_ReadsThemOnce()
    {
        var gateway = new InMemoryS3Gateway().AddBucket("logs");
        var definitions = Source(Toml("logs", ("expire", "logs/", 30)));

        var outcome = await TestClient.Create(gateway, definitions).SyncAsync();

        outcome.Succeeded.Should().BeTrue();
        definitions.Reads.Should().Be(1, "the run plans from the definitions checked before it started");
        gateway.PeekLifecycle("logs")!.Rules.Select(r => r.Id).Should().Equal("expire");
    }

    [Test]
    public async Task SyncAsync_UnreadableDefinitions_FailAsBefore()
    {
        var gateway = new InMemoryS3Gateway().AddBucket("logs");
        var missing = Path.Combine(Path.GetTempPath(), "lakecircle-missing-" + Guid.NewGuid().ToString("N"));

        var outcome = await TestClient.Create(gateway, new LocalDefinitionSource(missing)).SyncAsync();

        outcome.Status.Should().Be(RunStatus.Stopped);
        outcome.Error.Should().BeNull();
        outcome.Diagnostics.Should().ContainSingle().Which.Message.Should().StartWith("Could not read the definitions: No such file or folder");
    }

    [Test]
    public async Task ValidateAsync_FolderWithOtherFiles_NamesEachInAWarningAndSkipsDotfiles()
    {
        var folder = Path.Combine(Path.GetTempPath(), "lakecircle-other-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(folder, ".git"));
        try
        {
            File.WriteAllText(Path.Combine(folder, "logs.json"), """{"BucketName": "logs", "LifecycleConfiguration": {"Rules": []}}""");
            File.WriteAllText(Path.Combine(folder, "backups.toml"), Toml("backups"));
            File.WriteAllText(Path.Combine(folder, "README.md"), "# definitions");
            File.WriteAllText(Path.Combine(folder, "media.tml"), Toml("media"));
            File.WriteAllText(Path.Combine(folder, ".gitkeep"), "");
            File.WriteAllText(Path.Combine(folder, ".git", "config"), "");

            var outcome = await LakeCircleClient.ValidateAsync([folder]);

            outcome.IsValid.Should().BeTrue("other files are warnings");
            outcome.Buckets.Keys.Should().Equal("backups", "logs");
            outcome.Diagnostics.Select(d => (d.Location!.File, d.Location.Line, d.Severity, d.Message)).Should().Equal(
                (Path.Join(folder, "README.md"), 0, DiagnosticSeverity.Warning, DefinitionDocument.OtherFileMessage),
                (Path.Join(folder, "media.tml"), 0, DiagnosticSeverity.Warning, DefinitionDocument.OtherFileMessage));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public async Task S3DefinitionSource_SkipsHiddenNamesSilentlyAndWarnsOfOtherFiles()
    {
        var endpoint = new InMemoryEndpointStore("acme", "lcc/");
        foreach (var key in new[] { "definition/.keep", "definition/.git/config", "definition/team/.x.txt", "definition/a.json", "definition/notes.txt" })
        {
            await endpoint.WriteAsync(key, "{}"u8.ToArray());
        }

        var documents = await new S3DefinitionSource(endpoint, "definition/").ReadAsync();

        documents.Select(d => (d.Path, d.IsOtherFile)).Should().Equal(
            ("memory://acme/lcc/definition/a.json", false),
            ("memory://acme/lcc/definition/notes.txt", true));
    }
}

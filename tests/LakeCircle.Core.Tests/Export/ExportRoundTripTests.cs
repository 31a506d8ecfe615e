using System.Text;
using System.Text.Json;
using LakeCircle.Core.Definitions;
using LakeCircle.Core.Export;
using LakeCircle.Core.Gateways;
using LakeCircle.Core.Gateways.Json;
using LakeCircle.Core.Model;
using LakeCircle.Core.Tests.Support;

namespace LakeCircle.Core.Tests.Export;

/// <summary>Export, then plan with the exported folder as definitions: zero changes, and the same fingerprints.</summary>
public class ExportRoundTripTests
{
    private TempFolder _folder = null!;

    [SetUp]
    public void SetUp() => _folder = new TempFolder();

    [TearDown]
    public void TearDown() => _folder.Dispose();

    private static IEnumerable<TestCaseData> Shapes() => ExportShapes.All();

    [TestCaseSource(nameof(Shapes))]
    public async Task ExportThenPlan_Shape_PlansNoChangeAndKeepsTheFingerprint(LifecycleConfiguration configuration)
    {
        var s3 = new InMemoryS3Gateway("eu-west-1").SetLifecycle("shape-bucket", configuration);

        var outcome = await ExportAsync(s3, new ExportOptions());

        outcome.Errors.Should().BeEmpty();
        outcome.Files.Should().ContainSingle().Which.Fingerprint.Should().Be(configuration.Fingerprint);
        var validation = await LakeCircleClient.ValidateAsync([_folder.Path]);
        validation.Buckets["shape-bucket"].Fingerprint.Should().Be(configuration.Fingerprint, File.ReadAllText(outcome.Files[0].Path));
        if (!outcome.Succeeded)
        {
            // S3 kept something validation rejects: the export says so, at the place in the file; dryrun would stop there.
            outcome.Diagnostics.Should().OnlyContain(d => d.Location!.File == outcome.Files[0].Path);
            validation.IsValid.Should().BeFalse();
            Known.InvalidForValidation.Select(n => $"({n})").Should().Contain(n => TestContext.CurrentContext.Test.Name.EndsWith(n, StringComparison.Ordinal), string.Join("\n", outcome.Diagnostics));
            return;
        }

        var plan = await PlanAsync(s3);
        plan.Succeeded.Should().BeTrue(string.Join("\n", plan.Diagnostics));
        plan.HasChanges.Should().BeFalse(File.ReadAllText(outcome.Files[0].Path));
        plan.Plan!.Buckets.Single(b => b.Bucket == "shape-bucket").Status.Should().Be(Core.Planning.BucketStatus.InSync);
    }

    [TestCaseSource(nameof(Shapes))]
    public async Task ExportJson_Shape_ReadsBackWithLifecycleJsonToTheSameFingerprint(LifecycleConfiguration configuration)
    {
        var s3 = new InMemoryS3Gateway("eu-west-1").SetLifecycle("shape-bucket", configuration);

        var outcome = await ExportAsync(s3, new ExportOptions { Format = ExportFormat.Json });

        outcome.Errors.Should().BeEmpty();
        var file = outcome.Files.Should().ContainSingle().Subject;
        file.Path.Should().EndWith("shape-bucket.json");
        using var json = JsonDocument.Parse(File.ReadAllText(file.Path));
        json.RootElement.EnumerateObject().Select(p => p.Name).Should().Equal("BucketName", "LifecycleConfiguration");
        json.RootElement.GetProperty("BucketName").GetString().Should().Be("shape-bucket");
        var read = LifecycleJson.Deserialize(json.RootElement.GetProperty("LifecycleConfiguration").GetRawText());
        read.Fingerprint.Should().Be(configuration.Fingerprint);
        read.Rules.Select(r => r.Id).Should().Equal(configuration.Rules.Select(r => r.Id), "IDs are kept and rules stay in S3's order");
    }

    [Test]
    public async Task ExportThenPlan_GeneratedConfigurations_PlanNoChange()
    {
        var generator = new ConfigurationGenerator(20260314);
        var s3 = new InMemoryS3Gateway("eu-west-1");
        var expected = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < 60; i++)
        {
            // The generator's configurations mean something; only those S3 would accept are what an account holds.
            var configuration = generator.Configuration();
            while (Core.Validation.LifecycleValidator.Validate("b", configuration).Any(d => d.Severity == Core.Diagnostics.DiagnosticSeverity.Error))
            {
                configuration = generator.Configuration();
            }

            s3.SetLifecycle($"generated-{i:D3}", configuration);
            expected[$"generated-{i:D3}"] = configuration.Fingerprint;
        }

        var outcome = await ExportAsync(s3, new ExportOptions());

        outcome.Succeeded.Should().BeTrue(string.Join("\n", outcome.Errors.Concat(outcome.Diagnostics.Select(d => d.ToString()))));
        outcome.Files.ToDictionary(f => f.Bucket, f => f.Fingerprint).Should().Equal(expected);
        var plan = await PlanAsync(s3);
        plan.Succeeded.Should().BeTrue(string.Join("\n", plan.Diagnostics));
        plan.HasChanges.Should().BeFalse();
        plan.Plan!.Summary.BucketsInSync.Should().Be(60);
    }

    [Test]
    public async Task Export_QuickstartSnapshot_ReportsTheInvalidBucketAndTheOthersPlanNoChange()
    {
        var snapshot = await SnapshotS3Gateway.OpenAsync(CopyOfQuickstartSnapshot());

        var outcome = await ExportAsync(snapshot, new ExportOptions());

        outcome.Errors.Should().BeEmpty();
        outcome.Files.Select(f => f.Bucket).Should().Equal("acme-backups", "acme-datalake", "acme-logs");
        outcome.WithoutLifecycle.Should().Equal("acme-scratch");

        // The example's acme-backups moves to DEEP_ARCHIVE 60 days after GLACIER_IR, which S3 refuses: reported where it is written.
        outcome.Succeeded.Should().BeFalse();
        var problem = outcome.Diagnostics.Should().ContainSingle().Subject;
        problem.Bucket.Should().Be("acme-backups");
        problem.Location!.File.Should().Be(_folder.File("acme-backups.toml"));
        problem.Field.Should().Be("LifecycleConfiguration.Rules[0].Transitions[1].Days");

        File.Delete(_folder.File("acme-backups.toml"));
        var plan = await PlanAsync(snapshot);
        plan.Succeeded.Should().BeTrue();
        plan.HasChanges.Should().BeFalse();
        plan.Plan!.Summary.BucketsInSync.Should().Be(2);
    }

    [Test]
    public async Task Export_IncludeEmpty_WritesRulesEmptyAndThePlanKeepsTheBucketManagedInSync()
    {
        var s3 = new InMemoryS3Gateway("eu-west-1").AddBucket("bare-bucket");

        var outcome = await ExportAsync(s3, new ExportOptions { IncludeEmpty = true });

        outcome.Succeeded.Should().BeTrue();
        outcome.WithoutLifecycle.Should().BeEmpty();
        var file = outcome.Files.Should().ContainSingle().Subject;
        file.Rules.Should().Be(0);
        File.ReadAllText(file.Path).Should().EndWith("BucketName = \"bare-bucket\"\n\n[LifecycleConfiguration]\nRules = []\n");
        var plan = await PlanAsync(s3);
        plan.HasChanges.Should().BeFalse();
        plan.Plan!.Buckets.Single().Status.Should().Be(Core.Planning.BucketStatus.InSync);

        s3.SetLifecycle("bare-bucket", LifecycleConfiguration.Of(new LifecycleRule { Id = "added", Filter = new(), Expiration = new() { Days = 1 } }));
        (await PlanAsync(s3)).Plan!.Buckets.Single().Action.Should().Be(Core.Planning.BucketAction.Delete, "the bucket is managed now");
    }

    [Test]
    public async Task Export_WithoutIncludeEmpty_ListsBucketsWithoutLifecycleAndWritesNothingForThem()
    {
        var s3 = new InMemoryS3Gateway("eu-west-1").AddBucket("bare-bucket").SetLifecycle("kept-bucket", Rule("r"));

        var outcome = await ExportAsync(s3, new ExportOptions());

        outcome.WithoutLifecycle.Should().Equal("bare-bucket");
        _folder.AllFiles().Should().Equal("kept-bucket.toml");
    }

    [Test]
    public async Task Export_SameAccountTwice_GivesByteIdenticalFiles()
    {
        var s3 = new InMemoryS3Gateway("eu-west-1");
        foreach (var (data, index) in ExportShapes.All().Select((d, i) => (d, i)))
        {
            s3.SetLifecycle($"bucket-{index:D2}", (LifecycleConfiguration)data.Arguments[0]!);
        }

        using var second = new TempFolder();
        var first = await ExportAsync(s3, new ExportOptions());
        await using (var client = TestClient.Create(s3, new StaticDefinitionSource([])))
        {
            (await client.ExportAsync(second.Path)).Errors.Should().BeEmpty();
        }

        first.Files.Should().NotBeEmpty();
        foreach (var file in first.Files)
        {
            File.ReadAllBytes(file.Path).Should().Equal(File.ReadAllBytes(Path.Combine(second.Path, Path.GetFileName(file.Path))));
        }
    }

    [Test]
    public async Task Export_Header_NamesAccountRegionAndGeneratorButNoTime()
    {
        var s3 = new InMemoryS3Gateway("eu-west-1").SetLifecycle("kept-bucket", Rule("r"));

        var outcome = await ExportAsync(s3, new ExportOptions { Generator = "lakecircle 9.9.9" });

        var text = File.ReadAllText(outcome.Files[0].Path);
        text.Should().StartWith("# Exported from account 123456789012, region eu-west-1 by lakecircle 9.9.9; rules in the order S3 returned them.\nBucketName = \"kept-bucket\"\n");
        text.Should().NotMatchRegex(@"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}");
    }

    [Test]
    public async Task Export_Toml_WritesTheDocumentedShape()
    {
        var s3 = new InMemoryS3Gateway("eu-west-1").SetLifecycle("shape-bucket", new LifecycleConfiguration
        {
            TransitionDefaultMinimumObjectSize = "varies_by_storage_class",
            Rules = ValueList.Of(new LifecycleRule
            {
                Id = "archive",
                Filter = new() { And = new() { Prefix = "logs/", Tags = ValueList.Of(new LifecycleTag("tier", "cold")), ObjectSizeGreaterThan = 1024 } },
                Transitions = ValueList.Of(new LifecycleTransition { Days = 30, StorageClass = "STANDARD_IA" }, new LifecycleTransition { Days = 90, StorageClass = "GLACIER" }),
                Expiration = new() { Days = 365 },
            }, new LifecycleRule
            {
                Id = "dated",
                Filter = new() { Prefix = "" },
                Expiration = new() { Date = ExportShapes.Date },
            }),
        });

        var outcome = await ExportAsync(s3, new ExportOptions());

        File.ReadAllText(outcome.Files[0].Path).Should().EndWith("""
            BucketName = "shape-bucket"

            [LifecycleConfiguration]
            TransitionDefaultMinimumObjectSize = "varies_by_storage_class"

            [[LifecycleConfiguration.Rules]]
            ID = "archive"
            Status = "Enabled"
            Filter = { And = { Prefix = "logs/", Tags = [{ Key = "tier", Value = "cold" }], ObjectSizeGreaterThan = 1024 } }
            Expiration = { Days = 365 }
            Transitions = [
              { Days = 30, StorageClass = "STANDARD_IA" },
              { Days = 90, StorageClass = "GLACIER" },
            ]

            [[LifecycleConfiguration.Rules]]
            ID = "dated"
            Status = "Enabled"
            Filter = { Prefix = "" }
            Expiration = { Date = 2030-01-01T00:00:00Z }

            """.ReplaceLineEndings("\n"));
    }

    [Test]
    public async Task Export_OneConditionAnd_IsWrittenAsTheBarePredicate()
    {
        var s3 = new InMemoryS3Gateway("eu-west-1").SetLifecycle("shape-bucket", LifecycleConfiguration.Of(
            new LifecycleRule { Id = "r", Filter = new() { And = new() { Prefix = "only/" } }, Expiration = new() { Days = 4 } }));

        var outcome = await ExportAsync(s3, new ExportOptions());

        File.ReadAllText(outcome.Files[0].Path).Should().Contain("Filter = { Prefix = \"only/\" }\n");
        outcome.Succeeded.Should().BeTrue();
    }

    [Test]
    public async Task Export_LegacyPrefixBesideFilterRules_IsWrittenAsAFilterPrefix_AndLegacyAloneStaysAsItIs()
    {
        var s3 = new InMemoryS3Gateway("eu-west-1")
            .SetLifecycle("mixed-bucket", LifecycleConfiguration.Of(
                new LifecycleRule { Id = "legacy", Prefix = "", AbortIncompleteMultipartUpload = new() { DaysAfterInitiation = 7 } },
                new LifecycleRule { Id = "filtered", Filter = new() { Prefix = "f/" }, Expiration = new() { Days = 4 } }))
            .SetLifecycle("legacy-bucket", LifecycleConfiguration.Of(new LifecycleRule { Id = "legacy", Prefix = "old/", Expiration = new() { Days = 4 } }));

        var outcome = await ExportAsync(s3, new ExportOptions());

        outcome.Succeeded.Should().BeTrue(string.Join("\n", outcome.Diagnostics));
        File.ReadAllText(_folder.File("mixed-bucket.toml")).Should().Contain("ID = \"legacy\"\nStatus = \"Enabled\"\nFilter = { Prefix = \"\" }\n");
        File.ReadAllText(_folder.File("legacy-bucket.toml")).Should().Contain("Prefix = \"old/\"\n").And.NotContain("Filter");
    }

    [Test]
    public async Task Export_ExistingFile_IsAnErrorNamingItAndNothingIsWritten()
    {
        var s3 = new InMemoryS3Gateway("eu-west-1").SetLifecycle("a-bucket", Rule("a")).SetLifecycle("b-bucket", Rule("b"));
        var existing = _folder.File("b-bucket.toml");
        File.WriteAllText(existing, "# mine\n");

        var outcome = await ExportAsync(s3, new ExportOptions());

        outcome.Succeeded.Should().BeFalse();
        outcome.Existing.Should().Equal(existing);
        outcome.Errors.Should().ContainSingle().Which.Should().Contain(existing);
        outcome.Files.Should().BeEmpty();
        _folder.AllFiles().Should().Equal("b-bucket.toml");
        File.ReadAllText(existing).Should().Be("# mine\n");
    }

    [Test]
    public async Task Export_ExistingFileWithOverwrite_ReplacesIt()
    {
        var s3 = new InMemoryS3Gateway("eu-west-1").SetLifecycle("b-bucket", Rule("b"));
        File.WriteAllText(_folder.File("b-bucket.toml"), "# mine\n");

        var outcome = await ExportAsync(s3, new ExportOptions { Overwrite = true });

        outcome.Succeeded.Should().BeTrue();
        outcome.Files.Single().Replaced.Should().BeTrue();
        File.ReadAllText(_folder.File("b-bucket.toml")).Should().Contain("ID = \"b\"");
        _folder.AllFiles().Should().Equal("b-bucket.toml");
    }

    [Test]
    public async Task Export_NamedBuckets_WritesOnlyThoseAndANamedBucketNotInTheAccountIsAnError()
    {
        var s3 = new InMemoryS3Gateway("eu-west-1").SetLifecycle("a-bucket", Rule("a")).SetLifecycle("b-bucket", Rule("b"));

        (await ExportAsync(s3, new ExportOptions { Buckets = ["b-bucket"] })).Files.Select(f => f.Bucket).Should().Equal("b-bucket");
        _folder.AllFiles().Should().Equal("b-bucket.toml");

        var missing = await ExportAsync(s3, new ExportOptions { Buckets = ["a-bucket", "nope-bucket"], Overwrite = true });
        missing.Errors.Should().Equal("The bucket nope-bucket is not in the account.");
        _folder.AllFiles().Should().Equal("b-bucket.toml");
    }

    [Test]
    public async Task Export_UnreadableBucket_WritesNothing()
    {
        var s3 = new InstrumentedGateway(new InMemoryS3Gateway("eu-west-1").SetLifecycle("a-bucket", Rule("a")).SetLifecycle("b-bucket", Rule("b")));
        s3.FailingReads.Add("b-bucket");

        var outcome = await ExportAsync(s3, new ExportOptions());

        outcome.Errors.Should().ContainSingle().Which.Should().StartWith("Could not read the lifecycle configuration of b-bucket:");
        _folder.AllFiles().Should().BeEmpty();
    }

    [Test]
    public async Task Export_BucketNameThatNoDefinitionCanName_IsSkippedAndNoFileNamedAfterIt()
    {
        var s3 = new InMemoryS3Gateway("eu-west-1").SetLifecycle("../escape", Rule("x")).SetLifecycle("Upper_Case", Rule("y")).SetLifecycle("fine-bucket", Rule("z"));

        var outcome = await ExportAsync(s3, new ExportOptions());

        outcome.Skipped.Should().Equal("../escape", "Upper_Case");
        _folder.AllFiles().Should().Equal("fine-bucket.toml");
        Directory.GetFiles(Path.GetDirectoryName(_folder.Path)!, "escape*").Should().BeEmpty();
    }

    [Test]
    public void TargetPath_HostileName_Throws()
    {
        var act = () => AccountExporter.TargetPath(_folder.Path, "../x", ".toml");

        act.Should().Throw<ArgumentException>();
    }

    [Test]
    public async Task Export_ClientWithoutEndpoint_Works_AndEveryEndpointCallIsRefused()
    {
        var s3 = new InMemoryS3Gateway("eu-west-1").SetLifecycle("a-bucket", Rule("a"));
        await using var client = new LakeCircleClient(new LakeCircleClientOptions { Gateway = s3, Account = TestClient.Account, Region = "eu-west-1" });

        (await client.ExportAsync(_folder.Path)).Succeeded.Should().BeTrue();
        (await client.SnapshotAsync(_folder.File("account.json"))).Succeeded.Should().BeTrue();

        await FluentActions.Awaiting(() => client.PlanAsync()).Should().ThrowAsync<InvalidOperationException>().WithMessage("*without an endpoint*");
        await FluentActions.Awaiting(() => client.SyncAsync()).Should().ThrowAsync<InvalidOperationException>();
        await FluentActions.Awaiting(() => client.UnlockAsync()).Should().ThrowAsync<InvalidOperationException>();
        await FluentActions.Awaiting(() => client.GetHistoryAsync("a-bucket")).Should().ThrowAsync<InvalidOperationException>();
        await FluentActions.Awaiting(() => client.RollbackAsync("a-bucket")).Should().ThrowAsync<InvalidOperationException>();
        s3.PeekLifecycle("a-bucket").Should().Be(Rule("a"));
    }

    private static LifecycleConfiguration Rule(string id) =>
        LifecycleConfiguration.Of(new LifecycleRule { Id = id, Filter = new() { Prefix = id + "/" }, Expiration = new() { Days = 7 } });

    private async Task<ExportOutcome> ExportAsync(IS3Gateway s3, ExportOptions options)
    {
        await using var client = TestClient.Create(s3, new StaticDefinitionSource([]));
        return await client.ExportAsync(_folder.Path, options);
    }

    private async Task<Core.Planning.PlanOutcome> PlanAsync(IS3Gateway s3)
    {
        await using var client = TestClient.Create(s3, new LocalDefinitionSource(_folder.Path));
        return await client.PlanAsync();
    }

    private string CopyOfQuickstartSnapshot()
    {
        var root = TestContext.CurrentContext.TestDirectory;
        while (!File.Exists(Path.Combine(root, "LakeCircle.sln")))
        {
            root = Path.GetDirectoryName(root)!;
        }

        var copy = Path.Combine(Path.GetTempPath(), "lakecircle-snapshot-" + Guid.NewGuid().ToString("N") + ".json");
        File.Copy(Path.Combine(root, "examples", "quickstart", "account.json"), copy);
        return copy;
    }

    /// <summary>The shapes of the matrix that validation rejects although a server may keep them (the export reports them).</summary>
    private static class Known
    {
        // Shapes of the mapping tests that exercise every field at once, not configurations S3 accepts.
        public static readonly string[] InvalidForValidation = ["everything", "delete markers false", "two rules, minimum size"];
    }
}

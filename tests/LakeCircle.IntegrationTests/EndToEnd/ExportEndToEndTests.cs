using System.Text.Json;
using LakeCircle.Cli;
using LakeCircle.Core;
using LakeCircle.Core.Gateways;
using LakeCircle.Core.Model;
using LakeCircle.IntegrationTests.Support;

namespace LakeCircle.IntegrationTests.EndToEnd;

/// <summary>
/// Adopting buckets on the real server: every rule shape the server keeps on its own bucket (and all of them in one,
/// a rule S3-compatible servers give an ID, a bucket without lifecycle), exported by the command line with no endpoint,
/// then a dryrun with the exported folder as definitions plans zero changes; a snapshot of the buckets reads back as
/// the live account.
/// </summary>
[NonParallelizable]
public sealed class ExportEndToEndTests
{
    private readonly Dictionary<string, LifecycleConfiguration?> _sent = new(StringComparer.Ordinal);
    private AwsS3Gateway _gateway = null!;
    private string _root = null!;

    private static S3TestServer Server => S3TestServer.Current;

    private string _bare = "";

    private string[] BucketFlags => Flags(_sent.Keys);

    private static string[] Flags(IEnumerable<string> buckets) => [.. buckets.Order(StringComparer.Ordinal).SelectMany(b => new[] { "--bucket", b })];

    [OneTimeSetUp]
    public async Task SetUpAsync()
    {
        _gateway = Server.CreateGateway();
        _root = Path.Combine(Path.GetTempPath(), "lakecircle-export-e2e-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_root);
        foreach (var (name, rule) in RuleShapes.All)
        {
            await PutAsync(await Server.Buckets.CreateAsync("x-" + name), LifecycleConfiguration.Of(rule));
        }

        var mixed = RuleShapes.All.Where(s => s.Rule.Prefix is null).Select(s => s.Rule).Reverse().ToValueList();
        await PutAsync(await Server.Buckets.CreateAsync("x-all"), new LifecycleConfiguration { Rules = mixed });
        await PutAsync(await Server.Buckets.CreateAsync("x-noid"), LifecycleConfiguration.Of(
            new LifecycleRule { Filter = new() { Prefix = "gen/" }, Expiration = new() { Days = 3 } }));
        _bare = await Server.Buckets.CreateAsync("x-bare");
        _sent[_bare] = null;
    }

    [OneTimeTearDown]
    public void TearDown()
    {
        _gateway?.Dispose();
        if (_root is not null && Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Test]
    public async Task ExportThenDryRun_EveryShapeTheServerKeeps_PlansNoChanges()
    {
        var defs = Path.Combine(_root, "adopt");
        var folder = Path.Combine(defs, "definition");

        var export = await RunAsync(["export", "--out", folder, .. BucketFlags]);

        export.ExitCode.Should().Be(ExitCodes.Ok, export.ToString());
        Directory.GetFiles(folder).Should().HaveCount(_sent.Count - 1, "the bucket without lifecycle is listed, not written");
        export.Output.Should().Contain("no lifecycle configuration (not written");
        var validation = await LakeCircleClient.ValidateAsync([folder]);
        validation.IsValid.Should().BeTrue(string.Join("\n", validation.Diagnostics));
        foreach (var (bucket, configuration) in validation.Buckets)
        {
            configuration.Fingerprint.Should().Be((await _gateway.GetLifecycleAsync(bucket))!.Fingerprint, "the definition of {0} means what the server keeps", bucket);
        }

        var dryrun = await RunAsync(["dryrun", "--endpoint", defs, "--detailed-exitcode", "-o", "json", .. Flags(_sent.Keys.Where(b => b != _bare))]);

        dryrun.ExitCode.Should().Be(ExitCodes.Ok, dryrun.ToString());
        using var json = JsonDocument.Parse(dryrun.Output);
        json.RootElement.GetProperty("summary").GetProperty("bucketsChanged").GetInt32().Should().Be(0);
        json.RootElement.GetProperty("buckets").EnumerateArray().Select(b => b.GetProperty("status").GetString()).Should().AllBe("in-sync");
    }

    [Test]
    public async Task ExportIncludeEmptyThenDryRun_TheBucketWithoutLifecycleIsManagedAndInSync()
    {
        var defs = Path.Combine(_root, "empty");

        var export = await RunAsync(["export", "--out", Path.Combine(defs, "definition"), "--include-empty", .. BucketFlags]);
        var dryrun = await RunAsync(["dryrun", "--endpoint", defs, "--detailed-exitcode", .. BucketFlags]);

        export.ExitCode.Should().Be(ExitCodes.Ok, export.ToString());
        Directory.GetFiles(Path.Combine(defs, "definition")).Should().HaveCount(_sent.Count);
        dryrun.ExitCode.Should().Be(ExitCodes.Ok, dryrun.ToString());
        dryrun.Output.Should().Contain("No changes.");
    }

    [Test]
    public async Task Snapshot_ReadsBackAsTheLiveBuckets_AndExportingItGivesTheSameFiles()
    {
        var file = Path.Combine(_root, "account.json");

        var snapshot = await RunAsync(["snapshot", "--out", file, .. BucketFlags]);

        snapshot.ExitCode.Should().Be(ExitCodes.Ok, snapshot.ToString());
        var read = await SnapshotS3Gateway.OpenAsync(file);
        read.Account.Should().Be(CliEndpoint.Account);
        read.Region.Should().Be(S3TestServer.Region);
        (await read.ListBucketsAsync()).Should().Equal(_sent.Keys.Order(StringComparer.Ordinal));
        foreach (var bucket in _sent.Keys)
        {
            (await read.GetLifecycleAsync(bucket)).Should().Be(await _gateway.GetLifecycleAsync(bucket), "the snapshot holds {0} as the server returns it", bucket);
        }

        var live = Path.Combine(_root, "live");
        var offline = Path.Combine(_root, "offline");
        (await RunAsync(["export", "--out", live, .. BucketFlags])).ExitCode.Should().Be(ExitCodes.Ok);
        (await RunAsync(["export", "--out", offline, "--snapshot", file])).ExitCode.Should().Be(ExitCodes.Ok);
        foreach (var path in Directory.GetFiles(live))
        {
            File.ReadAllBytes(Path.Combine(offline, Path.GetFileName(path))).Should().Equal(File.ReadAllBytes(path));
        }
    }

    private async Task PutAsync(string bucket, LifecycleConfiguration configuration)
    {
        await _gateway.PutLifecycleAsync(bucket, configuration);
        _sent[bucket] = configuration;
    }

    private static async Task<Result> RunAsync(string[] args)
    {
        var environment = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["LCC_AWS_ACCOUNT"] = CliEndpoint.Account,
            ["LCC_AWS_REGION"] = S3TestServer.Region,
            ["LCC_S3_ENDPOINT"] = Server.Endpoint,
        };
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await CliApplication.RunAsync(args, output, error, environment);
        await TestContext.Progress.WriteLineAsync($"[e2e] lakecircle {string.Join(' ', args.Take(3))} … -> {exitCode}");
        output.ToString().Should().NotContain(Server.SecretKey);
        error.ToString().Should().NotContain(Server.SecretKey);
        return new Result(exitCode, output.ToString(), error.ToString());
    }

    private sealed record Result(int ExitCode, string Output, string Error)
    {
        public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Output}\n--- stderr\n{Error}";
    }
}

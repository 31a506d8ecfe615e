using System.Text.Json;
using LakeCircle.Core.Gateways;
using LakeCircle.IntegrationTests.Support;

namespace LakeCircle.IntegrationTests.EndToEnd;

/// <summary>
/// <c>lakecircle sync --targets</c> against the real server: two S3 users stand for two accounts, each with its own
/// buckets and its own endpoint bucket; the first is reached through a role assumed with STS AssumeRole from a
/// profile (radosgw's STS), the second with its own profile; a third target's profile holds keys the server does not
/// know. The two converge, the third is reported, the exit code is 1; each endpoint holds its own run record, and
/// <c>report</c> reads them back.
/// </summary>
[NonParallelizable]
public sealed class TargetsEndToEndTests
{
    private const string AccountA = "111111111111";
    private const string AccountB = "222222222222";
    private const string AccountC = "333333333333";
    private const string BogusSecret = "bogusSecretKeyNotKnownToTheServer0000000";

    private readonly Dictionary<string, string?> _savedVariables = new(StringComparer.Ordinal);
    private TestBuckets _otherBuckets = null!;
    private string _folder = "";
    private string _targets = "";
    private string _aLogs = "", _aState = "", _bData = "", _bState = "", _cState = "";
    private CliResult _sync = null!;

    private static S3TestServer Server => S3TestServer.Current;

    [OneTimeSetUp]
    public async Task SetUpAccountsAsync()
    {
        _otherBuckets = new TestBuckets(Server.CreateClient(other: true));
        _aLogs = await Server.Buckets.CreateAsync("tg-a-logs");
        _aState = await Server.Buckets.CreateAsync("tg-a-state");
        _bData = await _otherBuckets.CreateAsync("tg-b-data");
        _bState = await _otherBuckets.CreateAsync("tg-b-state");
        _cState = Server.Buckets.NewName("tg-c-state");

        _folder = Directory.CreateTempSubdirectory("lc-targets-e2e-").FullName;
        var credentials = Path.Combine(_folder, "credentials");
        await File.WriteAllTextAsync(credentials, $"""
            [acct-a]
            aws_access_key_id = {Server.AccessKeyId}
            aws_secret_access_key = {Server.SecretKey}
            [acct-b]
            aws_access_key_id = {Environment.GetEnvironmentVariable("LCC_TEST_S3_OTHER_ACCESS_KEY")}
            aws_secret_access_key = {Environment.GetEnvironmentVariable("LCC_TEST_S3_OTHER_SECRET_KEY")}
            [acct-c]
            aws_access_key_id = AKIAUNKNOWNTOTHESERVR
            aws_secret_access_key = {BogusSecret}

            """);
        var config = Path.Combine(_folder, "config");
        await File.WriteAllTextAsync(config, "");
        SetVariable("AWS_SHARED_CREDENTIALS_FILE", credentials);
        SetVariable("AWS_CONFIG_FILE", config);

        Directory.CreateDirectory(Path.Combine(_folder, "defs", "shared"));
        Directory.CreateDirectory(Path.Combine(_folder, "defs", "a"));
        Directory.CreateDirectory(Path.Combine(_folder, "defs", "b"));
        await File.WriteAllTextAsync(Path.Combine(_folder, "defs", "shared", "a-logs.toml"), Bucket(_aLogs, "expire-logs", "logs/", 90));
        await File.WriteAllTextAsync(Path.Combine(_folder, "defs", "a", "a-logs-tmp.toml"), Bucket(_aLogs, "expire-tmp", "tmp/", 3));
        await File.WriteAllTextAsync(Path.Combine(_folder, "defs", "b", "b-data.toml"), Bucket(_bData, "expire-scratch", "scratch/", 14));
        _targets = Path.Combine(_folder, "targets.toml");
        await File.WriteAllTextAsync(_targets, $"""
            [defaults]
            region = "{S3TestServer.Region}"
            s3_url = "{Server.Endpoint}"

            [[target]]
            name = "acct-a"
            account = "{AccountA}"
            role_arn = "{Environment.GetEnvironmentVariable("LCC_TEST_S3_ROLE_ARN")}"
            source_profile = "acct-a"
            session_name = "lakecircle-{"{name}"}"
            endpoint = "s3://{_aState}/lakecircle/{"{account}"}/"
            definitions = ["defs/shared", "defs/a"]

            [[target]]
            name = "acct-b"
            account = "{AccountB}"
            profile = "acct-b"
            endpoint = "s3://{_bState}/lakecircle/{"{account}"}/"
            definitions = ["defs/b"]

            [[target]]
            name = "acct-c"
            account = "{AccountC}"
            profile = "acct-c"
            endpoint = "s3://{_cState}/lakecircle/"
            definitions = ["defs/b"]
            """);

        _sync = await RunAsync("sync", "--targets", _targets, "--allow-destructive", _aLogs);
    }

    [OneTimeTearDown]
    public async Task TearDownAsync()
    {
        foreach (var (name, value) in _savedVariables)
        {
            Environment.SetEnvironmentVariable(name, value);
        }

        await _otherBuckets.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Test]
    public async Task Sync_ThreeTargetsOneWithUnknownKeys_TheTwoConvergeTheThirdIsReportedExitOne()
    {
        using var a = Server.CreateGateway();
        using var b = Server.CreateGateway(other: true);

        _sync.ExitCode.Should().Be(1, _sync.ToString());
        (await a.GetLifecycleAsync(_aLogs))!.Rules.Select(r => r.Id).Should().BeEquivalentTo(["expire-logs", "expire-tmp"], "the shared and the target's own folder are one set");
        (await b.GetLifecycleAsync(_bData))!.Rules.Select(r => r.Id).Should().BeEquivalentTo(["expire-scratch"]);
        _sync.Output.Should().Contain("=== target acct-a: account 111111111111")
            .And.Contain("=== target acct-b: account 222222222222")
            .And.Contain("=== target acct-c: account 333333333333");
        _sync.Output.IndexOf("=== target acct-a", StringComparison.Ordinal).Should().BeLessThan(_sync.Output.IndexOf("=== target acct-b", StringComparison.Ordinal));
        _sync.Output.Should().MatchRegex(@"FAILED: .*HTTP 403, (InvalidAccessKeyId|AccessDenied)", "radosgw refuses unknown keys with InvalidAccessKeyId, or AccessDenied once STS is on");
        _sync.Output.TrimEnd().Split('\n')[^1].Should().Be("3 targets: 2 synced (2 buckets applied, 0 failed), 1 failed (acct-c).");
        _sync.Error.Should().Contain("error: target acct-c:");
        await TestContext.Progress.WriteLineAsync("[e2e] three-target sync:\n" + _sync.Output);
    }

    [Test]
    public async Task Sync_EachAccountSeesOnlyItsOwnBucketsAndKeepsItsOwnRecordAndLock()
    {
        using var aStore = new S3EndpointStore(Server.CreateClient(), _aState, $"lakecircle/{AccountA}/", ownsClient: true);
        using var bStore = new S3EndpointStore(Server.CreateClient(other: true), _bState, $"lakecircle/{AccountB}/", ownsClient: true);

        var aKeys = await aStore.ListAsync("");
        var bKeys = await bStore.ListAsync("");

        aKeys.Should().Contain(k => k.StartsWith("log/", StringComparison.Ordinal)).And.Contain(k => k.StartsWith($"history/{_aLogs}/", StringComparison.Ordinal)).And.NotContain("lock.json");
        bKeys.Should().Contain(k => k.StartsWith("log/", StringComparison.Ordinal)).And.Contain(k => k.StartsWith($"history/{_bData}/", StringComparison.Ordinal)).And.NotContain("lock.json");
        var sectionB = _sync.Output[_sync.Output.IndexOf("=== target acct-b", StringComparison.Ordinal)..];
        sectionB[..sectionB.IndexOf("=== target acct-c", StringComparison.Ordinal)].Should().NotContain(_aLogs, "the other user's buckets are another account's");
    }

    [Test]
    public async Task DryRun_AfterTheSync_TheTwoAreInSyncAndJsonGroupsByTarget()
    {
        var dryrun = await RunAsync("dryrun", "--targets", _targets, "--target", "acct-a", "--target", "acct-b", "--detailed-exitcode", "-o", "json");

        dryrun.ExitCode.Should().Be(0, dryrun.ToString());
        using var document = JsonDocument.Parse(dryrun.Output);
        var targets = document.RootElement.GetProperty("targets").EnumerateArray().ToList();
        targets.Select(t => t.GetProperty("name").GetString()).Should().Equal("acct-a", "acct-b");
        targets.Should().OnlyContain(t => t.GetProperty("status").GetString() == "in-sync" && t.GetProperty("result").GetProperty("succeeded").GetBoolean());
        document.RootElement.GetProperty("summary").GetProperty("failed").GetInt32().Should().Be(0);
    }

    [Test]
    public async Task Report_ReadsTheNewestRunRecordOfEachTarget()
    {
        var all = await RunAsync("report", "--targets", _targets);
        var two = await RunAsync("report", "--targets", _targets, "--target", "acct-a", "--target", "acct-b", "-o", "json");

        all.ExitCode.Should().Be(1, all.ToString());
        all.Output.Should().MatchRegex(@"acct-a\s+111111111111\s+\S+ \S+\s+SYNC\s+succeeded\s+1\s+0\s+0")
            .And.MatchRegex(@"acct-b\s+222222222222\s+\S+ \S+\s+SYNC\s+succeeded\s+1\s+0\s+0")
            .And.MatchRegex(@"acct-c\s+333333333333\s+-\s+-\s+unreadable");
        two.ExitCode.Should().Be(0, two.ToString());
        using var document = JsonDocument.Parse(two.Output);
        document.RootElement.GetProperty("targets").EnumerateArray().Select(t => t.GetProperty("applied").GetInt32()).Should().Equal(1, 1);
    }

    [Test]
    public async Task Targets_ListsTheFileForAMatrixWithoutReadingAnyAccount()
    {
        var listing = await RunAsync("targets", "--targets", _targets, "-o", "json");

        listing.ExitCode.Should().Be(0, listing.ToString());
        using var document = JsonDocument.Parse(listing.Output);
        document.RootElement.GetProperty("names").EnumerateArray().Select(n => n.GetString()).Should().Equal("acct-a", "acct-b", "acct-c");
        document.RootElement.GetProperty("targets")[0].GetProperty("endpoint").GetString().Should().Be($"s3://{_aState}/lakecircle/{AccountA}/");
    }

    [Test]
    public void Outputs_NeverShowAnyUsersKeys()
    {
        string[] secrets = [Server.SecretKey, Environment.GetEnvironmentVariable("LCC_TEST_S3_OTHER_SECRET_KEY")!, BogusSecret];
        _sync.ToString().Should().NotContainAny(secrets);
    }

    private static string Bucket(string bucket, string id, string prefix, int days) => $"""
        BucketName = "{bucket}"

        [[LifecycleConfiguration.Rules]]
        ID = "{id}"
        Status = "Enabled"
        Filter = {"{"} Prefix = "{prefix}" {"}"}
        Expiration = {"{"} Days = {days} {"}"}
        """;

    private static async Task<CliResult> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var environment = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["LCC_APP_LEVEL"] = "WARNING",
            ["AWS_SHARED_CREDENTIALS_FILE"] = Environment.GetEnvironmentVariable("AWS_SHARED_CREDENTIALS_FILE"),
        };
        var exitCode = await LakeCircle.Cli.CliApplication.RunAsync(args, output, error, environment);
        var result = new CliResult(string.Join(' ', args), exitCode, output.ToString(), error.ToString());
        await TestContext.Progress.WriteLineAsync($"[e2e] lakecircle {result.CommandLine} -> {exitCode}");
        return result;
    }

    private void SetVariable(string name, string value)
    {
        _savedVariables.TryAdd(name, Environment.GetEnvironmentVariable(name));
        Environment.SetEnvironmentVariable(name, value);
    }
}

using System.Net;
using LakeCircle.Cli.Tests.Credentials;

namespace LakeCircle.Cli.Tests.Targets;

/// <summary>
/// The account guard runs per target: a target whose assumed role's credentials belong to another account is refused
/// before anything is read or written there, and the other targets run on.
/// </summary>
public class TargetAccountGuardTests
{
    private string _folder = "";

    [SetUp]
    public void SetUp() => _folder = Directory.CreateTempSubdirectory("lc-target-guard-").FullName;

    [TearDown]
    public void TearDown() => Directory.Delete(_folder, recursive: true);

    [Test]
    public async Task Sync_ARoleWhoseCredentialsAreOfAnotherAccount_IsRefusedAloneBeforeAnyS3Call()
    {
        using var sts = new FakeSts();
        // The first call is the AssumeRole the run probes with; the second the account check (GetCallerIdentity).
        sts.Answer = call => call >= 2 ? (HttpStatusCode.OK, CallerIdentity("999999999999")) : null;
        var example = Path.Combine(TestContext.CurrentContext.TestDirectory, "..", "..", "..", "..", "..", "examples", "organisation");
        File.Copy(Path.Combine(example, "accounts", "prod.json"), Path.Combine(_folder, "prod.json"));
        Directory.CreateDirectory(Path.Combine(_folder, "defs"));
        File.Copy(Path.Combine(example, "definitions", "prod", "acme-prod-logs.toml"), Path.Combine(_folder, "defs", "acme-prod-logs.toml"));
        var credentials = Path.Combine(_folder, "credentials");
        await File.WriteAllTextAsync(credentials, "[source]\naws_access_key_id = AKIASOURCE0000000000\naws_secret_access_key = source-secret-0000000000000000000000000\n");
        var targets = Path.Combine(_folder, "targets.toml");
        await File.WriteAllTextAsync(targets, $"""
            [defaults]
            region = "us-east-1"
            endpoint = "state/{"{name}"}"
            definitions = ["defs"]

            [[target]]
            name = "prod"
            account = "111111111111"
            region = "eu-west-1"
            snapshot = "prod.json"

            [[target]]
            name = "elsewhere"
            account = "111111111111"
            role_arn = "arn:aws:iam::111111111111:role/lakecircle"
            source_profile = "source"
            sts_url = "{sts.Url}"
            """);
        var environment = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["AWS_SHARED_CREDENTIALS_FILE"] = credentials,
            ["LCC_APP_LEVEL"] = "ERROR",
        };
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = await CliApplication.RunAsync(["sync", "--targets", targets], output, error, environment);

        exitCode.Should().Be(1, output + "\n" + error);
        output.ToString().Should().Contain("=== target elsewhere").And.Contain("999999999999")
            .And.EndWith("2 targets: 1 synced (1 bucket applied, 0 failed), 1 failed (elsewhere)." + Environment.NewLine);
        sts.Requests.Select(r => r.Form.GetValueOrDefault("Action")).Should().Equal("AssumeRole", "GetCallerIdentity");
        File.ReadAllText(Path.Combine(_folder, "prod.json")).Should().Contain("\"Days\": 90", "the other target converged");
        var written = Directory.Exists(Path.Combine(_folder, "state", "elsewhere"))
            ? Directory.GetFiles(Path.Combine(_folder, "state", "elsewhere"), "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(_folder, f)).ToList()
            : [];
        written.Should().NotContain(f => f.Contains("lock.json", StringComparison.Ordinal) || f.Contains("history", StringComparison.Ordinal) || f.Contains("current", StringComparison.Ordinal),
            "nothing but the run record of the refusal is written for a refused account");
    }

    private static string CallerIdentity(string account) => $"""
        <GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
          <GetCallerIdentityResult>
            <Arn>arn:aws:sts::{account}:assumed-role/lakecircle/lakecircle</Arn>
            <UserId>AROAFAKE:lakecircle</UserId>
            <Account>{account}</Account>
          </GetCallerIdentityResult>
          <ResponseMetadata><RequestId>req-id</RequestId></ResponseMetadata>
        </GetCallerIdentityResponse>
        """;
}

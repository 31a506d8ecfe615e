using LakeCircle.Cli.Tests.Commands;

namespace LakeCircle.Cli.Tests.Secrets;

/// <summary>
/// Every action run with known credential values in the environment (and a URL carrying a user and password) never
/// shows them: not on standard output, not in any log format on standard error, not in the snapshot, not in any file
/// written under the endpoint (archive, run log).
/// </summary>
[NonParallelizable]
public class SecretScanTests
{
    private const string AccessKeyId = "AKIAQQLAKECIRCLE0042";
    private const string SecretAccessKey = "lc-secret-Zm9vYmFyLWRvLW5vdC1sZWFr";
    private const string SessionToken = "lc-session-SUPERSECRETTOKEN-7f3a";
    private const string UrlPassword = "lc-url-p4ssw0rd";

    private static readonly string[] Secrets = [AccessKeyId, SecretAccessKey, SessionToken, UrlPassword];
    private static readonly string[] Variables = ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN"];
    private readonly Dictionary<string, string?> _saved = [];
    private ExampleCopy _example = null!;

    [SetUp]
    public void SetUp()
    {
        _example = new ExampleCopy();
        foreach (var (name, value) in Variables.Zip([AccessKeyId, SecretAccessKey, SessionToken]))
        {
            _saved[name] = System.Environment.GetEnvironmentVariable(name);
            System.Environment.SetEnvironmentVariable(name, value);
        }
    }

    [TearDown]
    public void TearDown()
    {
        foreach (var (name, value) in _saved)
        {
            System.Environment.SetEnvironmentVariable(name, value);
        }

        _example.Dispose();
    }

    [TestCase("TREE")]
    [TestCase("TEXT")]
    [TestCase("JSON")]
    [TestCase("COLORTREE")]
    public async Task EveryAction_WithKnownCredentials_NoOutputOrFileShowsThem(string logFormat)
    {
        var outputs = new List<string>();
        foreach (var args in new[]
        {
            new[] { "validate", _example.Definitions },
            ["dryrun", .. _example.Flags("--log-level", "TRACE", "--log-format", logFormat)],
            ["dryrun", .. _example.Flags("--log-level", "TRACE", "--log-format", logFormat, "-o", "json")],
            ["sync", .. _example.Flags("--log-level", "TRACE", "--log-format", logFormat)],
            ["sync", .. _example.Flags("--log-level", "TRACE", "--log-format", logFormat, "-o", "json")],
        })
        {
            var result = await CliRun.RunAsync(WithCredentials(), args);
            outputs.Add(result.ToString());
        }

        var files = Directory.EnumerateFiles(_example.Root, "*", SearchOption.AllDirectories).ToList();
        TestContext.Out.WriteLine($"[secrets] {logFormat}: scanned {outputs.Count} runs' stdout and stderr and {files.Count} files for {Secrets.Length} secret values");
        foreach (var text in outputs.Concat(files.Select(File.ReadAllText)))
        {
            text.Should().NotContainAny(Secrets);
        }
    }

    [Test]
    public async Task DryRun_AgainstAnEndpointUrlWithUserAndPassword_FailsWithoutShowingThePassword()
    {
        var url = $"http://lcuser:{UrlPassword}@127.0.0.1:9";
        var results = new List<CliResult>
        {
            await CliRun.RunAsync(WithCredentials(("LCC_S3_ENDPOINT", url)), "dryrun", "--endpoint", _example.Endpoint, "--account", "123456789012", "--region", "eu-west-1", "--log-level", "TRACE"),
            await CliRun.RunAsync(WithCredentials(), "dryrun", "--endpoint", _example.Endpoint, "--account", "123456789012", "--region", "eu-west-1", "--s3-endpoint", url, "--log-format", "JSON", "--log-level", "TRACE"),
        };

        foreach (var result in results)
        {
            TestContext.Out.WriteLine(result.ToString());
            result.ExitCode.Should().NotBe(ExitCodes.Ok);
            result.ToString().Should().NotContainAny(Secrets);
        }

        foreach (var file in Directory.EnumerateFiles(_example.Root, "*", SearchOption.AllDirectories))
        {
            (await File.ReadAllTextAsync(file)).Should().NotContainAny(Secrets);
        }
    }

    private Dictionary<string, string?> WithCredentials(params (string Name, string Value)[] more)
    {
        var variables = new Dictionary<string, string?>
        {
            ["AWS_ACCESS_KEY_ID"] = AccessKeyId,
            ["AWS_SECRET_ACCESS_KEY"] = SecretAccessKey,
            ["AWS_SESSION_TOKEN"] = SessionToken,
        };
        foreach (var (name, value) in more)
        {
            variables[name] = value;
        }

        return variables;
    }
}

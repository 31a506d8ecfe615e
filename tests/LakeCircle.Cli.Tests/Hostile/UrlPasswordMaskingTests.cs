using LakeCircle.Cli.Tests.Commands;

namespace LakeCircle.Cli.Tests.Hostile;

/// <summary>A password in a URL the user gives (flag or variable) never shows: not in configuration errors, logs or run records.</summary>
public class UrlPasswordMaskingTests
{
    private const string Password = "Pa55w0rdXYZ";

    private ExampleCopy _example = null!;

    [SetUp]
    public void SetUp() => _example = new ExampleCopy();

    [TearDown]
    public void TearDown() => _example.Dispose();

    public static IEnumerable<TestCaseData> Rejected()
    {
        static TestCaseData Case(string source, string value, bool flag) =>
            new TestCaseData(source, value, flag).SetArgDisplayNames($"{source} {value}");

        foreach (var (flag, variable, value) in new[]
        {
            ("--endpoint", "LCC_ENDPOINT", $"s3://user:{Password}@bucket/x/"),
            ("--endpoint", "LCC_ENDPOINT", $"file://user:{Password}@host/x"),
            ("--s3-endpoint", "LCC_S3_ENDPOINT", $"http://user:{Password}@[::1"),
            ("--s3-endpoint", "LCC_S3_ENDPOINT", $"ftp://user:{Password}@example.com/"),
            ("--s3-endpoint", "LCC_S3_ENDPOINT", $"user:{Password}@example.com"),
            ("--snapshot", "LCC_SNAPSHOT", $"file://user:{Password}@host/account.json"),
        })
        {
            yield return Case(flag, value, flag: true);
            yield return Case(variable, value, flag: false);
        }
    }

    [TestCaseSource(nameof(Rejected))]
    public async Task RejectedUrl_ErrorMasksThePassword(string source, string value, bool flag)
    {
        var variables = new Dictionary<string, string?> { ["LCC_AWS_ACCOUNT"] = "123456789012", ["LCC_AWS_REGION"] = "eu-west-1", ["LCC_ENDPOINT"] = _example.Endpoint };
        string[] args = ["dryrun"];
        if (flag)
        {
            args = [.. args, source, value];
        }
        else
        {
            variables[source] = value;
        }

        var result = await CliRun.RunAsync(variables, args);

        TestContext.Out.WriteLine(result.ToString());
        result.ExitCode.Should().Be(ExitCodes.Error);
        result.Error.Should().Contain(source).And.Contain("user:***@").And.NotContain(Password);
        result.Output.Should().NotContain(Password);
    }

    [TestCase(true)]
    [TestCase(false)]
    public async Task AcceptedS3Endpoint_LogsAndRunRecordMaskThePassword(bool flag)
    {
        // With a snapshot the S3 URL is never called, but it is in the settings that are logged and recorded.
        var url = $"http://user:{Password}@127.0.0.1:1/";
        var variables = _example.Variables(("LCC_APP_LEVEL", "DEBUG"));
        string[] args = ["sync"];
        if (flag)
        {
            args = [.. args, "--s3-endpoint", url];
        }
        else
        {
            variables["LCC_S3_ENDPOINT"] = url;
        }

        var result = await CliRun.RunAsync(variables, args);

        TestContext.Out.WriteLine(result.ToString());
        result.ExitCode.Should().Be(ExitCodes.Ok, result.ToString());
        (result.Output + result.Error).Should().NotContain(Password);
        foreach (var file in Directory.EnumerateFiles(_example.Endpoint, "*.json", SearchOption.AllDirectories))
        {
            (await File.ReadAllTextAsync(file)).Should().NotContain(Password, file);
        }
    }

    [TestCase("s3://user:secret@bucket/x/", "s3://user:***@bucket/x/")]
    [TestCase("got 'http://me:p@ss@host:9000/'.", "got 'http://me:***@host:9000/'.")]
    [TestCase("https://TOKEN@host/", "https://***@host/")]
    [TestCase("u:pw@x", "u:***@x")]
    [TestCase("error: mail admin@example.com", "error: mail admin@example.com")]
    [TestCase("already s3://user:***@bucket/", "already s3://user:***@bucket/")]
    public void MaskUserInfo_HidesPasswordsOnly(string text, string expected) =>
        LakeCircle.Cli.Logging.SecretMasker.MaskUserInfo(text).Should().Be(expected);
}

namespace LakeCircle.Cli.Tests.Commands;

/// <summary>
/// A <c>--bucket</c> value or an <c>LCC_ACTION_PARAMS</c> <c>buckets</c> item that is not an S3 bucket name: a usage
/// error (exit 3) or a configuration error (exit 1) naming where it came from, nothing read or written.
/// </summary>
public class BucketNameArgumentsTests
{
    private ExampleCopy _example = null!;

    [SetUp]
    public void SetUp() => _example = new ExampleCopy();

    [TearDown]
    public void TearDown() => _example.Dispose();

    [TestCase("dryrun", "Acme-Logs", "only lowercase letters")]
    [TestCase("sync", "ab", "3 to 63 characters")]
    [TestCase("history", "../acme-logs", "only lowercase letters")]
    [TestCase("rollback", "acme..logs", "two adjacent periods")]
    public async Task Flag_NotABucketName_UsageError(string command, string bucket, string words)
    {
        string[] more = command == "rollback" ? ["--to", "20260101T000000.000Z"] : [];
        var result = await CliRun.RunAsync([command, .. _example.Flags(["--bucket", bucket, .. more])]);

        result.ExitCode.Should().Be(ExitCodes.UsageError, result.ToString());
        result.Error.Should().Contain($"--bucket '{bucket}' is not an S3 bucket name").And.Contain(words);
        result.Output.Should().BeEmpty();
        _example.SnapshotUnchanged().Should().BeTrue();
    }

    [Test]
    public async Task Flag_ControlCharacters_UsageErrorShownEscaped()
    {
        var result = await CliRun.RunAsync(["dryrun", .. _example.Flags("--bucket", "acme\n\u001b[2Jlogs")]);

        result.ExitCode.Should().Be(ExitCodes.UsageError, result.ToString());
        result.Error.Should().Contain(@"--bucket 'acme\n\x1b[2Jlogs' is not an S3 bucket name").And.NotContain("\u001b");
    }

    [Test]
    public async Task Flag_ValidBucketName_Accepted()
    {
        var result = await CliRun.RunAsync(["dryrun", .. _example.Flags("--bucket", "acme-logs")]);

        result.ExitCode.Should().Be(ExitCodes.Ok, result.ToString());
    }

    [TestCase("""{"buckets": ["acme-logs", "Acme_Logs"]}""", "item 1", "only lowercase letters")]
    [TestCase("""{"buckets": ["192.168.5.4"]}""", "item 0", "IP address")]
    [TestCase("""{"buckets": ["acme\u001b[2Jlogs"]}""", "item 0", "only lowercase letters")]
    public async Task ActionParams_NotABucketName_ConfigurationErrorNamingTheVariable(string json, string item, string words)
    {
        var result = await CliRun.RunAsync(_example.Variables(("LCC_ACTION_PARAMS", json)), "dryrun");

        result.ExitCode.Should().Be(ExitCodes.Error, result.ToString());
        result.Error.Should().Contain($"LCC_ACTION_PARAMS key 'buckets' {item} is not an S3 bucket name").And.Contain(words);
        result.Error.Should().NotContain("\u001b").And.NotContain("Exception");
        result.Output.Should().BeEmpty();
        _example.SnapshotUnchanged().Should().BeTrue();
    }
}

using LakeCircle.Cli.Tests.Commands;

namespace LakeCircle.Cli.Tests.Hostile;

/// <summary>
/// Hostile inputs (folders where files go, redirects and garbage from the S3 endpoint, odd URLs, unusable times) and
/// the last-resort handler: each ends in one clear error line with the exit code of its kind, never a stack trace.
/// </summary>
public class HostileInputTests
{
    private static readonly Dictionary<string, string?> AwsKeys = new()
    {
        ["AWS_ACCESS_KEY_ID"] = "AKIAIOSFODNN7EXAMPLE",
        ["AWS_SECRET_ACCESS_KEY"] = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
    };

    private ExampleCopy _example = null!;

    [SetUp]
    public void SetUp() => _example = new ExampleCopy();

    [TearDown]
    public void TearDown() => _example.Dispose();

    public static IEnumerable<TestCaseData> LocalCases()
    {
        static TestCaseData Case(string name, Action<ExampleCopy>? setup, Func<ExampleCopy, string[]> args, int? exitCode, params string[] names) =>
            new TestCaseData(new HostileCase(name) { Setup = setup, Args = args, ExitCode = exitCode, Names = names }).SetArgDisplayNames(name);

        static void Folder(ExampleCopy e, string relative) => Directory.CreateDirectory(Path.Combine(e.Endpoint, relative));

        yield return Case("lock.json a folder, sync", e => Folder(e, "lock.json"), e => ["sync", .. e.Flags()], ExitCodes.Error, "lock.json", "is a folder");
        yield return Case("lock.json a folder, unlock", e => Folder(e, "lock.json"), e => ["unlock", .. e.Flags()], ExitCodes.Error, "lock.json", "is a folder");
        yield return Case("lock.json a folder, unlock --force", e => Folder(e, "lock.json"), e => ["unlock", "--force", .. e.Flags()], ExitCodes.Error, "lock.json", "is a folder");
        yield return Case("lock.json a folder, sync --force-unlock", e => Folder(e, "lock.json"), e => ["sync", "--force-unlock", .. e.Flags()], ExitCodes.Error, "lock.json", "is a folder");
        yield return Case("previous/x.json a folder, sync", e => Folder(e, "previous/acme-backups.json"), e => ["sync", .. e.Flags()], ExitCodes.Error, "previous/acme-backups.json", "is a folder");
        yield return Case("previous/x.json a folder, rollback", e => Folder(e, "previous/acme-logs.json"), e => ["rollback", "--bucket", "acme-logs", .. e.Flags()], ExitCodes.Error, "previous/acme-logs.json", "is a folder");
        yield return Case("previous/x.json a folder, rollback --dry-run", e => Folder(e, "previous/acme-logs.json"), e => ["rollback", "--bucket", "acme-logs", "--dry-run", .. e.Flags()], ExitCodes.Error, "is a folder");
        yield return Case("log/ a file, sync", e => File.WriteAllText(Path.Combine(e.Endpoint, "log"), "x"), e => ["sync", .. e.Flags()], null);
        yield return Case("definition file a folder, dryrun", e => Folder(e, "definition/extra.toml"), e => ["dryrun", .. e.Flags()], null);
        yield return Case("definition file a folder, validate", e => Folder(e, "definition/extra.toml"), e => ["validate", e.Definitions], null);
        yield return Case("snapshot a folder, --snapshot", e => Directory.CreateDirectory(Path.Combine(e.Root, "snapdir")), e => ["dryrun", "--endpoint", e.Endpoint, "--snapshot", Path.Combine(e.Root, "snapdir")], ExitCodes.Error, "--snapshot", "is a folder");
        yield return Case("endpoint a file, sync", null, e => ["sync", "--endpoint", e.Snapshot, "--snapshot", e.Snapshot], ExitCodes.Error, "account.json");
        yield return Case("endpoint below a file, sync", null, e => ["sync", "--endpoint", Path.Combine(e.Snapshot, "sub"), "--snapshot", e.Snapshot], ExitCodes.Error, "account.json");
        yield return Case("endpoint below a file, history", null, e => ["history", "--bucket", "acme-logs", "--endpoint", Path.Combine(e.Snapshot, "sub"), "--snapshot", e.Snapshot], null);
        yield return Case("endpoint a file:// URI with a host", null, e => ["dryrun", "--endpoint", "file://host/share/x", "--snapshot", e.Snapshot], ExitCodes.Error, "definition");
        yield return Case("--s3-endpoint port out of range", null, e => ["dryrun", .. e.Flags("--s3-endpoint", "http://127.0.0.1:99999/")], ExitCodes.Error, "--s3-endpoint");
        yield return Case("--s3-endpoint not absolute", null, e => ["dryrun", .. e.Flags("--s3-endpoint", "/just/a/path")], ExitCodes.Error, "--s3-endpoint");
        yield return Case("--to not a time", null, e => ["rollback", "--bucket", "acme-logs", "--to", "yesterday", .. e.Flags()], ExitCodes.UsageError, "--to");
        yield return Case("--to empty", null, e => ["rollback", "--bucket", "acme-logs", "--to", "", .. e.Flags()], ExitCodes.UsageError, "--to");
        yield return Case("--to out of range", null, e => ["rollback", "--bucket", "acme-logs", "--to", "9999-12-31T23:59:59-14:00", .. e.Flags()], ExitCodes.UsageError, "--to");
        yield return Case("--to far future stamp", null, e => ["rollback", "--bucket", "acme-logs", "--to", "99991231T235959.999Z", "--dry-run", .. e.Flags()], ExitCodes.Error, "acme-logs");
    }

    [TestCaseSource(nameof(LocalCases))]
    public async Task HostileLocalInput_OneClearErrorNoStackTrace(HostileCase input)
    {
        input.Setup?.Invoke(_example);
        var (exitCode, names) = (input.ExitCode, input.Names);

        var result = await CliRun.RunAsync(input.Args(_example));

        TestContext.Out.WriteLine(result.ToString());
        result.ShouldHaveNoStackTrace();
        if (exitCode is { } expected)
        {
            result.ExitCode.Should().Be(expected, result.ToString());
            foreach (var name in names)
            {
                (result.Error + result.Output).Should().Contain(name, result.ToString());
            }
        }
    }

    public static IEnumerable<TestCaseData> S3Cases()
    {
        yield return new TestCaseData(FakeS3Server.Redirect(301, "http://127.0.0.1:9/elsewhere"), "redirect (HTTP 301)").SetArgDisplayNames("301 Moved Permanently");
        yield return new TestCaseData(FakeS3Server.Redirect(307, "http://127.0.0.1:9/elsewhere"), "redirect (HTTP 307) to 'http://127.0.0.1:9/elsewhere'").SetArgDisplayNames("307 to a non-S3 address");
        yield return new TestCaseData(FakeS3Server.Redirect(307, "::garbage::"), "redirect (HTTP 307)").SetArgDisplayNames("307 to no address");
        yield return new TestCaseData(FakeS3Server.Redirect(302, "https://example.com/"), "redirect (HTTP 302)").SetArgDisplayNames("302 Found");
        yield return new TestCaseData("\u0001garbage, not HTTP\r\n\r\n", "ListBuckets").SetArgDisplayNames("not HTTP");
        yield return new TestCaseData("HTTP/1.1 200 OK\r\nContent-Type: application/xml\r\nContent-Length: 48\r\nConnection: close\r\n\r\n<ListAllMyBucketsResult><Buckets><Bucket><Name>", "ListBuckets").SetArgDisplayNames("truncated XML");
        yield return new TestCaseData("HTTP/1.1 500 Oops\r\nContent-Length: 4\r\nConnection: close\r\n\r\noops", "ListBuckets").SetArgDisplayNames("500");
    }

    /// <summary>Run as a real process: the SDK needs keys, and they must not reach this test process's other clients.</summary>
    [TestCaseSource(nameof(S3Cases))]
    public async Task HostileS3Endpoint_OneClearErrorNoStackTrace(string answer, string expected)
    {
        await using var server = new FakeS3Server(answer);

        var result = await CliProcess.RunAsync(
            AwsKeys, "dryrun", "--endpoint", _example.Endpoint, "--account", "123456789012", "--region", "eu-west-1", "--s3-endpoint", server.Url);

        TestContext.Out.WriteLine(result.ToString());
        result.ShouldHaveNoStackTrace();
        result.ExitCode.Should().Be(ExitCodes.Error, result.ToString());
        result.Error.Should().Contain(expected);
    }

    [Test]
    public async Task UnexpectedFailure_InProcess_ErrorLineAndBugReportNoStackTrace()
    {
        using var error = new StringWriter();

        var exitCode = await CliApplication.RunAsync(["validate", _example.Definitions], new FailingWriter(), error, new Dictionary<string, string?>());

        var result = new CliResult(exitCode, "", error.ToString());
        TestContext.Out.WriteLine(result.ToString());
        result.ShouldHaveNoStackTrace();
        exitCode.Should().Be(ExitCodes.Error);
        result.Error.Should().StartWith("error: the output is gone").And.Contain("This is a bug; please report it");
    }

    [Test]
    public async Task UnexpectedFailure_WithLakecircleDebug_AddsTheStackTrace()
    {
        using var error = new StringWriter();

        var exitCode = await CliApplication.RunAsync(
            ["validate", _example.Definitions], new FailingWriter(), error, new Dictionary<string, string?> { [CliApplication.DebugVariable] = "1" });

        exitCode.Should().Be(ExitCodes.Error);
        error.ToString().Should().StartWith("error: the output is gone").And.Contain("This is a bug").And.Contain("   at ");
    }

    [Test]
    public async Task UnexpectedFailure_RealProcess_ErrorLineAndBugReportNoStackTrace()
    {
        // Standard output that cannot be written: an IOException no command expects.
        var result = await CliProcess.ShellAsync($"{{dll}} validate '{_example.Definitions}' > /dev/full", new Dictionary<string, string?>());
        var debug = await CliProcess.ShellAsync(
            $"{{dll}} validate '{_example.Definitions}' > /dev/full", new Dictionary<string, string?> { [CliApplication.DebugVariable] = "1" });

        TestContext.Out.WriteLine(result.ToString());
        result.ShouldHaveNoStackTrace();
        result.ExitCode.Should().Be(ExitCodes.Error);
        result.Error.Should().StartWith("error: ").And.Contain("This is a bug; please report it");
        debug.Error.Should().Contain("   at ");
    }

    /// <summary>Standard output that fails every write, as an unexpected failure from inside a command.</summary>
    private sealed class FailingWriter : StringWriter
    {
        public override void Write(char value) => throw new InvalidOperationException("the output is gone");

        public override void Write(string? value) => throw new InvalidOperationException("the output is gone");

        public override Task WriteAsync(string? value) => throw new InvalidOperationException("the output is gone");

        public override Task WriteLineAsync(string? value) => throw new InvalidOperationException("the output is gone");

        public override void WriteLine(string? value) => throw new InvalidOperationException("the output is gone");
    }
}

/// <summary>One hostile local input: what to break in the example copy, the command line, the exit code (any when <see langword="null"/>) and the texts the error names.</summary>
public sealed record HostileCase(string Name)
{
    internal Action<ExampleCopy>? Setup { get; init; }

    internal Func<ExampleCopy, string[]> Args { get; init; } = _ => [];

    internal int? ExitCode { get; init; }

    internal string[] Names { get; init; } = [];

    public override string ToString() => Name;
}

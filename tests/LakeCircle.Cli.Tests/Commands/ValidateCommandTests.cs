using System.Text.Json;

namespace LakeCircle.Cli.Tests.Commands;

public class ValidateCommandTests
{
    private static readonly string Fixtures = Path.Combine(AppContext.BaseDirectory, "fixtures", "definitions");

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await CliApplication.RunAsync(args, output, error);
        return (exitCode, output.ToString(), error.ToString());
    }

    [Test]
    public async Task Validate_ValidFolder_ExitsZeroWithSummary()
    {
        var (exitCode, output, error) = await RunAsync("validate", Path.Combine(Fixtures, "valid"));

        exitCode.Should().Be(ExitCodes.Ok);
        output.Should().Be("4 buckets, 7 rules, no problems" + Environment.NewLine);
        error.Should().BeEmpty();
    }

    [Test]
    public async Task Validate_InvalidFiles_PrintsEachProblemAndExitsOne()
    {
        var unknownKey = Path.Combine(Fixtures, "invalid", "unknown-key.toml");
        var wrongType = Path.Combine(Fixtures, "invalid", "wrong-type.toml");

        var (exitCode, output, _) = await RunAsync("validate", unknownKey, wrongType);

        exitCode.Should().Be(ExitCodes.Error);
        output.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries).Should().Equal(
            $"{unknownKey}:9:1: unknown-key/typo: LifecycleConfiguration.Rules[0].Expiraton: Unknown key 'Expiraton': did you mean Expiration?",
            $"{wrongType}:9:23: wrong-type/days-as-text: LifecycleConfiguration.Rules[0].Expiration.Days: Expected an integer, got a string.",
            "2 problems in 2 files; 0 other definitions were valid; one invalid definition stops the whole run");
    }

    [Test]
    public async Task Validate_JsonOutput_HasTheHeadBucketsAndDiagnostics()
    {
        var wrongType = Path.Combine(Fixtures, "invalid", "wrong-type.toml");

        var (exitCode, output, _) = await RunAsync("validate", Path.Combine(Fixtures, "valid", "scratch.toml"), wrongType, "--output", "json");

        exitCode.Should().Be(ExitCodes.Error);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        root.EnumerateObject().Select(p => p.Name).Should().Equal("schemaVersion", "tool", "generatedAt", "succeeded", "error", "buckets", "diagnostics");
        root.GetProperty("schemaVersion").GetInt32().Should().Be(1);
        root.GetProperty("tool").GetProperty("name").GetString().Should().Be("lakecircle");
        root.GetProperty("tool").GetProperty("version").GetString().Should().Be(CliVersion.Informational);
        root.GetProperty("succeeded").GetBoolean().Should().BeFalse();
        root.GetProperty("error").GetProperty("code").GetString().Should().Be("definitions");
        root.GetProperty("error").GetProperty("message").GetString().Should().StartWith("1 problem in 1 file");
        root.GetProperty("error").GetProperty("errors").EnumerateArray().Single().GetString().Should().StartWith(wrongType + ":9:23: ");
        var buckets = root.GetProperty("buckets").EnumerateArray().ToList();
        buckets.Select(b => b.GetProperty("name").GetString()).Should().Equal("scratch", "wrong-type");
        buckets[1].GetProperty("fingerprint").GetString().Should().MatchRegex("^[0-9a-f]{64}$");
        var rule = buckets[1].GetProperty("rules").EnumerateArray().Single();
        rule.GetProperty("id").GetString().Should().Be("days-as-text");
        rule.GetProperty("fingerprint").GetString().Should().MatchRegex("^[0-9a-f]{64}$");
        var problem = root.GetProperty("diagnostics").EnumerateArray().Single();
        problem.EnumerateObject().Select(p => p.Name).Should().Equal("file", "line", "column", "bucket", "rule", "field", "message", "severity");
        problem.GetProperty("file").GetString().Should().Be(wrongType);
        problem.GetProperty("line").GetInt32().Should().Be(9);
        problem.GetProperty("column").GetInt32().Should().Be(23);
        problem.GetProperty("bucket").GetString().Should().Be("wrong-type");
        problem.GetProperty("rule").GetString().Should().Be("days-as-text");
        problem.GetProperty("field").GetString().Should().Be("LifecycleConfiguration.Rules[0].Expiration.Days");
        problem.GetProperty("message").GetString().Should().Be("Expected an integer, got a string.");
        problem.GetProperty("severity").GetString().Should().Be("error");
    }

    private static readonly string SameDay = Path.Combine(Fixtures, "invalid", "s3-rules", "transition-same-day.toml");

    [Test]
    public async Task Validate_OnlyWarnings_PrintsThemMarkedAndExitsZero()
    {
        var (exitCode, output, _) = await RunAsync("validate", SameDay, Path.Combine(Fixtures, "valid", "scratch.toml"));

        exitCode.Should().Be(ExitCodes.Ok);
        var lines = output.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        lines.Should().HaveCount(2);
        lines[0].Should().StartWith($"{SameDay}:11:69: warning: transition-same-day/same-day: LifecycleConfiguration.Rules[0].Transitions[1].Days: ");
        lines[1].Should().Be("2 buckets, 1 rule, no errors, 1 warning");
    }

    [Test]
    public async Task Validate_StrictWithWarnings_ExitsOne()
    {
        var (exitCode, output, _) = await RunAsync("validate", "--strict", SameDay);

        exitCode.Should().Be(ExitCodes.Error);
        output.Should().Contain("warning: ").And.Contain("1 warning (--strict: warnings count as errors)");
    }

    [Test]
    public async Task Validate_StrictWithoutProblems_ExitsZero()
    {
        var (exitCode, _, _) = await RunAsync("validate", "--strict", Path.Combine(Fixtures, "valid"));

        exitCode.Should().Be(ExitCodes.Ok);
    }

    [Test]
    public async Task Validate_ErrorBesideValidFilesAndAWarning_SaysTheRunStopsAndCountsTheValidOnes()
    {
        var wrongType = Path.Combine(Fixtures, "invalid", "wrong-type.toml");

        var (exitCode, output, _) = await RunAsync("validate", Path.Combine(Fixtures, "valid", "scratch.toml"), SameDay, wrongType);

        exitCode.Should().Be(ExitCodes.Error);
        output.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries)[^1].Should()
            .Be("1 problem in 1 file (and 1 warning); 2 other definitions were valid; one invalid definition stops the whole run");
    }

    [Test]
    public async Task Validate_JsonWarning_HasSeverityWarning()
    {
        var (exitCode, output, _) = await RunAsync("validate", "-o", "json", SameDay);

        exitCode.Should().Be(ExitCodes.Ok);
        using var json = JsonDocument.Parse(output);
        json.RootElement.GetProperty("diagnostics").EnumerateArray().Single().GetProperty("severity").GetString().Should().Be("warning");
        json.RootElement.GetProperty("succeeded").GetBoolean().Should().BeTrue();
        json.RootElement.TryGetProperty("error", out _).Should().BeFalse();
    }

    [Test]
    public async Task Validate_JsonOutputValid_HasNoDiagnostics()
    {
        var (exitCode, output, _) = await RunAsync("validate", "-o", "json", Path.Combine(Fixtures, "valid"));

        exitCode.Should().Be(ExitCodes.Ok);
        using var json = JsonDocument.Parse(output);
        json.RootElement.GetProperty("diagnostics").GetArrayLength().Should().Be(0);
        json.RootElement.GetProperty("succeeded").GetBoolean().Should().BeTrue();
        json.RootElement.GetProperty("buckets").GetArrayLength().Should().Be(4);
    }

    [Test]
    public async Task Validate_MissingPath_ReportsItAndExitsOne()
    {
        var missing = Path.Combine(Fixtures, "no-such-folder");

        var (exitCode, output, _) = await RunAsync("validate", missing);

        exitCode.Should().Be(ExitCodes.Error);
        output.Should().Contain($"{missing}: No such file or folder").And.EndWith("1 problem in 1 file; 0 other definitions were valid; one invalid definition stops the whole run" + Environment.NewLine);
    }

    [Test]
    public async Task Validate_NoPath_UsesTheCurrentFolder()
    {
        var previous = Environment.CurrentDirectory;
        Environment.CurrentDirectory = Path.Combine(Fixtures, "valid");
        try
        {
            var (exitCode, output, _) = await RunAsync("validate");

            exitCode.Should().Be(ExitCodes.Ok);
            output.Should().StartWith("4 buckets");
        }
        finally
        {
            Environment.CurrentDirectory = previous;
        }
    }

    [Test]
    public async Task Validate_UnknownOutputFormat_IsAUsageError()
    {
        var (exitCode, output, error) = await RunAsync("validate", "--output", "yaml");

        exitCode.Should().Be(ExitCodes.UsageError);
        output.Should().BeEmpty();
        error.Should().Contain("yaml").And.Contain("--help");
    }

    [Test]
    public async Task Root_Help_ListsValidate()
    {
        var (exitCode, output, _) = await RunAsync("--help");

        exitCode.Should().Be(ExitCodes.Ok);
        output.Should().Contain("lakecircle").And.Contain("validate");
    }
}

using LakeCircle.Cli.Configuration;
using Microsoft.Extensions.Logging;

namespace LakeCircle.Cli.Tests.Logging;

public class TextFormatTests
{
    [Test]
    public void Log_Text_WritesTimestampLevelCategoryMessageAndValues()
    {
        using var capture = new LogCapture(LogFormat.Text);

        capture.Logger().LogInformation("Planned {Changes} changes for {Bucket}", 3, "logs archive");

        capture.Lines.Should().Equal(
            "2026-01-31T12:34:56.789Z INFO     LakeCircle.Sync: Planned 3 changes for logs archive Changes=3 Bucket=\"logs archive\"");
    }

    [Test]
    public void Log_TextWithScopes_AppendsScopeValues()
    {
        using var capture = new LogCapture(LogFormat.Text);
        var logger = capture.Logger();

        using (logger.BeginScope("run"))
        using (logger.BeginScope("sync all"))
        using (logger.BeginScope(new Dictionary<string, object?> { ["Bucket"] = "logs" }))
        using (logger.BeginScope("Rule {RuleId}", "expire"))
        {
            logger.LogWarning("Rule removed");
        }

        capture.Lines.Should().ContainSingle().Which.Should().EndWith(
            "WARNING  LakeCircle.Sync: Rule removed Bucket=logs RuleId=expire scope=\"run › sync all\"");
    }

    [Test]
    public void Log_TextWithException_AddsErrorTypeAndMessage()
    {
        using var capture = new LogCapture(LogFormat.Text);

        capture.Logger().LogError(new InvalidOperationException("boom"), "Failed");

        capture.Lines.Should().ContainSingle().Which.Should().EndWith("Failed error=\"InvalidOperationException: boom\"");
    }

    [Test]
    public void Log_Text_OneLinePerEvent()
    {
        using var capture = new LogCapture(LogFormat.Text);
        var logger = capture.Logger();

        logger.LogInformation("first");
        logger.LogInformation("second {Value}", "multi\nline");

        capture.Lines.Should().HaveCount(2);
        capture.Lines[1].Should().EndWith("second multi\\nline Value=\"multi\\nline\"");
    }

    [Test]
    public void Log_ColorTextOnTerminal_ColoursLevel()
    {
        using var capture = new LogCapture(LogFormat.ColorText, isTerminal: true);

        capture.Logger().LogError("bad");

        capture.Text.Should().Contain("\u001b[31mERROR   \u001b[0m");
    }

    [TestCase(LogFormat.ColorText)]
    [TestCase(LogFormat.ColorTree)]
    [TestCase(LogFormat.Text)]
    [TestCase(LogFormat.Tree)]
    [TestCase(LogFormat.Json)]
    public void Log_NotATerminal_WritesNoAnsi(object format)
    {
        using var capture = new LogCapture((LogFormat)format, isTerminal: false);
        var logger = capture.Logger();

        using (logger.BeginScope("run"))
        {
            logger.LogCritical("down");
            logger.LogInformation("up");
        }

        capture.Text.Should().NotContain("\u001b").And.Contain("down");
    }

    [Test]
    public void Log_ColorTreeOnTerminal_ColoursLevel()
    {
        using var capture = new LogCapture(LogFormat.ColorTree, isTerminal: true);

        capture.Logger().LogWarning("careful");

        capture.Text.Should().Contain("\u001b[33mWARNING \u001b[0m");
    }
}

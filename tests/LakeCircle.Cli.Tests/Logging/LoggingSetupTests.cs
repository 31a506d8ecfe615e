using LakeCircle.Cli.Configuration;
using LakeCircle.Cli.Logging;
using Microsoft.Extensions.Logging;

namespace LakeCircle.Cli.Tests.Logging;

public class LoggingSetupTests
{
    [Test]
    public void CreateLoggerFactory_MinimumLevel_FiltersLowerLevels()
    {
        using var capture = new LogCapture(LogFormat.Text, LogLevel.Warning);
        var logger = capture.Logger();

        logger.LogTrace("trace");
        logger.LogDebug("debug");
        logger.LogInformation("info");
        logger.LogWarning("warning");
        logger.LogError("error");
        logger.LogCritical("critical");

        capture.Lines.Select(l => l.Split(": ")[1]).Should().Equal("warning", "error", "critical");
        logger.IsEnabled(LogLevel.Information).Should().BeFalse();
        logger.IsEnabled(LogLevel.Warning).Should().BeTrue();
    }

    [TestCase("WARNING", LogLevel.Warning)]
    [TestCase("critical", LogLevel.Critical)]
    [TestCase("INFO", LogLevel.Information)]
    [TestCase("TRACE", LogLevel.Trace)]
    public void CreateLoggerFactory_LevelNames_MapToLevels(string name, LogLevel level)
    {
        using var writer = new StringWriter();
        using var factory = LoggingSetup.CreateLoggerFactory("text", name, writer, isTerminal: false);
        var logger = factory.CreateLogger("c");

        logger.IsEnabled(level).Should().BeTrue();
        if (level > LogLevel.Trace)
        {
            logger.IsEnabled(level - 1).Should().BeFalse();
        }
    }

    [TestCase("XML", "INFO", "format")]
    [TestCase("2", "INFO", "format")]
    [TestCase("TEXT", "WARN", "level")]
    public void CreateLoggerFactory_UnknownNames_Throw(string format, string level, string parameter)
    {
        using var writer = new StringWriter();

        var act = () => LoggingSetup.CreateLoggerFactory(format, level, writer, isTerminal: false);

        act.Should().Throw<ArgumentException>().Which.ParamName.Should().Be(parameter);
    }

    [TestCase(LogFormat.Tree, false, typeof(TreeFormatter))]
    [TestCase(LogFormat.ColorTree, true, typeof(TreeFormatter))]
    [TestCase(LogFormat.Text, true, typeof(TextFormatter))]
    [TestCase(LogFormat.ColorText, false, typeof(TextFormatter))]
    [TestCase(LogFormat.Json, true, typeof(JsonFormatter))]
    public void CreateFormatter_EachFormat_PicksFormatter(object format, bool isTerminal, Type expected) =>
        LoggingSetup.CreateFormatter((LogFormat)format, isTerminal).Should().BeOfType(expected);

    [Test]
    public void CreateLoggerFactory_PlainTextOnTerminal_StillNoAnsi()
    {
        using var capture = new LogCapture(LogFormat.Text, isTerminal: true);

        capture.Logger().LogError("plain");

        capture.Text.Should().NotContain("\u001b");
    }
}

using System.Text.Json;
using LakeCircle.Cli.Configuration;
using Microsoft.Extensions.Logging;

namespace LakeCircle.Cli.Tests.Logging;

/// <summary>Rule IDs and bucket names in log events and scopes never reach the terminal raw, whatever the format.</summary>
public class HostileTextLogTests
{
    private const string HostileId = "old\n12:00:00.000 INFO     forged\u001b[2J\u202e\\";

    private static LogCapture Log(LogFormat format)
    {
        var capture = new LogCapture(format, isTerminal: true);
        var logger = capture.Logger();
        using (logger.BeginScope(new Dictionary<string, object?> { ["Bucket"] = "evil\r\nbucket\u009b" }))
        using (logger.BeginScope("Rule {RuleId}", HostileId))
        {
            logger.LogWarning("Rule {RuleId} removed", HostileId);
        }

        return capture;
    }

    [TestCase("Text")]
    [TestCase("ColorText")]
    [TestCase("Tree")]
    [TestCase("ColorTree")]
    public void Log_HostileText_EscapedAndNoForgedLines(string format)
    {
        using var capture = Log(Enum.Parse<LogFormat>(format));

        capture.Lines.Should().NotContain(l => l.StartsWith("12:00:00.000", StringComparison.Ordinal));
        capture.Text.Should().NotContain("\r").And.NotContain("\u202e").And.NotContain("\u009b").And.NotContain("\u001b[2J");
        capture.Text.Should().Contain(@"old\n12:00:00.000 INFO     forged\x1b[2J\u202e\\");
        capture.Text.Should().Contain(@"evil\r\nbucket\x9b");
        var codes = capture.Text.Split('\u001b').Skip(1).ToList();
        if (format.StartsWith("Color", StringComparison.Ordinal))
        {
            codes.Should().NotBeEmpty().And.OnlyContain(part => part.StartsWith('[') && char.IsAsciiDigit(part[1]));
        }
        else
        {
            codes.Should().BeEmpty();
        }
    }

    [Test]
    public void Log_TextHostileValue_QuotedAndEscaped()
    {
        using var capture = Log(LogFormat.Text);

        capture.Lines.Should().ContainSingle().Which.Should()
            .Contain(@" RuleId=""old\n12:00:00.000 INFO     forged\x1b[2J\u202e\\""")
            .And.Contain(@" Bucket=""evil\r\nbucket\x9b""");
    }

    [Test]
    public void Log_TreeHostileScopes_OneHeaderEach()
    {
        using var capture = Log(LogFormat.Tree);

        capture.Lines.Should().HaveCount(3);
        capture.Lines[0].Should().EndWith(@"┌ Bucket=""evil\r\nbucket\x9b""");
        capture.Lines[1].Should().EndWith(@"┌ Rule old\n12:00:00.000 INFO     forged\x1b[2J\u202e\\");
    }

    [Test]
    public void Log_JsonHostileText_ValidJsonWithTheTextIntact()
    {
        using var capture = Log(LogFormat.Json);

        capture.Text.Should().NotContain("\u001b").And.NotContain("\r").And.NotContain("\u009b").And.NotContain("\u202e");
        capture.Lines.Should().ContainSingle();
        using var document = JsonDocument.Parse(capture.Lines[0]);
        var root = document.RootElement;
        root.GetProperty("message").GetString().Should().Be($"Rule {HostileId} removed");
        root.GetProperty("state").GetProperty("RuleId").GetString().Should().Be(HostileId);
        root.GetProperty("scopes")[0].GetProperty("Bucket").GetString().Should().Be("evil\r\nbucket\u009b");
    }
}

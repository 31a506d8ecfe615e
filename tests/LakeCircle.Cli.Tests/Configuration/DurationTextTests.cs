using LakeCircle.Cli.Configuration;

namespace LakeCircle.Cli.Tests.Configuration;

public class DurationTextTests
{
    [TestCase("60s", 60_000)]
    [TestCase("60", 60_000)]
    [TestCase(" 5m ", 300_000)]
    [TestCase("1.5m", 90_000)]
    [TestCase("2H", 7_200_000)]
    [TestCase("250ms", 250)]
    [TestCase("0s", 0)]
    public void TryParse_NumberAndUnit_Parses(string text, long milliseconds)
    {
        DurationText.TryParse(text, out var duration).Should().BeTrue();
        duration.Should().Be(TimeSpan.FromMilliseconds(milliseconds));
    }

    [TestCase("")]
    [TestCase(null)]
    [TestCase("s")]
    [TestCase("-5s")]
    [TestCase("5 minutes")]
    [TestCase("5d")]
    [TestCase("1e3s")]
    [TestCase("100000h")]
    public void TryParse_Anything_Else_Fails(string? text)
    {
        DurationText.TryParse(text, out _).Should().BeFalse();
    }

    [TestCase(60_000, "60s")]
    [TestCase(300_000, "5m")]
    [TestCase(90_000, "90s")]
    [TestCase(3_600_000, "1h")]
    [TestCase(1_500, "1500ms")]
    public void Format_WritesWhatTryParseReads(long milliseconds, string text)
    {
        var duration = TimeSpan.FromMilliseconds(milliseconds);

        DurationText.Format(duration).Should().Be(text);
        DurationText.TryParse(text, out var back).Should().BeTrue();
        back.Should().Be(duration);
    }
}

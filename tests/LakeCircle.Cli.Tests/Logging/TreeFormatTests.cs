using LakeCircle.Cli.Configuration;
using Microsoft.Extensions.Logging;

namespace LakeCircle.Cli.Tests.Logging;

public class TreeFormatTests
{
    [Test]
    public void Log_NestedScopes_ShowsHeadersAndIndentation()
    {
        using var capture = new LogCapture(LogFormat.Tree);
        var logger = capture.Logger();

        logger.LogInformation("Starting");
        using (logger.BeginScope("run"))
        {
            using (logger.BeginScope("Account {Account}", "123456789012"))
            {
                logger.LogInformation("Loaded {Count} definitions", 2);
                using (logger.BeginScope(new Dictionary<string, object?> { ["Bucket"] = "logs" }))
                {
                    using (logger.BeginScope("Rule {RuleId}", "expire"))
                    {
                        logger.LogWarning("Rule removed");
                    }

                    logger.LogInformation("Bucket written");
                }
            }

            logger.LogInformation("Done");
        }

        capture.Lines.Should().Equal(
            "12:34:56.789 INFO     Starting",
            "12:34:56.789          ┌ run",
            "12:34:56.789          │  ┌ Account 123456789012",
            "12:34:56.789 INFO     │  ├─ Loaded 2 definitions",
            "12:34:56.789          │  │  ┌ Bucket=logs",
            "12:34:56.789          │  │  │  ┌ Rule expire",
            "12:34:56.789 WARNING  │  │  │  ├─ Rule removed",
            "12:34:56.789 INFO     │  │  ├─ Bucket written",
            "12:34:56.789 INFO     ├─ Done");
    }

    [Test]
    public void Log_SwitchingSiblingScopes_RepeatsOnlyTheChangedHeader()
    {
        using var capture = new LogCapture(LogFormat.Tree);
        var logger = capture.Logger();

        using (logger.BeginScope("run"))
        {
            foreach (var bucket in new[] { "a-bucket", "b-bucket" })
            {
                using (logger.BeginScope("Bucket {Bucket}", bucket))
                {
                    logger.LogInformation("Unchanged");
                }
            }
        }

        capture.Lines.Should().Equal(
            "12:34:56.789          ┌ run",
            "12:34:56.789          │  ┌ Bucket a-bucket",
            "12:34:56.789 INFO     │  ├─ Unchanged",
            "12:34:56.789          │  ┌ Bucket b-bucket",
            "12:34:56.789 INFO     │  ├─ Unchanged");
    }

    [Test]
    public async Task Log_ConcurrentScopes_KeepEachEventUnderItsOwnScope()
    {
        using var capture = new LogCapture(LogFormat.Tree);
        var logger = capture.Logger();

        await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() =>
        {
            using (logger.BeginScope("Bucket {Bucket}", $"bucket-{i}"))
            {
                for (var n = 0; n < 20; n++)
                {
                    logger.LogInformation("Event {Bucket}", $"bucket-{i}");
                }
            }
        })));

        var current = string.Empty;
        var events = 0;
        foreach (var line in capture.Lines)
        {
            if (line.Contains('┌', StringComparison.Ordinal))
            {
                current = line[(line.IndexOf("Bucket ", StringComparison.Ordinal) + 7)..];
                continue;
            }

            line.Should().EndWith($"Event {current}");
            events++;
        }

        events.Should().Be(160);
    }

    [Test]
    public void Log_FieldsNotInTheMessage_AreAppended()
    {
        using var capture = new LogCapture(LogFormat.Tree);
        var logger = capture.Logger();

        logger.Log(LogLevel.Information, default, new Dictionary<string, object?>
        {
            ["{OriginalFormat}"] = "Wrote {Bucket}",
            ["Bucket"] = "logs",
            ["DurationMs"] = 12,
        }, null, (_, _) => "Wrote logs");

        capture.Lines.Should().ContainSingle().Which.Should().EndWith("Wrote logs DurationMs=12");
    }
}

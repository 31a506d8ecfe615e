using LakeCircle.PowerShell.Running;
using Microsoft.Extensions.Logging;

namespace LakeCircle.PowerShell.Tests;

public sealed class StreamLoggingTests
{
    [Test]
    public void An_event_names_its_bucket_and_masks_secrets()
    {
        var entries = new List<LogEntry>();
        using var factory = new StreamLoggerFactory(entries.Add, LogLevel.Information);
        var logger = factory.CreateLogger("test");

        using (logger.BeginScope("Bucket {Bucket}", "acme-logs"))
        {
            logger.LogInformation(133, "Applied in {ElapsedMilliseconds} ms with {SecretAccessKey}", 57, "wJalrXUtnFEMI");
        }

        var entry = entries.Should().ContainSingle().Subject;
        entry.EventId.Should().Be(133);
        entry.Bucket.Should().Be("acme-logs");
        entry.Text.Should().Be("acme-logs: Applied in 57 ms with ***");
        entry.Number("ElapsedMilliseconds").Should().Be(57);
        entry.Fields["SecretAccessKey"].Should().Be("***");
    }

    [Test]
    public void Outside_text_is_escaped_and_url_passwords_masked()
    {
        var entries = new List<LogEntry>();
        using var factory = new StreamLoggerFactory(entries.Add, LogLevel.Information);

        factory.CreateLogger("test").LogWarning("Server {Url} said {Reason}", "http://user:hunter2@s3.local", "bad\u001b[31m\nline");

        entries.Single().Text.Should().Be("Server http://user:***@s3.local said bad\\x1b[31m\\nline");
    }

    [Test]
    public void Debug_events_are_passed_on_for_progress_whatever_the_level_shown()
    {
        var entries = new List<LogEntry>();
        using var factory = new StreamLoggerFactory(entries.Add, LogLevel.Warning);
        var logger = factory.CreateLogger("test");

        logger.IsEnabled(LogLevel.Debug).Should().BeTrue();
        logger.IsEnabled(LogLevel.Trace).Should().BeFalse();
        logger.LogDebug("Read {RuleCount} rules", 2);

        entries.Should().ContainSingle();
    }

    [TestCase(LogLevel.Trace, "Debug", "")]
    [TestCase(LogLevel.Debug, "Debug", "")]
    [TestCase(LogLevel.Information, "Verbose", "")]
    [TestCase(LogLevel.Warning, "Warning", "")]
    [TestCase(LogLevel.Error, "Verbose", "error: ")]
    [TestCase(LogLevel.Critical, "Verbose", "error: ")]
    public void Levels_go_to_their_streams(LogLevel level, string stream, string prefix) =>
        StreamRouter.StreamOf(level).Should().Be((Enum.Parse<PumpStream>(stream), prefix));

    [Test]
    public void Events_below_the_level_shown_still_move_the_progress()
    {
        using var pump = new CmdletPump();
        var router = new StreamRouter(pump, LogLevel.Warning, new ProgressTracker("LakeCircle plan", expectedReads: 2));

        router.Receive(new LogEntry(LogLevel.Debug, 114, "acme-logs: Read 2 rules", "acme-logs", new Dictionary<string, object?>()));
        router.Receive(new LogEntry(LogLevel.Warning, 112, "acme-archive: Defined but not in the account", "acme-archive", new Dictionary<string, object?>()));

        var delivered = new List<PumpMessage>();
        pump.Flush(delivered.Add);
        delivered.Select(m => m.Stream).Should().Equal(PumpStream.Progress, PumpStream.Warning, PumpStream.Progress);
        delivered[1].Text.Should().Be("acme-archive: Defined but not in the account");
        delivered[2].Progress!.Percent.Should().Be(100);
    }
}

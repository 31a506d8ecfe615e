using System.Text.Json;
using LakeCircle.Cli.Configuration;
using Microsoft.Extensions.Logging;

namespace LakeCircle.Cli.Tests.Logging;

public class JsonFormatTests
{
    [Test]
    public void Log_Json_EachLineParsesWithEveryField()
    {
        using var capture = new LogCapture(LogFormat.Json);
        var logger = capture.Logger();

        using (logger.BeginScope("run"))
        using (logger.BeginScope(new Dictionary<string, object?> { ["Bucket"] = "logs" }))
        {
            logger.LogInformation(new EventId(7, "Planned"), "Planned {Changes} changes, wait={Wait}, ratio {Ratio}", 3, true, 0.5);
            logger.LogError(new InvalidOperationException("boom"), "Failed \"quoted\" › text");
        }

        capture.Lines.Should().HaveCount(2);
        using var first = JsonDocument.Parse(capture.Lines[0]);
        var root = first.RootElement;
        root.GetProperty("timestamp").GetString().Should().Be("2026-01-31T12:34:56.789Z");
        root.GetProperty("level").GetString().Should().Be("INFO");
        root.GetProperty("category").GetString().Should().Be("LakeCircle.Sync");
        root.GetProperty("message").GetString().Should().Be("Planned 3 changes, wait=True, ratio 0.5");
        root.GetProperty("eventId").GetInt32().Should().Be(7);
        root.GetProperty("scopes")[0].GetString().Should().Be("run");
        root.GetProperty("scopes")[1].GetProperty("Bucket").GetString().Should().Be("logs");
        root.GetProperty("state").GetProperty("Changes").GetInt32().Should().Be(3);
        root.GetProperty("state").GetProperty("Wait").GetBoolean().Should().BeTrue();
        root.GetProperty("state").GetProperty("Ratio").GetDouble().Should().Be(0.5);
        root.TryGetProperty("exception", out _).Should().BeFalse();

        using var second = JsonDocument.Parse(capture.Lines[1]);
        second.RootElement.GetProperty("level").GetString().Should().Be("ERROR");
        second.RootElement.GetProperty("message").GetString().Should().Be("Failed \"quoted\" › text");
        second.RootElement.GetProperty("exception").GetString().Should().StartWith("System.InvalidOperationException: boom");
        second.RootElement.TryGetProperty("eventId", out _).Should().BeFalse();
    }

    [Test]
    public void Log_JsonWithoutScopesOrState_HasEmptyCollections()
    {
        using var capture = new LogCapture(LogFormat.Json);

        capture.Logger().LogInformation("plain");

        using var document = JsonDocument.Parse(capture.Lines.Should().ContainSingle().Subject);
        document.RootElement.GetProperty("scopes").GetArrayLength().Should().Be(0);
        document.RootElement.GetProperty("state").EnumerateObject().Should().BeEmpty();
    }

    [Test]
    public void Log_JsonManyEvents_EveryLineIsOneObject()
    {
        using var capture = new LogCapture(LogFormat.Json);
        var logger = capture.Logger();

        for (var i = 0; i < 50; i++)
        {
            logger.LogDebug("Event {Index} with\nnewline", i);
        }

        capture.Lines.Should().HaveCount(50);
        capture.Lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("state").GetProperty("Index").GetInt32())
            .Should().Equal(Enumerable.Range(0, 50));
    }
}

using LakeCircle.Cli.Configuration;
using LakeCircle.Cli.Logging;
using Microsoft.Extensions.Logging;

namespace LakeCircle.Cli.Tests.Logging;

/// <summary>A logger factory writing to a string, with a fixed clock.</summary>
internal sealed class LogCapture : IDisposable
{
    public static readonly DateTimeOffset Now = new(2026, 1, 31, 12, 34, 56, 789, TimeSpan.Zero);

    private readonly StringWriter _writer = new();
    private readonly ILoggerFactory _factory;

    public LogCapture(LogFormat format, LogLevel level = LogLevel.Trace, bool isTerminal = false) =>
        _factory = LoggingSetup.CreateLoggerFactory(format, level, _writer, isTerminal, new FixedTime());

    public ILogger Logger(string category = "LakeCircle.Sync") => _factory.CreateLogger(category);

    public string Text => _writer.ToString();

    public string[] Lines => Text.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public void Dispose()
    {
        _factory.Dispose();
        _writer.Dispose();
    }

    private sealed class FixedTime : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => Now;
    }
}

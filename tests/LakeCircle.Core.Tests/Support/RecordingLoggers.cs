using Microsoft.Extensions.Logging;

namespace LakeCircle.Core.Tests.Support;

/// <summary>A logger factory whose loggers, whatever their category, all write to one <see cref="RecordingLogger"/>.</summary>
internal sealed class RecordingLoggers(RecordingLogger logger) : ILoggerFactory
{
    public RecordingLogger Logger { get; } = logger;

    public RecordingLoggers()
        : this(new RecordingLogger())
    {
    }

    public ILogger CreateLogger(string categoryName) => Logger;

    public void AddProvider(ILoggerProvider provider) => throw new NotSupportedException("The recording loggers take no provider.");

    public void Dispose()
    {
    }
}

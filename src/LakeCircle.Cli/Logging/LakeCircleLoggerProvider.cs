using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace LakeCircle.Cli.Logging;

/// <summary>
/// Writes log events to a <see cref="TextWriter"/> through one formatter, one lock per event so lines never
/// interleave. Scopes come from the logger factory's scope provider (they flow with async calls).
/// </summary>
internal sealed class LakeCircleLoggerProvider(
    TextWriter writer, ILogEventFormatter formatter, LogLevel minimumLevel, TimeProvider? timeProvider = null)
    : ILoggerProvider, ISupportExternalScope
{
    private readonly Lock _gate = new();
    private readonly ConcurrentDictionary<string, LakeCircleLogger> _loggers = new(StringComparer.Ordinal);

    internal IExternalScopeProvider ScopeProvider { get; private set; } = new LoggerExternalScopeProvider();

    internal LogLevel MinimumLevel { get; } = minimumLevel;

    internal TimeProvider TimeProvider { get; } = timeProvider ?? TimeProvider.System;

    public ILogger CreateLogger(string categoryName) => _loggers.GetOrAdd(categoryName, name => new LakeCircleLogger(name, this));

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => ScopeProvider = scopeProvider;

    internal void Write(LogEvent logEvent)
    {
        lock (_gate)
        {
            writer.Write(formatter.Format(logEvent));
            writer.Flush();
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            writer.Flush();
        }
    }
}

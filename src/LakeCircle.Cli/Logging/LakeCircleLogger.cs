using Microsoft.Extensions.Logging;

namespace LakeCircle.Cli.Logging;

/// <summary>A logger of one category: gathers the message, masked values and scopes of an event for its provider.</summary>
internal sealed class LakeCircleLogger(string category, LakeCircleLoggerProvider provider) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => provider.ScopeProvider.Push(state);

    public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None && logLevel >= provider.MinimumLevel;

    public void Log<TState>(
        LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        if (!IsEnabled(logLevel))
        {
            return;
        }

        var secrets = new List<string>();
        var pairs = LogField.PairsOf(state);
        var fields = LogField.From(pairs, secrets);
        var scopes = new List<LogScope>();
        provider.ScopeProvider.ForEachScope((scope, list) => list.Add(LogScope.From(scope)), scopes);
        provider.Write(new LogEvent
        {
            Timestamp = provider.TimeProvider.GetUtcNow(),
            Level = logLevel,
            Category = category,
            EventId = eventId,
            Message = SecretMasker.Scrub(formatter(state, exception), secrets),
            Fields = fields,
            Template = pairs?.FirstOrDefault(p => p.Key == LogField.OriginalFormat).Value as string,
            Scopes = scopes,
            Exception = exception,
        });
    }
}

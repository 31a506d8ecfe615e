using System.Text;
using LakeCircle.Cli.Logging;
using Microsoft.Extensions.Logging;

namespace LakeCircle.PowerShell.Running;

/// <summary>
/// The loggers the client logs to from its worker threads: each event becomes a <see cref="LogEntry"/> (secrets masked
/// with the command line's own rules, outside text escaped) handed to a sink, which queues it for the pipeline thread.
/// Events at <see cref="LogLevel.Debug"/> and above are always passed on, whatever the level shown, because progress
/// is derived from them.
/// </summary>
internal sealed class StreamLoggerFactory(Action<LogEntry> sink, LogLevel minimumLevel) : ILoggerFactory
{
    private readonly LoggerExternalScopeProvider _scopes = new();

    /// <summary>The lowest level passed to the sink.</summary>
    public LogLevel MinimumLevel { get; } = minimumLevel < LogLevel.Debug ? minimumLevel : LogLevel.Debug;

    public ILogger CreateLogger(string categoryName) => new StreamLogger(this);

    public void AddProvider(ILoggerProvider provider)
    {
        // The one destination is the sink.
    }

    public void Dispose()
    {
        // Nothing is held.
    }

    private void Write<TState>(LogLevel level, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var secrets = new List<string>();
        var pairs = LogField.PairsOf(state);
        var fields = LogField.From(pairs, secrets);
        var template = pairs?.FirstOrDefault(p => p.Key == LogField.OriginalFormat).Value as string;
        string? bucket = null;
        _scopes.ForEachScope(
            (scope, _) =>
            {
                if (LogField.PairsOf(scope)?.FirstOrDefault(p => p.Key == "Bucket").Value is string name)
                {
                    bucket = name;
                }
            },
            (object?)null);

        var text = new StringBuilder();
        if (bucket is not null)
        {
            text.Append(KeyValueText.SingleLine(bucket)).Append(": ");
        }

        text.Append(KeyValueText.SingleLine(SecretMasker.Scrub(formatter(state, exception), secrets)));
        KeyValueText.AppendFields(text, template is null ? fields : fields.Where(f => !template.Contains("{" + f.Key, StringComparison.Ordinal)));
        if (exception is not null)
        {
            text.Append(": ").Append(KeyValueText.SingleLine(SecretMasker.Scrub(exception.Message, secrets)));
        }

        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var field in fields)
        {
            values[field.Key] = field.Value;
        }

        sink(new LogEntry(level, eventId.Id, text.ToString(), bucket, values));
    }

    private sealed class StreamLogger(StreamLoggerFactory factory) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => factory._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None && logLevel >= factory.MinimumLevel;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            ArgumentNullException.ThrowIfNull(formatter);
            if (IsEnabled(logLevel))
            {
                factory.Write(logLevel, eventId, state, exception, formatter);
            }
        }
    }
}

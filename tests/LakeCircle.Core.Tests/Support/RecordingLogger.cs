using Microsoft.Extensions.Logging;

namespace LakeCircle.Core.Tests.Support;

/// <summary>A logger that records each event with its level, message and the scopes open around it (outermost first).</summary>
internal sealed class RecordingLogger : ILogger
{
    private readonly AsyncLocal<Scope?> _current = new();
    private readonly List<(LogLevel Level, string Message, string[] Scopes, IReadOnlyList<KeyValuePair<string, object?>> State)> _events = [];

    public IReadOnlyList<(LogLevel Level, string Message, string[] Scopes, IReadOnlyList<KeyValuePair<string, object?>> State)> Events
    {
        get
        {
            lock (_events)
            {
                return _events.ToList();
            }
        }
    }

    public IDisposable BeginScope<TState>(TState state)
        where TState : notnull
    {
        var scope = new Scope(this, _current.Value, state.ToString() ?? "");
        _current.Value = scope;
        return scope;
    }

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var scopes = new List<string>();
        for (var scope = _current.Value; scope is not null; scope = scope.Parent)
        {
            scopes.Insert(0, scope.Text);
        }

        var values = state as IReadOnlyList<KeyValuePair<string, object?>> ?? [];
        lock (_events)
        {
            _events.Add((logLevel, formatter(state, exception), scopes.ToArray(), values));
        }
    }

    private sealed class Scope(RecordingLogger owner, Scope? parent, string text) : IDisposable
    {
        public Scope? Parent { get; } = parent;

        public string Text { get; } = text;

        public void Dispose() => owner._current.Value = Parent;
    }
}

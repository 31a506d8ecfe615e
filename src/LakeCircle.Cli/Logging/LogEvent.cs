using Microsoft.Extensions.Logging;

namespace LakeCircle.Cli.Logging;

/// <summary>One log event, with secrets already masked, ready for a formatter.</summary>
internal sealed record LogEvent
{
    public required DateTimeOffset Timestamp { get; init; }

    public required LogLevel Level { get; init; }

    public required string Category { get; init; }

    public EventId EventId { get; init; }

    public required string Message { get; init; }

    /// <summary>The structured values of the event, without the message template.</summary>
    public IReadOnlyList<LogField> Fields { get; init; } = [];

    /// <summary>The message template (<c>{OriginalFormat}</c>), or <see langword="null"/> when the event has none.</summary>
    public string? Template { get; init; }

    /// <summary>The fields the message text does not already show: those not named in <see cref="Template"/>.</summary>
    public IEnumerable<LogField> ExtraFields =>
        Template is null ? Fields : Fields.Where(f => !Template.Contains("{" + f.Key, StringComparison.Ordinal));

    /// <summary>The scopes around the event, outermost first.</summary>
    public IReadOnlyList<LogScope> Scopes { get; init; } = [];

    public Exception? Exception { get; init; }
}

using System.Globalization;
using System.Text;

namespace LakeCircle.Cli.Logging;

/// <summary>
/// One line per event: <c>2026-01-31T12:00:00.000Z INFO     Category: message key=value…</c>, followed by the
/// values of key/value scopes, a <c>scope=</c> pair for plain string scopes, and <c>error=</c> for an exception.
/// </summary>
internal sealed class TextFormatter(bool color) : ILogEventFormatter
{
    public string Format(LogEvent logEvent)
    {
        var line = new StringBuilder(128)
            .Append(logEvent.Timestamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture))
            .Append(' ')
            .Append(LevelText.Padded(logEvent.Level, color))
            .Append(' ')
            .Append(logEvent.Category)
            .Append(": ")
            .Append(KeyValueText.SingleLine(logEvent.Message));
        KeyValueText.AppendFields(line, logEvent.Fields);
        KeyValueText.AppendFields(line, logEvent.Scopes.SelectMany(s => s.Fields));
        var plain = logEvent.Scopes.Where(s => s.Fields.Count == 0).Select(s => s.Text).ToList();
        if (plain.Count > 0)
        {
            line.Append(" scope=").Append(KeyValueText.Quote(string.Join(" › ", plain)));
        }

        if (logEvent.Exception is { } exception)
        {
            line.Append(" error=").Append(KeyValueText.Quote(LevelText.Exception(exception)));
        }

        return line.Append('\n').ToString();
    }
}

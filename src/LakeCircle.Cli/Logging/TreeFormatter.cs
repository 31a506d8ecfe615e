using System.Globalization;
using System.Text;

namespace LakeCircle.Cli.Logging;

/// <summary>
/// Shows the nesting of the work. When an event's scopes differ from those last shown, a header line
/// <c>┌ scope</c> is written for each newly entered scope; events are indented under their innermost scope:
/// <code>
/// 12:00:00.000          ┌ run
/// 12:00:00.001 INFO     ├─ Loading definitions count=3
/// 12:00:00.002          │  ┌ Bucket=logs
/// 12:00:00.003 WARNING  │  ├─ Rule removed RuleId=old
/// </code>
/// Not thread-safe on its own: the provider calls it under its lock, which keeps the remembered scopes consistent.
/// </summary>
internal sealed class TreeFormatter(bool color) : ILogEventFormatter
{
    private const string Pipe = "│  ";
    private List<string> _shown = [];

    public string Format(LogEvent logEvent)
    {
        var time = logEvent.Timestamp.UtcDateTime.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture);
        var path = logEvent.Scopes.Select(s => s.Shown).ToList();
        var common = 0;
        while (common < path.Count && common < _shown.Count && path[common] == _shown[common])
        {
            common++;
        }

        var text = new StringBuilder(128);
        for (var depth = common; depth < path.Count; depth++)
        {
            text.Append(time).Append(' ', 10).Append(Indent(depth)).Append("┌ ").Append(path[depth]).Append('\n');
        }

        _shown = path;
        text.Append(time).Append(' ').Append(LevelText.Padded(logEvent.Level, color)).Append(' ');
        if (path.Count > 0)
        {
            text.Append(Indent(path.Count - 1)).Append("├─ ");
        }

        text.Append(KeyValueText.SingleLine(logEvent.Message));
        KeyValueText.AppendFields(text, logEvent.ExtraFields);
        if (logEvent.Exception is { } exception)
        {
            text.Append(" error=").Append(KeyValueText.Quote(LevelText.Exception(exception)));
        }

        return text.Append('\n').ToString();
    }

    private static string Indent(int depth) => string.Concat(Enumerable.Repeat(Pipe, depth));
}

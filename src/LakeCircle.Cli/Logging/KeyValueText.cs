using System.Text;
using LakeCircle.Core.Rendering;

namespace LakeCircle.Cli.Logging;

/// <summary>
/// Writes <c>key=value</c> pairs, quoting values that are empty or hold spaces, quotes, <c>=</c>, backslashes or
/// characters a terminal would interpret; inside quotes, <c>"</c> is <c>\"</c> and the rest is escaped as
/// <see cref="SafeText"/> does (<c>\n</c>, <c>\x1b</c>, <c>\u202e</c>, <c>\\</c>).
/// </summary>
internal static class KeyValueText
{
    public static string Quote(string value)
    {
        if (value.Length > 0 && !value.Any(c => char.IsWhiteSpace(c) || c is '"' or '=' or '\\' || SafeText.IsUnsafe(c)))
        {
            return value;
        }

        var text = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            if (c == '"')
            {
                text.Append("\\\"");
            }
            else
            {
                SafeText.Append(text, c);
            }
        }

        return text.Append('"').ToString();
    }

    /// <summary>
    /// Keeps a message on one line and off the terminal's controls: line breaks, escape sequences, bidirectional
    /// controls and backslashes are escaped as <see cref="SafeText.Escape"/> does.
    /// </summary>
    public static string SingleLine(string message) => SafeText.Escape(message);

    public static void AppendFields(StringBuilder line, IEnumerable<LogField> fields)
    {
        foreach (var field in fields)
        {
            line.Append(' ').Append(SafeText.Escape(field.Key)).Append('=').Append(Quote(field.Text));
        }
    }
}

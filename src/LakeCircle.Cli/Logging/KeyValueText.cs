using System.Text;

namespace LakeCircle.Cli.Logging;

/// <summary>Writes <c>key=value</c> pairs, quoting values that are empty or hold spaces, quotes or <c>=</c>.</summary>
internal static class KeyValueText
{
    public static string Quote(string value)
    {
        if (value.Length > 0 && !value.Any(c => char.IsWhiteSpace(c) || c is '"' or '=' || char.IsControl(c)))
        {
            return value;
        }

        var text = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            _ = c switch
            {
                '"' => text.Append("\\\""),
                '\\' => text.Append("\\\\"),
                '\n' => text.Append("\\n"),
                '\r' => text.Append("\\r"),
                '\t' => text.Append("\\t"),
                _ when char.IsControl(c) => text.Append($"\\u{(int)c:x4}"),
                _ => text.Append(c),
            };
        }

        return text.Append('"').ToString();
    }

    /// <summary>Keeps a message on one line: carriage returns and line feeds become <c>\r</c> and <c>\n</c>.</summary>
    public static string SingleLine(string message) =>
        message.Contains('\n', StringComparison.Ordinal) || message.Contains('\r', StringComparison.Ordinal)
            ? message.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal)
            : message;

    public static void AppendFields(StringBuilder line, IEnumerable<LogField> fields)
    {
        foreach (var field in fields)
        {
            line.Append(' ').Append(field.Key).Append('=').Append(Quote(field.Text));
        }
    }
}

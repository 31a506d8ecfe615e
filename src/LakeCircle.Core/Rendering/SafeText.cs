using System.Globalization;
using System.Text;

namespace LakeCircle.Core.Rendering;

/// <summary>
/// Makes outside text (rule IDs, bucket names, server messages, file contents) safe to print on a terminal: every
/// character a terminal would interpret rather than show is written as an escape that can be read back unambiguously.
/// <list type="bullet">
/// <item>a backslash becomes <c>\\</c>, so that an escape never looks like text that was there;</item>
/// <item>line feed, carriage return and tab become <c>\n</c>, <c>\r</c>, <c>\t</c>;</item>
/// <item>the other C0 controls, DEL and the C1 controls become <c>\xNN</c> (ESC is <c>\x1b</c>);</item>
/// <item>the bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) and the line and
/// paragraph separators (U+2028, U+2029) become <c>\uNNNN</c> (such as <c>\u202e</c>).</item>
/// </list>
/// Any other text comes back as it is (the same string instance).
/// </summary>
internal static class SafeText
{
    /// <summary>The text with every character a terminal would interpret escaped; <c>null</c> stays <c>null</c>.</summary>
    [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(text))]
    public static string? Escape(string? text)
    {
        if (text is null || !NeedsEscape(text))
        {
            return text;
        }

        var escaped = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            Append(escaped, c);
        }

        return escaped.ToString();
    }

    /// <summary>
    /// A JSON document with the characters a JSON writer leaves as they are but a terminal interprets (the
    /// bidirectional controls, U+2028, U+2029) written as <c>\uNNNN</c>: they occur only inside strings, where the
    /// escape means the same character, so the document stays valid and equal. The control characters are escaped by
    /// the writer already; line breaks between members are left as they are.
    /// </summary>
    public static string EscapeJson(string json)
    {
        if (!json.Any(IsFormatControl))
        {
            return json;
        }

        var escaped = new StringBuilder(json.Length + 16);
        foreach (var c in json)
        {
            _ = IsFormatControl(c) ? escaped.Append(@"\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)) : escaped.Append(c);
        }

        return escaped.ToString();
    }

    /// <summary>Whether <see cref="Escape"/> would change the text.</summary>
    public static bool NeedsEscape(string text)
    {
        foreach (var c in text)
        {
            if (c == '\\' || IsUnsafe(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether a terminal would interpret the character rather than show it (a backslash is safe).</summary>
    public static bool IsUnsafe(char c) =>
        c < '\u0020' || c is >= '\u007f' and <= '\u009f' || IsFormatControl(c);

    /// <summary>The bidirectional embeddings, overrides and isolates, and the line and paragraph separators.</summary>
    private static bool IsFormatControl(char c) => c is >= '\u202a' and <= '\u202e' or >= '\u2066' and <= '\u2069' or '\u2028' or '\u2029';

    /// <summary>Appends the escaped form of one character.</summary>
    public static void Append(StringBuilder text, char c)
    {
        _ = c switch
        {
            '\\' => text.Append(@"\\"),
            '\n' => text.Append(@"\n"),
            '\r' => text.Append(@"\r"),
            '\t' => text.Append(@"\t"),
            _ when c <= '\u00ff' && IsUnsafe(c) => text.Append(@"\x").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture)),
            _ when IsUnsafe(c) => text.Append(@"\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)),
            _ => text.Append(c),
        };
    }
}

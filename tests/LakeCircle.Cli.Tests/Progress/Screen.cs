using System.Text;
using System.Text.RegularExpressions;

namespace LakeCircle.Cli.Tests.Progress;

/// <summary>
/// What a terminal shows after text is written to it, line by line: a carriage return goes back to the start of the
/// line, <c>ESC[2K</c> erases the line, other escape sequences (colours) leave no character.
/// </summary>
internal static partial class Screen
{
    public static IReadOnlyList<string> Render(string written)
    {
        var lines = new List<string>();
        var line = new StringBuilder();
        var column = 0;
        for (var i = 0; i < written.Length; i++)
        {
            var c = written[i];
            if (c == '\u001b' && Sequence().Match(written, i) is { Success: true, Index: var at } match && at == i)
            {
                if (match.Value == "\u001b[2K")
                {
                    line.Clear();
                }

                i += match.Length - 1;
                continue;
            }

            switch (c)
            {
                case '\r':
                    column = 0;
                    break;
                case '\n':
                    lines.Add(line.ToString());
                    line.Clear();
                    column = 0;
                    break;
                default:
                    if (column < line.Length)
                    {
                        line[column] = c;
                    }
                    else
                    {
                        line.Append(c);
                    }

                    column++;
                    break;
            }
        }

        if (line.Length > 0)
        {
            lines.Add(line.ToString());
        }

        return lines;
    }

    /// <summary>Whether the text has a colour (SGR) sequence.</summary>
    public static bool HasColour(string written) => Colour().IsMatch(written);

    [GeneratedRegex(@"\u001b\[[0-9;?]*[A-Za-z]")]
    private static partial Regex Sequence();

    [GeneratedRegex(@"\u001b\[[0-9;]*m")]
    private static partial Regex Colour();
}

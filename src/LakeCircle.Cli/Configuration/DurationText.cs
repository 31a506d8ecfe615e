using System.Globalization;
using System.Text.RegularExpressions;

namespace LakeCircle.Cli.Configuration;

/// <summary>
/// Durations as people write them on a command line: a number and a unit, <c>500ms</c>, <c>60s</c>, <c>5m</c>,
/// <c>1.5h</c>; a bare number is seconds.
/// </summary>
internal static partial class DurationText
{
    /// <summary>The accepted forms, for messages.</summary>
    public const string Forms = "a number with a unit such as 60s, 5m or 500ms (a bare number is seconds)";

    /// <summary>Reads a duration; <see langword="false"/> for anything else (negative, no number, unknown unit).</summary>
    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = default;
        var match = Shape().Match(text?.Trim() ?? "");
        if (!match.Success || !double.TryParse(match.Groups["n"].Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
        {
            return false;
        }

        var milliseconds = match.Groups["u"].Value.ToLowerInvariant() switch
        {
            "ms" => number,
            "" or "s" => number * 1_000,
            "m" => number * 60_000,
            _ => number * 3_600_000,
        };
        if (milliseconds > TimeSpan.FromDays(1).TotalMilliseconds)
        {
            return false;
        }

        duration = TimeSpan.FromMilliseconds(Math.Round(milliseconds));
        return true;
    }

    /// <summary>Writes a duration back in that form: <c>250ms</c>, <c>60s</c>, <c>5m</c>, <c>1h</c>.</summary>
    public static string Format(TimeSpan duration)
    {
        var ms = (long)duration.TotalMilliseconds;
        var s = ms / 1_000;
        return ms % 1_000 != 0 ? string.Create(CultureInfo.InvariantCulture, $"{ms}ms")
            : s != 0 && s % 3_600 == 0 ? string.Create(CultureInfo.InvariantCulture, $"{s / 3_600}h")
            : s >= 120 && s % 60 == 0 ? string.Create(CultureInfo.InvariantCulture, $"{s / 60}m")
            : string.Create(CultureInfo.InvariantCulture, $"{s}s");
    }

    [GeneratedRegex(@"^(?<n>[0-9]+(\.[0-9]+)?)\s*(?<u>ms|s|m|h)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}

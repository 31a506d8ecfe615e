using Microsoft.Extensions.Logging;

namespace LakeCircle.Cli.Configuration;

/// <summary>The <c>LCC_APP_LEVEL</c> names (TRACE, DEBUG, INFO, WARNING, ERROR, CRITICAL) and their log levels.</summary>
internal static class LogLevelNames
{
    private static readonly (string Name, LogLevel Level)[] Pairs =
    [
        ("TRACE", LogLevel.Trace),
        ("DEBUG", LogLevel.Debug),
        ("INFO", LogLevel.Information),
        ("WARNING", LogLevel.Warning),
        ("ERROR", LogLevel.Error),
        ("CRITICAL", LogLevel.Critical),
    ];

    /// <summary>Reads a level name, without regard to case or surrounding white space.</summary>
    /// <param name="name">A name such as <c>WARNING</c>.</param>
    /// <param name="level">The level, or <see cref="LogLevel.None"/> when the name is unknown.</param>
    /// <returns>Whether the name is known.</returns>
    public static bool TryParse(string? name, out LogLevel level)
    {
        foreach (var pair in Pairs)
        {
            if (string.Equals(pair.Name, name?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                level = pair.Level;
                return true;
            }
        }

        level = LogLevel.None;
        return false;
    }

    /// <summary>The name of a level, such as <c>INFO</c> for <see cref="LogLevel.Information"/> (<c>NONE</c> for <see cref="LogLevel.None"/>).</summary>
    /// <param name="level">The level.</param>
    /// <returns>The name.</returns>
    public static string ToName(LogLevel level) =>
        Array.Find(Pairs, p => p.Level == level).Name ?? "NONE";
}

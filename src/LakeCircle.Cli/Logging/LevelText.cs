using LakeCircle.Cli.Configuration;
using Microsoft.Extensions.Logging;

namespace LakeCircle.Cli.Logging;

/// <summary>Level names as <c>LCC_APP_LEVEL</c> spells them, optionally coloured with ANSI escapes.</summary>
internal static class LevelText
{
    public const string Reset = "\u001b[0m";

    public static string Name(LogLevel level) => LogLevelNames.ToName(level);

    /// <summary>The name padded to the widest name (<c>CRITICAL</c>), coloured when <paramref name="color"/> is set.</summary>
    public static string Padded(LogLevel level, bool color)
    {
        var name = Name(level).PadRight(8);
        return color ? Color(level) + name + Reset : name;
    }

    public static string Color(LogLevel level) => level switch
    {
        LogLevel.Trace => "\u001b[90m",
        LogLevel.Debug => "\u001b[36m",
        LogLevel.Information => "\u001b[32m",
        LogLevel.Warning => "\u001b[33m",
        LogLevel.Error => "\u001b[31m",
        LogLevel.Critical => "\u001b[1;97;41m",
        _ => string.Empty,
    };

    public static string Exception(Exception exception) => $"{exception.GetType().Name}: {exception.Message}";
}

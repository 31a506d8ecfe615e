using LakeCircle.Cli.Configuration;
using Microsoft.Extensions.Logging;

namespace LakeCircle.Cli.Logging;

/// <summary>Creates the logger factory of a run from the <c>LCC_LOG_FORMAT</c> and <c>LCC_APP_LEVEL</c> settings.</summary>
internal static class LoggingSetup
{
    /// <summary>Whether standard error is a terminal (colours are only written to one).</summary>
    public static bool StandardErrorIsTerminal => !Console.IsErrorRedirected;

    /// <summary>Creates a factory whose loggers write to <paramref name="writer"/> in the given format.</summary>
    /// <param name="format">The format; the colour formats fall back to plain text when <paramref name="isTerminal"/> is false.</param>
    /// <param name="level">The minimum level written.</param>
    /// <param name="writer">Where lines go (standard error in production).</param>
    /// <param name="isTerminal">Whether <paramref name="writer"/> is a terminal.</param>
    /// <param name="timeProvider">The clock of the timestamps; the system clock when <see langword="null"/>.</param>
    public static ILoggerFactory CreateLoggerFactory(
        LogFormat format, LogLevel level, TextWriter writer, bool isTerminal, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var provider = new LakeCircleLoggerProvider(writer, CreateFormatter(format, isTerminal), level, timeProvider);
        return new LoggerFactory([provider], new LoggerFilterOptions { MinLevel = level });
    }

    /// <summary>Creates a factory from the setting names, such as <c>COLORTREE</c> and <c>WARNING</c> (any case).</summary>
    /// <exception cref="ArgumentException">A name is not one of the accepted choices.</exception>
    public static ILoggerFactory CreateLoggerFactory(string format, string level, TextWriter writer, bool isTerminal)
    {
        if (!Enum.TryParse<LogFormat>(format, ignoreCase: true, out var logFormat) || !Enum.IsDefined(logFormat) || int.TryParse(format, out _))
        {
            throw new ArgumentException($"Unknown log format '{format}'; expected TREE, COLORTREE, TEXT, COLORTEXT or JSON.", nameof(format));
        }

        if (!LogLevelNames.TryParse(level, out var logLevel))
        {
            throw new ArgumentException($"Unknown log level '{level}'; expected TRACE, DEBUG, INFO, WARNING, ERROR or CRITICAL.", nameof(level));
        }

        return CreateLoggerFactory(logFormat, logLevel, writer, isTerminal);
    }

    internal static ILogEventFormatter CreateFormatter(LogFormat format, bool isTerminal) => format switch
    {
        LogFormat.Tree => new TreeFormatter(color: false),
        LogFormat.ColorTree => new TreeFormatter(color: isTerminal),
        LogFormat.Text => new TextFormatter(color: false),
        LogFormat.ColorText => new TextFormatter(color: isTerminal),
        LogFormat.Json => new JsonFormatter(),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown log format."),
    };
}

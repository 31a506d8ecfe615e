using Microsoft.Extensions.Logging;

namespace LakeCircle.Cli.Running;

/// <summary>The log events of the command-line runs.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "{App} {Version}: {Action} with settings {Fingerprint}")]
    public static partial void Starting(this ILogger logger, string app, string version, string action, string fingerprint);

    [LoggerMessage(EventId = 5, Level = LogLevel.Information, Message = "Definitions from {Definitions}; account {Account} in {Region} from {Source}")]
    public static partial void Sources(this ILogger logger, string definitions, string account, string region, string source);

    [LoggerMessage(EventId = 2, Level = LogLevel.Debug, Message = "Setting {Key}={Value}")]
    public static partial void Setting(this ILogger logger, string key, string value);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "{Action} finished with exit code {ExitCode}")]
    public static partial void Finished(this ILogger logger, string action, int exitCode);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "{Action} cancelled")]
    public static partial void Cancelled(this ILogger logger, string action);
}

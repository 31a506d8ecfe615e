using Microsoft.Extensions.Logging;

namespace LakeCircle.Cli.Targets;

/// <summary>The log events of a targets run.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 20, Level = LogLevel.Information, Message = "{Action} over {Count} targets of {File}, {Parallel} at once")]
    public static partial void TargetsStarting(this ILogger logger, string action, int count, string file, int parallel);

    [LoggerMessage(EventId = 21, Level = LogLevel.Information, Message = "Target {Target}: account {Account} in {Region}, endpoint {Endpoint}, access {Access}")]
    public static partial void TargetStarting(this ILogger logger, string target, string account, string region, string endpoint, string access);

    [LoggerMessage(EventId = 22, Level = LogLevel.Information, Message = "Target {Target}: {Status} in {Seconds:0.0} s")]
    public static partial void TargetFinished(this ILogger logger, string target, string status, double seconds);

    [LoggerMessage(EventId = 23, Level = LogLevel.Error, Message = "Target {Target} failed: {Reason}")]
    public static partial void TargetFailed(this ILogger logger, string target, string reason);
}

using Microsoft.Extensions.Logging;

namespace LakeCircle.Core.Diagnostics;

/// <summary>The events of a run's progress: its S3 calls at the end, and a progress handler that failed.</summary>
internal static partial class ProgressLog
{
    [LoggerMessage(EventId = 150, Level = LogLevel.Information, Message = "S3 calls: {Calls} (at most {MaxInFlight} in flight)")]
    public static partial void S3Calls(this ILogger logger, string calls, int maxInFlight);

    [LoggerMessage(EventId = 151, Level = LogLevel.Warning, Message = "The progress handler failed ({ExceptionType}: {Reason}); it is not called again in this run")]
    public static partial void ProgressFailed(this ILogger logger, string exceptionType, string reason);
}

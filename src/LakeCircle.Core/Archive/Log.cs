using Microsoft.Extensions.Logging;

namespace LakeCircle.Core.Archive;

/// <summary>The log events of the archive: configurations saved to previous/, history/ and current/, and run records. Values are names, keys and messages: never credentials.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 3013, Level = LogLevel.Information, Message = "Saved the configuration of {Bucket} to {History} before the write")]
    public static partial void HistorySaved(this ILogger logger, string bucket, string history);

    [LoggerMessage(EventId = 3014, Level = LogLevel.Warning, Message = "Could not record the fate of the write in {History}: {Reason}")]
    public static partial void WriteNotRecorded(this ILogger logger, string history, string reason);

    [LoggerMessage(EventId = 3011, Level = LogLevel.Information, Message = "Saved the configuration of {Bucket} to {Previous} and {History}")]
    public static partial void PreviousSaved(this ILogger logger, string bucket, string previous, string history);

    [LoggerMessage(EventId = 3012, Level = LogLevel.Debug, Message = "Saved the current configuration of {Bucket} to {Current}")]
    public static partial void CurrentSaved(this ILogger logger, string bucket, string current);

    [LoggerMessage(EventId = 3021, Level = LogLevel.Information, Message = "Run {RunId} recorded at {Record}")]
    public static partial void RunRecorded(this ILogger logger, string runId, string record);
}

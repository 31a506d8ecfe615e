using Microsoft.Extensions.Logging;

namespace LakeCircle.Core.Locking;

/// <summary>The log events of the endpoint's lock: taken, refused, taken over, renewed, lost, released, forced. Values are names, keys and messages: never credentials.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Debug, Message = "Lock {Lock} taken for run {RunId}")]
    public static partial void LockAcquired(this ILogger logger, string @lock, string runId);

    [LoggerMessage(EventId = 3007, Level = LogLevel.Warning, Message = "The answer to the creation of lock {Lock} was lost ({Reason}); read back, it is run {RunId}'s own")]
    public static partial void LockAnswerLost(this ILogger logger, string @lock, string runId, string reason);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning, Message = "Lock {Lock} held by {Holder}; this run does not start")]
    public static partial void LockRefused(this ILogger logger, string @lock, string holder);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Warning, Message = "Lock {Lock} taken over by run {RunId} from {Owner} (run {PreviousRunId}), lapsed at {ExpiredAt}")]
    public static partial void LockTakenOver(this ILogger logger, string @lock, string runId, string owner, string previousRunId, DateTimeOffset expiredAt);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Debug, Message = "Lock {Lock} released by run {RunId}")]
    public static partial void LockReleased(this ILogger logger, string @lock, string runId);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Warning, Message = "Lock {Lock} is no longer held by run {RunId}; left as it is")]
    public static partial void LockNotOurs(this ILogger logger, string @lock, string runId);

    [LoggerMessage(EventId = 3006, Level = LogLevel.Warning, Message = "Lock {Lock} removed by force; it was held by {Holder}")]
    public static partial void LockForced(this ILogger logger, string @lock, string holder);

    [LoggerMessage(EventId = 3044, Level = LogLevel.Debug, Message = "Lock {Lock} renewed until {ExpiresAt}")]
    public static partial void LockRenewed(this ILogger logger, string @lock, DateTimeOffset expiresAt);

    [LoggerMessage(EventId = 3045, Level = LogLevel.Error, Message = "Lock {Lock} was lost while the run went on; the run stops")]
    public static partial void LockLost(this ILogger logger, string @lock);
}

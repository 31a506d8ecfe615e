using Microsoft.Extensions.Logging;

using LakeCircle.Core.Archive;
using LakeCircle.Core.Gateways;
using LakeCircle.Core.Locking;
namespace LakeCircle.Core.Sync;

/// <summary>The log events of the endpoint state: lock, archive and run log.</summary>
internal static partial class SafetyLog
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Debug, Message = "Lock {Lock} taken for run {RunId}")]
    public static partial void LockAcquired(ILogger logger, string @lock, string runId);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning, Message = "Lock {Lock} held by {Holder}; this run does not start")]
    public static partial void LockRefused(ILogger logger, string @lock, string holder);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Warning, Message = "Lock {Lock} taken over by run {RunId} from {Owner} (run {PreviousRunId}), lapsed at {ExpiredAt}")]
    public static partial void LockTakenOver(ILogger logger, string @lock, string runId, string owner, string previousRunId, DateTimeOffset expiredAt);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Debug, Message = "Lock {Lock} released by run {RunId}")]
    public static partial void LockReleased(ILogger logger, string @lock, string runId);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Warning, Message = "Lock {Lock} is no longer held by run {RunId}; left as it is")]
    public static partial void LockNotOurs(ILogger logger, string @lock, string runId);

    [LoggerMessage(EventId = 3006, Level = LogLevel.Warning, Message = "Lock {Lock} removed by force; it was held by {Holder}")]
    public static partial void LockForced(ILogger logger, string @lock, string holder);

    [LoggerMessage(EventId = 3011, Level = LogLevel.Information, Message = "Saved the configuration of {Bucket} to {Previous} and {History}")]
    public static partial void PreviousSaved(ILogger logger, string bucket, string previous, string history);

    [LoggerMessage(EventId = 3012, Level = LogLevel.Debug, Message = "Saved the current configuration of {Bucket} to {Current}")]
    public static partial void CurrentSaved(ILogger logger, string bucket, string current);

    [LoggerMessage(EventId = 3021, Level = LogLevel.Information, Message = "Run {RunId} recorded at {Record}")]
    public static partial void RunRecorded(ILogger logger, string runId, string record);

    [LoggerMessage(EventId = 3031, Level = LogLevel.Warning, Message = "{Bucket} changed since the plan (configuration {Planned} became {Found}); re-planned before the write")]
    public static partial void Replanned(ILogger logger, string bucket, string planned, string found);

    [LoggerMessage(EventId = 3041, Level = LogLevel.Warning, Message = "The account of the credentials is not checked: {Reason}")]
    public static partial void CallerNotChecked(ILogger logger, string reason);

    [LoggerMessage(EventId = 3042, Level = LogLevel.Information, Message = "The credentials belong to account {Account}")]
    public static partial void CallerConfirmed(ILogger logger, string account);

    [LoggerMessage(EventId = 3043, Level = LogLevel.Error, Message = "{Message}")]
    public static partial void RunRefused(ILogger logger, string message);

    [LoggerMessage(EventId = 3044, Level = LogLevel.Debug, Message = "Lock {Lock} renewed until {ExpiresAt}")]
    public static partial void LockRenewed(ILogger logger, string @lock, DateTimeOffset expiresAt);

    [LoggerMessage(EventId = 3045, Level = LogLevel.Error, Message = "Lock {Lock} was lost while the run went on; the run stops")]
    public static partial void LockLost(ILogger logger, string @lock);

    [LoggerMessage(EventId = 3046, Level = LogLevel.Error, Message = "Could not {Step}: {Message}")]
    public static partial void StepFailed(ILogger logger, string step, string message);
}

using Microsoft.Extensions.Logging;

namespace LakeCircle.Core.Sync;

/// <summary>The log events of a writing run: the account check, refusals, re-plans, each write and its result, and the run's own steps. Values are names, keys and messages: never credentials.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 3031, Level = LogLevel.Warning, Message = "{Bucket} changed since the plan (configuration {Planned} became {Found}); re-planned before the write")]
    public static partial void Replanned(this ILogger logger, string bucket, string planned, string found);

    [LoggerMessage(EventId = 3032, Level = LogLevel.Error, Message = "{Bucket} changed since the saved plan was made (configuration {Planned} became {Found}); not applied")]
    public static partial void ChangedSincePlan(this ILogger logger, string bucket, string planned, string found);

    [LoggerMessage(EventId = 3041, Level = LogLevel.Warning, Message = "The account of the credentials is not checked: {Reason}")]
    public static partial void CallerNotChecked(this ILogger logger, string reason);

    [LoggerMessage(EventId = 3042, Level = LogLevel.Information, Message = "The credentials belong to account {Account}")]
    public static partial void CallerConfirmed(this ILogger logger, string account);

    [LoggerMessage(EventId = 3043, Level = LogLevel.Error, Message = "{Message}")]
    public static partial void RunRefused(this ILogger logger, string message);

    [LoggerMessage(EventId = 3046, Level = LogLevel.Error, Message = "Could not {Step}: {Message}")]
    public static partial void StepFailed(this ILogger logger, string step, string message);

    [LoggerMessage(EventId = 130, Level = LogLevel.Error, Message = "{Reason}")]
    public static partial void GuardStopped(this ILogger logger, string reason);

    [LoggerMessage(EventId = 131, Level = LogLevel.Debug, Message = "Writing the whole configuration ({RuleCount} rules)")]
    public static partial void Putting(this ILogger logger, int ruleCount);

    [LoggerMessage(EventId = 132, Level = LogLevel.Debug, Message = "Deleting the lifecycle configuration (no rule left)")]
    public static partial void Deleting(this ILogger logger);

    [LoggerMessage(EventId = 133, Level = LogLevel.Debug, Message = "Applied in {ElapsedMilliseconds} ms")]
    public static partial void Applied(this ILogger logger, long elapsedMilliseconds);

    [LoggerMessage(EventId = 134, Level = LogLevel.Error, Message = "Failed: {Reason}")]
    public static partial void WriteFailed(this ILogger logger, string reason);

    [LoggerMessage(EventId = 135, Level = LogLevel.Information, Message = "Sync: {Applied} buckets applied, {NotVisible} applied but not yet visible, {Failed} failed, {Skipped} skipped")]
    public static partial void Synced(this ILogger logger, int applied, int notVisible, int failed, int skipped);

    [LoggerMessage(EventId = 136, Level = LogLevel.Warning, Message = "{Reason}")]
    public static partial void AppliedNotVisible(this ILogger logger, string reason);

    [LoggerMessage(EventId = 137, Level = LogLevel.Warning, Message = "allowDestructive names {Bucket}, which is not a protected bucket of this run: it allows nothing")]
    public static partial void AllowedNotProtected(this ILogger logger, string bucket);
}

using Microsoft.Extensions.Logging;

namespace LakeCircle.Core.Planning;

/// <summary>
/// The log scopes of every run (run › account › bucket › rule) and the planning events. Values are bucket names, rule IDs, counts
/// and messages of failed calls: never credentials.
/// </summary>
internal static partial class Log
{
    private static readonly Func<ILogger, string, string, IDisposable?> RunScopeDefinition =
        LoggerMessage.DefineScope<string, string>("{Action} run (settings {SettingsFingerprint})");

    private static readonly Func<ILogger, string, string, IDisposable?> AccountScopeDefinition =
        LoggerMessage.DefineScope<string, string>("Account {Account} in {Region}");

    private static readonly Func<ILogger, string, IDisposable?> BucketScopeDefinition =
        LoggerMessage.DefineScope<string>("Bucket {Bucket}");

    private static readonly Func<ILogger, string, IDisposable?> RuleScopeDefinition =
        LoggerMessage.DefineScope<string>("Rule {RuleId}");

    public static IDisposable? RunScope(this ILogger logger, string action, string? settingsFingerprint) =>
        RunScopeDefinition(logger, action, settingsFingerprint ?? "not given");

    public static IDisposable? AccountScope(this ILogger logger, string? account, string? region) =>
        AccountScopeDefinition(logger, account ?? "(not given)", region ?? "(not given)");

    public static IDisposable? BucketScope(this ILogger logger, string bucket) => BucketScopeDefinition(logger, bucket);

    public static IDisposable? RuleScope(this ILogger logger, string ruleId) => RuleScopeDefinition(logger, ruleId);

    [LoggerMessage(EventId = 100, Level = LogLevel.Information, Message = "Read {DocumentCount} definition files: {BucketCount} buckets defined")]
    public static partial void DefinitionsLoaded(this ILogger logger, int documentCount, int bucketCount);

    [LoggerMessage(EventId = 101, Level = LogLevel.Error, Message = "{Problem}")]
    public static partial void DefinitionProblem(this ILogger logger, string problem);

    [LoggerMessage(EventId = 102, Level = LogLevel.Error, Message = "{ProblemCount} problems in the definitions or the bucket selection; {ValidCount} other definitions were valid; one invalid definition stops the whole run: nothing read from the account, nothing written")]
    public static partial void Stopped(this ILogger logger, int problemCount, int validCount);

    [LoggerMessage(EventId = 103, Level = LogLevel.Warning, Message = "{Problem}")]
    public static partial void DefinitionWarning(this ILogger logger, string problem);

    [LoggerMessage(EventId = 110, Level = LogLevel.Information, Message = "{AccountBucketCount} buckets in the account, {ManagedCount} managed buckets to read")]
    public static partial void AccountListed(this ILogger logger, int accountBucketCount, int managedCount);

    [LoggerMessage(EventId = 115, Level = LogLevel.Warning, Message = "The bucket selection is empty: no bucket is planned or written (select none explicitly, or leave the selection out for every defined bucket)")]
    public static partial void EmptySelection(this ILogger logger);

    [LoggerMessage(EventId = 111, Level = LogLevel.Error, Message = "Could not list the account's buckets: {Reason}")]
    public static partial void ListFailed(this ILogger logger, string reason);

    [LoggerMessage(EventId = 112, Level = LogLevel.Warning, Message = "Defined but not in the account (not created)")]
    public static partial void BucketMissing(this ILogger logger);

    [LoggerMessage(EventId = 113, Level = LogLevel.Error, Message = "Could not read the lifecycle configuration: {Reason}")]
    public static partial void ReadFailed(this ILogger logger, string reason);

    [LoggerMessage(EventId = 114, Level = LogLevel.Debug, Message = "Read {RuleCount} rules")]
    public static partial void BucketRead(this ILogger logger, int ruleCount);

    [LoggerMessage(EventId = 120, Level = LogLevel.Debug, Message = "{Status}: {Added} rules to add, {Removed} to remove, {Changed} to change, {Unchanged} unchanged (action {Action})")]
    public static partial void BucketPlanned(this ILogger logger, string status, int added, int removed, int changed, int unchanged, string action);

    [LoggerMessage(EventId = 121, Level = LogLevel.Debug, Message = "No definition: left alone")]
    public static partial void BucketUnmanaged(this ILogger logger);

    [LoggerMessage(EventId = 122, Level = LogLevel.Debug, Message = "Rule to add")]
    public static partial void RuleAdded(this ILogger logger);

    [LoggerMessage(EventId = 123, Level = LogLevel.Debug, Message = "Rule to remove")]
    public static partial void RuleRemoved(this ILogger logger);

    [LoggerMessage(EventId = 124, Level = LogLevel.Debug, Message = "Rule unchanged")]
    public static partial void RuleUnchanged(this ILogger logger);

    [LoggerMessage(EventId = 125, Level = LogLevel.Debug, Message = "{Field}: {Before} -> {After}")]
    public static partial void FieldChanged(this ILogger logger, string field, string before, string after);

    [LoggerMessage(EventId = 126, Level = LogLevel.Information, Message = "Plan: {BucketsChanged} buckets to change ({RulesAdded} rules to add, {RulesRemoved} to remove, {RulesChanged} to change), {BucketsInSync} in sync, {BucketsMissing} missing, {BucketsUnmanaged} unmanaged, {BucketsFailed} failed")]
    public static partial void Planned(this ILogger logger, int bucketsChanged, int rulesAdded, int rulesRemoved, int rulesChanged, int bucketsInSync, int bucketsMissing, int bucketsUnmanaged, int bucketsFailed);

    [LoggerMessage(EventId = 116, Level = LogLevel.Warning, Message = "Could not tell the bucket's region, so it is read as one of the run's regions: {Reason}")]
    public static partial void RegionUnknown(this ILogger logger, string reason);
}

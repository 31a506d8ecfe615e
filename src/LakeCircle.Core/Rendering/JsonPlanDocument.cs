using System.Text.Json;
using LakeCircle.Core.Sync;

namespace LakeCircle.Core.Rendering;

// The shape of the JSON plan document written by JsonPlanRenderer (camelCase; null members are left out). The head
// (schemaVersion .. error) is the one of every LakeCircle document (JsonEnvelope); docs/cli.md documents the contract.
#pragma warning disable SA1402, SA1649, CA1002 // Small data shapes of one document, kept together.

internal sealed record JsonPlanDocument(
    int SchemaVersion,
    JsonTool Tool,
    string? Account,
    string? Region,
    string GeneratedAt,
    bool Succeeded,
    JsonError? Error,
    bool HasChanges,
    JsonRestoredVersion? RestoredVersion,
    IReadOnlyList<JsonDiagnostic>? Diagnostics,
    JsonPlanSummary? Summary,
    IReadOnlyList<JsonBucket> Buckets,
    JsonResults? Results);

internal sealed record JsonDiagnostic(string? File, int? Line, int? Column, string? Bucket, string? Rule, string? Field, string Message, string Severity);

internal sealed record JsonRestoredVersion(string CapturedAt, string Reason, int Rules, string Fingerprint, string Location);

internal sealed record JsonPlanSummary(
    int BucketsChanged,
    int RulesAdded,
    int RulesRemoved,
    int RulesChanged,
    int BucketsInSync,
    int BucketsMissing,
    int BucketsUnmanaged,
    int BucketsFailed);

internal sealed record JsonBucket(
    string Name,
    string Status,
    string Action,
    JsonRules Rules,
    IReadOnlyList<JsonFieldChange>? Configuration,
    string? Error,
    JsonBucketResult? Result);

internal sealed record JsonRules(
    IReadOnlyList<JsonRule> Added,
    IReadOnlyList<JsonRule> Removed,
    IReadOnlyList<JsonRuleChange> Changed,
    IReadOnlyList<string> Unchanged);

internal sealed record JsonRule(string Id, string Fingerprint, JsonElement? Aws);

internal sealed record JsonRuleChange(string Id, IReadOnlyList<JsonFieldChange> Fields);

/// <summary>One changed field: <c>before</c>/<c>after</c> typed as the AWS API's JSON has them, <c>beforeText</c>/<c>afterText</c> as the text plan shows them.</summary>
internal sealed record JsonFieldChange(string Field, JsonElement? Before, JsonElement? After, string? BeforeText, string? AfterText);

internal sealed record JsonBucketResult(string Status, string? Error, string? Note, long DurationMs);

internal sealed record JsonResults(int Applied, int AppliedNotVisible, int Failed, int Skipped);

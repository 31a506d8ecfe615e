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
    IReadOnlyList<string>? Regions,
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
    int BucketsFailed,
    int BucketsInOtherRegions,
    int BucketsDestructive,
    int BucketsArchivingSooner);

internal sealed record JsonBucket(
    string Name,
    string? Region,
    string Status,
    string Action,
    JsonRules Rules,
    IReadOnlyList<JsonFieldChange>? Configuration,
    bool Protected,
    JsonImpact Impact,
    string? Error,
    JsonBucketResult? Result);

/// <summary>What the bucket's change does to its data: <c>kind</c> is <c>none</c>, <c>retains-longer</c>, <c>archives-sooner</c> or <c>destructive</c>.</summary>
internal sealed record JsonImpact(string Kind, IReadOnlyList<JsonImpactFinding> Findings);

/// <summary>One finding: the object versions it is about, what happens to them now and under the definition, the sentence.</summary>
internal sealed record JsonImpactFinding(string Kind, string Objects, string Before, string After, string Text);

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

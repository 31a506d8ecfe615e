using System.Text.Json;
using LakeCircle.Core.Sync;

namespace LakeCircle.Core.Rendering;

// The shape of the JSON plan document written by JsonPlanRenderer (camelCase; null members are left out).
#pragma warning disable SA1402, SA1649, CA1002 // Small data shapes of one document, kept together.

internal sealed record JsonPlanDocument(
    bool Succeeded,
    bool HasChanges,
    string? Error,
    IReadOnlyList<JsonDiagnostic>? Diagnostics,
    JsonPlanSummary? Summary,
    IReadOnlyList<JsonBucket> Buckets,
    JsonResults? Results);

internal sealed record JsonDiagnostic(string? File, int? Line, int? Column, string? Bucket, string? Rule, string? Field, string Message, string Severity);

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

internal sealed record JsonFieldChange(string Field, string? Before, string? After);

internal sealed record JsonBucketResult(string Status, string? Error, string? Note, long DurationMs);

internal sealed record JsonResults(int Applied, int AppliedNotVisible, int Failed, int Skipped);

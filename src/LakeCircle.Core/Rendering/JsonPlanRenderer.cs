using System.Text.Encodings.Web;
using System.Text.Json;
using LakeCircle.Core.Diagnostics;
using LakeCircle.Core.Fingerprinting;
using LakeCircle.Core.Gateways.Json;
using LakeCircle.Core.Model;
using LakeCircle.Core.Planning;
using LakeCircle.Core.Sync;

namespace LakeCircle.Core.Rendering;

/// <summary>
/// Writes a plan (and a sync's results) as one indented camelCase JSON document for machines:
/// <c>{"succeeded","hasChanges","summary":{...},"buckets":[{"name","status","action","rules":{...},"error","result"}],"results"}</c>.
/// Members without a value (no error, no result in a DRYRUN) are left out.
/// </summary>
public static class JsonPlanRenderer
{
    // The document is printed, not embedded in HTML: keep quotes and '+' readable as the AWS CLI does.
    private static readonly JsonPlanContext Context = new(new JsonSerializerOptions(JsonPlanContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    /// <summary>Writes the outcome of a DRYRUN.</summary>
    public static string Render(PlanOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return Serialize(Document(outcome.Plan, outcome.Diagnostics, outcome.Error, outcome.Succeeded, null));
    }

    /// <summary>Writes the outcome of a SYNC: each bucket written carries its <c>result</c>, the document a <c>results</c> summary.</summary>
    public static string Render(RunOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var document = Document(outcome.Plan, outcome.Diagnostics, outcome.Error, outcome.Succeeded, outcome.Buckets);
        var s = outcome.Summary;
        return Serialize(outcome.Plan is null ? document : document with { Results = new JsonResults(s.Applied, s.AppliedNotVisible, s.Failed, s.Skipped) });
    }

    private static string Serialize(JsonPlanDocument document) => SafeText.EscapeJson(JsonSerializer.Serialize(document, Context.JsonPlanDocument));

    private static JsonPlanDocument Document(
        AccountPlan? plan, IReadOnlyList<Diagnostic> diagnostics, string? error, bool succeeded, IReadOnlyList<BucketOutcome>? results)
    {
        var byBucket = results?.ToDictionary(r => r.Bucket, StringComparer.Ordinal);
        var s = plan?.Summary;
        return new JsonPlanDocument(
            succeeded,
            plan?.HasChanges == true,
            error,
            diagnostics.Count == 0 ? null : diagnostics.Select(ToJson).ToList(),
            s is null ? null : new JsonPlanSummary(
                s.BucketsChanged, s.RulesAdded, s.RulesRemoved, s.RulesChanged, s.BucketsInSync, s.BucketsMissing, s.BucketsUnmanaged, s.BucketsFailed),
            plan?.Buckets.Select(b => ToJson(b, byBucket?.GetValueOrDefault(b.Bucket))).ToList() ?? [],
            null);
    }

    private static JsonBucket ToJson(BucketPlan bucket, BucketOutcome? result) => new(
        bucket.Bucket,
        PlanLogging.Status(bucket.Status),
        PlanLogging.Action(bucket.Action),
        new JsonRules(
            bucket.Added.Select(ToJson).ToList(),
            bucket.Removed.Select(ToJson).ToList(),
            bucket.Changed.Select(c => new JsonRuleChange(c.Id, c.Fields.Select(ToJson).ToList())).ToList(),
            bucket.Unchanged.Select(CanonicalForm.EffectiveId).ToList()),
        bucket.ConfigurationChanges.Count == 0 ? null : bucket.ConfigurationChanges.Select(ToJson).ToList(),
        bucket.Error,
        result is null ? null : new JsonBucketResult(Result(result.Result), result.Error, result.Note, (long)result.Duration.TotalMilliseconds));

    private static JsonRule ToJson(LifecycleRule rule) => new(CanonicalForm.EffectiveId(rule), rule.Fingerprint, AwsShape(rule));

    private static JsonFieldChange ToJson(FieldChange change) => new(change.Field, change.Before, change.After);

    private static JsonDiagnostic ToJson(Diagnostic d) => new(
        d.Location?.File, d.Location is { Line: > 0 } l ? l.Line : null, d.Location is { Column: > 0 } c ? c.Column : null, d.Bucket, d.RuleId, d.Field, d.Message,
        d.IsError ? "error" : "warning");

    /// <summary>The rule as the AWS API JSON shows it (<c>ID</c>, <c>Filter</c>, <c>Status</c>, ...).</summary>
    private static JsonElement AwsShape(LifecycleRule rule)
    {
        using var document = JsonDocument.Parse(LifecycleJson.Serialize(LifecycleConfiguration.Of(rule)));
        return document.RootElement.GetProperty("Rules")[0].Clone();
    }

    private static string Result(BucketResult result) => result switch
    {
        BucketResult.Applied => "applied",
        BucketResult.Failed => "failed",
        BucketResult.AppliedNotVisible => "applied-not-visible",
        _ => "skipped",
    };
}

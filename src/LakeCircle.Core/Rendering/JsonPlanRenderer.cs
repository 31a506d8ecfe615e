using System.Text.Encodings.Web;
using System.Text.Json;
using LakeCircle.Core.Archive;
using LakeCircle.Core.Diagnostics;
using LakeCircle.Core.Fingerprinting;
using LakeCircle.Core.Gateways;
using LakeCircle.Core.Impact;
using LakeCircle.Core.Model;
using LakeCircle.Core.Planning;
using LakeCircle.Core.Sync;

namespace LakeCircle.Core.Rendering;

/// <summary>
/// Writes a plan (and a sync's results) as one indented camelCase JSON document for machines, a versioned contract
/// (docs/cli.md, "JSON output"):
/// <c>{"schemaVersion","tool":{"name","version"},"account","region","generatedAt","succeeded","error","hasChanges","summary":{...},"buckets":[{"name","status","action","rules":{...},"configuration","error","result"}],"results"}</c>.
/// Changed fields carry <c>before</c> and <c>after</c> typed as the AWS API's JSON has them, and the text plan's
/// renderings as <c>beforeText</c> and <c>afterText</c>. Members without a value (no error, no result in a DRYRUN)
/// are left out.
/// </summary>
public static class JsonPlanRenderer
{
    /// <summary>
    /// The <c>schemaVersion</c> of the documents written: additive changes (a new member) keep it; removing or renaming
    /// a member, or changing its type or meaning, raises it.
    /// </summary>
    public const int SchemaVersion = JsonEnvelope.SchemaVersion;

    // The document is printed, not embedded in HTML: keep quotes and '+' readable as the AWS CLI does.
    private static readonly JsonPlanContext Context = new(new JsonSerializerOptions(JsonPlanContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    /// <summary>Writes the outcome of a DRYRUN (or of a rollback plan).</summary>
    /// <param name="outcome">The outcome.</param>
    /// <param name="options">The tool and clock of the document's head; <see cref="JsonRenderOptions.Default"/> when <see langword="null"/>.</param>
    /// <returns>The document.</returns>
    public static string Render(PlanOutcome outcome, JsonRenderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var document = Document(options ?? JsonRenderOptions.Default, outcome.Account, outcome.Region, outcome.Plan, outcome.Diagnostics, outcome.Succeeded, null)
            with { Error = Error(outcome), RestoredVersion = ToJson(outcome.RestoredVersion) };
        return Serialize(document);
    }

    /// <summary>
    /// Writes the outcome of a SYNC (or of a rollback): each bucket written carries its <c>result</c>, the document a
    /// <c>results</c> summary; a refused or failed run its <c>error</c>.
    /// </summary>
    /// <param name="outcome">The outcome.</param>
    /// <param name="options">The tool and clock of the document's head; <see cref="JsonRenderOptions.Default"/> when <see langword="null"/>.</param>
    /// <returns>The document.</returns>
    public static string Render(RunOutcome outcome, JsonRenderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var document = Document(options ?? JsonRenderOptions.Default, outcome.Account, outcome.Region, outcome.Plan, outcome.Diagnostics, outcome.Succeeded, outcome.Buckets)
            with { Error = Error(outcome), RestoredVersion = ToJson(outcome.RestoredVersion) };
        var s = outcome.Summary;
        return Serialize(outcome.Plan is null ? document : document with { Results = new JsonResults(s.Applied, s.AppliedNotVisible, s.Failed, s.Skipped) });
    }

    private static string Serialize(JsonPlanDocument document) => SafeText.EscapeJson(JsonSerializer.Serialize(document, Context.JsonPlanDocument));

    private static JsonPlanDocument Document(
        JsonRenderOptions options, string? account, string? region, AccountPlan? plan, IReadOnlyList<Diagnostic> diagnostics, bool succeeded,
        IReadOnlyList<BucketOutcome>? results)
    {
        ArgumentNullException.ThrowIfNull(options);
        var byBucket = results?.ToDictionary(r => r.Bucket, StringComparer.Ordinal);
        var s = plan?.Summary;
        return new JsonPlanDocument(
            JsonEnvelope.SchemaVersion,
            JsonEnvelope.Tool(options),
            account,
            region,
            JsonEnvelope.GeneratedAt(options),
            succeeded,
            null,
            plan?.HasChanges == true,
            null,
            plan is { Regions.Count: > 0 } ? [.. plan.Regions] : null,
            diagnostics.Count == 0 ? null : diagnostics.Select(ToJson).ToList(),
            s is null ? null : new JsonPlanSummary(
                s.BucketsChanged, s.RulesAdded, s.RulesRemoved, s.RulesChanged, s.BucketsInSync, s.BucketsMissing, s.BucketsUnmanaged, s.BucketsFailed,
                s.BucketsInOtherRegions, s.BucketsDestructive, s.BucketsArchivingSooner),
            plan?.Buckets.Select(b => ToJson(b, byBucket?.GetValueOrDefault(b.Bucket))).ToList() ?? [],
            null);
    }

    /// <summary>Why a plan is incomplete, or <see langword="null"/> when it succeeded.</summary>
    private static JsonError? Error(PlanOutcome outcome)
    {
        if (outcome.Succeeded)
        {
            return null;
        }

        if (DefinitionsError(outcome.Diagnostics) is { } definitions)
        {
            return definitions;
        }

        if (outcome.Error is { } error)
        {
            return JsonEnvelope.Error("failed", error);
        }

        var unread = UnreadBuckets(outcome.Plan);
        return JsonEnvelope.Error("failed", $"{Wording.Buckets(unread.Count)} could not be read.", unread);
    }

    /// <summary>Why a writing run did not go through, or <see langword="null"/> when it succeeded.</summary>
    private static JsonError? Error(RunOutcome outcome)
    {
        if (outcome.Succeeded)
        {
            return null;
        }

        if (outcome.Refusal is { } refusal)
        {
            return JsonEnvelope.Error("refused", refusal);
        }

        if (DefinitionsError(outcome.Diagnostics) is { } definitions)
        {
            return definitions;
        }

        if (outcome.Status == RunStatus.Stopped)
        {
            return JsonEnvelope.Error("stopped", outcome.Error ?? "The run stopped before its first write.", outcome.Errors);
        }

        var problems = new List<string>();
        var parts = new List<string>();
        var unread = UnreadBuckets(outcome.Plan);
        if (unread.Count > 0)
        {
            parts.Add($"{Wording.Buckets(unread.Count)} could not be read");
            problems.AddRange(unread);
        }

        var failed = outcome.Buckets.Where(b => b.Result is BucketResult.Failed or BucketResult.Skipped).ToList();
        if (failed.Count > 0)
        {
            parts.Add($"{Wording.Buckets(failed.Count)} not written");
            problems.AddRange(failed.Select(b => $"{b.Bucket}: {b.Error ?? "skipped"}"));
        }

        if (outcome.Error is { } error)
        {
            problems.Add(error);
        }

        problems.AddRange(outcome.Errors);
        var message = parts.Count > 0 ? string.Join("; ", parts) + "." : problems.FirstOrDefault() ?? "The run failed.";
        return JsonEnvelope.Error("failed", message, problems);
    }

    private static JsonError? DefinitionsError(IReadOnlyList<Diagnostic> diagnostics)
    {
        var errors = diagnostics.Where(d => d.IsError).ToList();
        return errors.Count == 0
            ? null
            : JsonEnvelope.Error(
                "definitions",
                $"{Wording.Count(errors.Count, "problem", "problems")} in the definitions: one invalid definition stops the whole run, nothing was read from the account.",
                errors.Select(d => d.ToString()));
    }

    private static List<string> UnreadBuckets(AccountPlan? plan) =>
        plan?.Buckets.Where(b => b.Status == BucketStatus.Error).Select(b => $"{b.Bucket}: {b.Error}").ToList() ?? [];

    private static JsonRestoredVersion? ToJson(HistoryEntry? version) => version is null
        ? null
        : new JsonRestoredVersion(ArchiveTime.ToText(version.CapturedAt), version.Reason, version.Configuration?.Rules.Count ?? 0, version.ShortFingerprint, version.Location);

    private static JsonBucket ToJson(BucketPlan bucket, BucketOutcome? result) => new(
        bucket.Bucket,
        bucket.Region,
        PlanLogging.Status(bucket.Status),
        PlanLogging.Action(bucket.Action),
        new JsonRules(
            bucket.Added.Select(ToJson).ToList(),
            bucket.Removed.Select(ToJson).ToList(),
            bucket.Changed.Select(ToJson).ToList(),
            bucket.Unchanged.Select(CanonicalForm.EffectiveId).ToList()),
        bucket.ConfigurationChanges.Count == 0 ? null : bucket.ConfigurationChanges.Select(ToJson).ToList(),
        bucket.Protected,
        ToJson(bucket.Impact),
        Mask(bucket.Error),
        result is null ? null : new JsonBucketResult(Result(result.Result), Mask(result.Error), Mask(result.Note), (long)result.Duration.TotalMilliseconds));

    private static JsonImpact ToJson(BucketImpact impact) => new(
        ImpactKindText(impact.Kind),
        impact.Findings.Select(f => new JsonImpactFinding(ImpactKindText(f.Kind), f.Objects, f.Before, f.After, f.Text)).ToList());

    /// <summary>An impact kind as JSON has it: <c>none</c>, <c>retains-longer</c>, <c>archives-sooner</c>, <c>destructive</c>.</summary>
    internal static string ImpactKindText(ImpactKind kind) => kind switch
    {
        ImpactKind.Destructive => "destructive",
        ImpactKind.ArchivesSooner => "archives-sooner",
        ImpactKind.RetainsLonger => "retains-longer",
        _ => "none",
    };

    private static JsonRule ToJson(LifecycleRule rule) => new(CanonicalForm.EffectiveId(rule), rule.Fingerprint, JsonFieldValues.AwsShape(rule));

    private static JsonRuleChange ToJson(RuleChange change)
    {
        var before = JsonFieldValues.AwsShape(change.Before);
        var after = JsonFieldValues.AwsShape(change.After);
        return new JsonRuleChange(
            change.Id,
            change.Fields.Select(f => new JsonFieldChange(f.Field, JsonFieldValues.Of(before, f.Field), JsonFieldValues.Of(after, f.Field), f.Before, f.After)).ToList());
    }

    /// <summary>A configuration-level change (<c>TransitionDefaultMinimumObjectSize</c>): a string in the AWS API as in the text plan.</summary>
    private static JsonFieldChange ToJson(FieldChange change) =>
        new(change.Field, JsonFieldValues.OfConfiguration(change.Before), JsonFieldValues.OfConfiguration(change.After), change.Before, change.After);

    private static JsonDiagnostic ToJson(Diagnostic d) => new(
        d.Location?.File, d.Location is { Line: > 0 } l ? l.Line : null, d.Location is { Column: > 0 } c ? c.Column : null, d.Bucket, d.RuleId, d.Field, d.Message,
        d.IsError ? "error" : "warning");

    private static string? Mask(string? message) => message is null ? null : UserInfoText.Mask(message);

    private static string Result(BucketResult result) => result switch
    {
        BucketResult.Applied => "applied",
        BucketResult.Failed => "failed",
        BucketResult.AppliedNotVisible => "applied-not-visible",
        _ => "skipped",
    };
}

using System.Text.Encodings.Web;
using System.Text.Json;
using LakeCircle.Core.Definitions;
using LakeCircle.Core.Diagnostics;

namespace LakeCircle.Cli.Output;

/// <summary>
/// Writes a validation result for machines:
/// <c>{"buckets":[{"name","fingerprint","rules":[{"id","fingerprint"}]}],"errors":[{"file","line","column","bucket","rule","field","message","severity"}]}</c>,
/// <c>severity</c> <c>error</c> or <c>warning</c> (every diagnostic is listed under <c>errors</c>). Unknown values are <c>null</c>.
/// </summary>
internal static class ValidationJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // readable quotes in messages; the output is not embedded in HTML
    };

    public static async Task WriteAsync(TextWriter output, ValidationOutcome set, CancellationToken cancellationToken)
    {
        var document = new JsonResult(
            set.Buckets.Select(b => new JsonBucket(
                b.Key,
                b.Value.Fingerprint,
                b.Value.Rules.Select(r => new JsonRule(r.Id, r.Fingerprint)).ToList())).ToList(),
            set.Diagnostics.Select(d => new JsonError(
                d.Location?.File,
                d.Location is { Line: > 0 } ? d.Location.Line : null,
                d.Location is { Line: > 0 } ? d.Location.Column : null,
                d.Bucket,
                d.RuleId,
                d.Field,
                d.Message,
                d.Severity == DiagnosticSeverity.Warning ? "warning" : "error")).ToList());
        await output.WriteLineAsync(Core.Rendering.SafeText.EscapeJson(JsonSerializer.Serialize(document, Options)).AsMemory(), cancellationToken).ConfigureAwait(false);
    }

    private sealed record JsonResult(List<JsonBucket> Buckets, List<JsonError> Errors);

    private sealed record JsonBucket(string Name, string Fingerprint, List<JsonRule> Rules);

    private sealed record JsonRule(string? Id, string Fingerprint);

    private sealed record JsonError(string? File, int? Line, int? Column, string? Bucket, string? Rule, string? Field, string Message, string Severity);
}

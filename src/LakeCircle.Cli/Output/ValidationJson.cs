using LakeCircle.Core.Definitions;
using LakeCircle.Core.Diagnostics;
using LakeCircle.Core.Rendering;

namespace LakeCircle.Cli.Output;

/// <summary>
/// Writes a validation result for machines: the head of every document (<see cref="JsonOutput"/>; no account or
/// region, validate reaches none), then
/// <c>{"buckets":[{"name","fingerprint","rules":[{"id","fingerprint"}]}],"diagnostics":[{"file","line","column","bucket","rule","field","message","severity"}]}</c>,
/// <c>severity</c> <c>error</c> or <c>warning</c>. A failed validation has <c>succeeded: false</c> and an <c>error</c>
/// with code <c>definitions</c>. Unknown values are left out.
/// </summary>
internal static class ValidationJson
{
    public static async Task WriteAsync(TextWriter output, CliContext context, ValidationOutcome set, bool strict, CancellationToken cancellationToken)
    {
        var document = new JsonResult(
            set.Buckets.Select(b => new JsonBucket(
                b.Key,
                b.Value.Fingerprint,
                b.Value.Rules.Select(r => new JsonRule(r.Id, r.Fingerprint)).ToList())).ToList(),
            set.Diagnostics.Select(DiagnosticJson.From).ToList());
        var failing = set.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error || strict).ToList();
        var error = failing.Count == 0 ? null : JsonEnvelope.Error("definitions", ValidationText.Summary(set, strict), failing.Select(d => d.ToString()));
        await JsonOutput.WriteAsync(output, context, account: null, region: null, failing.Count == 0, error, document, cancellationToken).ConfigureAwait(false);
    }

    private sealed record JsonResult(List<JsonBucket> Buckets, List<DiagnosticJson> Diagnostics);

    private sealed record JsonBucket(string Name, string Fingerprint, List<JsonRule> Rules);

    private sealed record JsonRule(string? Id, string Fingerprint);

}

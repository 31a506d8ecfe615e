using System.Globalization;
using System.Text.Json.Nodes;
using LakeCircle.Cli.Configuration;
using LakeCircle.Cli.Output;
using LakeCircle.Core.Rendering;

namespace LakeCircle.Cli.Targets;

/// <summary>
/// The report of a targets run: per target in file order, a header line and the target's own plan or run (as one
/// account's run prints it) or why it failed; then one summary line across all targets. In JSON, one document with
/// <c>targets</c> (each with its own plan or run document under <c>result</c>) and <c>summary</c>.
/// </summary>
internal static class TargetsReport
{
    /// <summary>The header line of a target's section.</summary>
    public static string Header(Target target) =>
        SafeText.Escape($"=== target {target.Name}: account {target.Account}, {target.Region}{(target.Regions.Count > 0 ? $" (regions {string.Join(", ", target.Regions)})" : "")}, endpoint {target.Endpoint} ===");

    /// <summary>The summary line across all targets.</summary>
    public static string Summary(IReadOnlyList<TargetResult> results, bool dryRun)
    {
        var failed = results.Where(r => !r.Succeeded).Select(r => r.Target.Name).ToList();
        var ok = results.Count - failed.Count;
        var changes = results.Where(r => r.Succeeded).Sum(r => r.Changes);
        var withChanges = results.Count(r => r.Succeeded && r.Changes > 0);
        var text = $"{Count(results.Count, "target")}: ";
        if (dryRun)
        {
            text += $"{ok} planned ({Count(changes, "bucket")} to change in {Count(withChanges, "target")})";
        }
        else
        {
            var applied = results.Sum(r => r.Run is { } run ? run.Summary.Applied + run.Summary.AppliedNotVisible : 0);
            var bucketFailures = results.Sum(r => r.Run?.Summary.Failed ?? 0);
            text += $"{ok} synced ({Count(applied, "bucket")} applied, {bucketFailures} failed)";
        }

        return text + (failed.Count > 0 ? $", {failed.Count} failed ({string.Join(", ", failed)})." : ", none failed.");
    }

    /// <summary>Writes the report; problems of each target also go to standard error, named by target.</summary>
    public static async Task WriteAsync(
        CliContext context, IReadOnlyList<TargetResult> results, bool dryRun, OutputFormat format, bool showUnmanaged, TextWriter output, TextWriter error,
        CancellationToken cancellationToken)
    {
        foreach (var result in results)
        {
            foreach (var problem in Problems(result))
            {
                await ErrorLine.WriteAsync(error, $"target {result.Target.Name}: {problem}").ConfigureAwait(false);
            }
        }

        if (format == OutputFormat.Json)
        {
            await WriteJsonAsync(context, results, dryRun, output, cancellationToken).ConfigureAwait(false);
            return;
        }

        var render = new PlanRenderOptions
        {
            Color = context.OutputIsTerminal,
            UnmanagedListLimit = showUnmanaged ? int.MaxValue : PlanRenderOptions.DefaultListLimit,
        };
        foreach (var result in results)
        {
            await output.WriteLineAsync(Header(result.Target)).ConfigureAwait(false);
            if (result.Failure is { } failure)
            {
                await output.WriteLineAsync("FAILED: " + SafeText.Escape(failure)).ConfigureAwait(false);
            }
            else if (result.Plan is { } plan)
            {
                TextPlanRenderer.Render(plan, output, render);
            }
            else if (result.Run is { } run)
            {
                TextPlanRenderer.Render(run, output, render);
                if (run.Refusal is { } refusal)
                {
                    await output.WriteLineAsync("REFUSED: " + SafeText.Escape(refusal)).ConfigureAwait(false);
                }
            }

            await output.WriteLineAsync().ConfigureAwait(false);
        }

        await output.WriteLineAsync(Summary(results, dryRun)).ConfigureAwait(false);
        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    private static IEnumerable<string> Problems(TargetResult result) =>
        result.Failure is { } failure ? [failure]
        : result.Run is { } run ? (run.Refusal is { } refusal ? [refusal] : run.Errors)
        : [];

    private static async Task WriteJsonAsync(CliContext context, IReadOnlyList<TargetResult> results, bool dryRun, TextWriter output, CancellationToken cancellationToken)
    {
        var json = JsonOutput.Options(context);
        var targets = new JsonArray();
        foreach (var result in results)
        {
            var entry = new JsonObject
            {
                ["name"] = result.Target.Name,
                ["account"] = result.Target.Account,
                ["region"] = result.Target.Region,
                ["regions"] = new JsonArray([.. result.Target.Regions.Select(r => (JsonNode?)r)]),
                ["endpoint"] = result.Target.Endpoint,
                ["status"] = result.Status,
                ["succeeded"] = result.Succeeded,
                ["exitCode"] = result.ExitCode,
                ["elapsedSeconds"] = Math.Round(result.Elapsed.TotalSeconds, 3),
            };
            if (result.Failure is { } failure)
            {
                entry["error"] = Logging.SecretMasker.MaskUserInfo(failure);
            }

            var document = result.Plan is { } plan ? JsonPlanRenderer.Render(plan, json)
                : result.Run is { } run ? JsonPlanRenderer.Render(run, json)
                : null;
            if (document is not null)
            {
                entry["result"] = JsonNode.Parse(document);
            }

            targets.Add(entry);
        }

        var failed = results.Where(r => !r.Succeeded).Select(r => r.Target.Name).ToList();
        var summary = new JsonObject
        {
            ["targets"] = results.Count,
            ["succeeded"] = results.Count - failed.Count,
            ["failed"] = failed.Count,
            ["failedTargets"] = new JsonArray([.. failed.Select(f => (JsonNode?)f)]),
            ["bucketsChanged"] = results.Where(r => r.Succeeded).Sum(r => r.Changes),
            ["text"] = Summary(results, dryRun),
        };
        if (!dryRun)
        {
            summary["bucketsApplied"] = results.Sum(r => r.Run is { } run ? run.Summary.Applied + run.Summary.AppliedNotVisible : 0);
            summary["bucketsFailed"] = results.Sum(r => r.Run?.Summary.Failed ?? 0);
        }

        var payload = new JsonObject { ["action"] = dryRun ? "dryrun" : "sync", ["targets"] = targets, ["summary"] = summary };
        var error = failed.Count > 0 ? JsonEnvelope.Error("targets-failed", $"{failed.Count} of {results.Count} targets failed: {string.Join(", ", failed)}.") : null;
        await output.WriteLineAsync(JsonEnvelope.Compose(json, null, null, failed.Count == 0, error, payload)).ConfigureAwait(false);
        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    private static string Count(int count, string noun) => count.ToString(CultureInfo.InvariantCulture) + " " + noun + (count == 1 ? "" : "s");
}

using LakeCircle.Core.Diagnostics;
using LakeCircle.Core.Planning;
using LakeCircle.Core.Sync;

namespace LakeCircle.Core.Rendering;

/// <summary>
/// Draws a plan (and a sync's results) for people: one block per bucket to change, one line per other bucket, and
/// a closing summary line such as <c>Plan: 2 buckets to change (3 rules to add, 1 to remove, 2 to change), 1 in sync.</c>
/// Definition warnings come first, above the plan; definition errors replace it.
/// </summary>
public static class TextPlanRenderer
{
    /// <summary>Draws the outcome of a DRYRUN.</summary>
    public static void Render(PlanOutcome outcome, TextWriter writer, PlanRenderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(writer);
        RenderPlan(outcome.Plan, outcome.Diagnostics, outcome.ValidDefinitions, outcome.Error, writer, new TextStyle((options ?? PlanRenderOptions.Default).Color), options);
    }

    /// <summary>Draws the outcome of a SYNC: the plan, then the result of each bucket's write.</summary>
    public static void Render(RunOutcome outcome, TextWriter writer, PlanRenderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(writer);
        var style = new TextStyle((options ?? PlanRenderOptions.Default).Color);
        RenderPlan(outcome.Plan, outcome.Diagnostics, outcome.ValidDefinitions, outcome.Plan is null ? outcome.Error : null, writer, style, options);
        if (outcome.Plan is not null)
        {
            TextResultRenderer.Render(outcome, writer, style);
        }
    }

    /// <summary>Draws an outcome into a string.</summary>
    public static string ToText(PlanOutcome outcome, PlanRenderOptions? options = null)
    {
        using var writer = new StringWriter();
        Render(outcome, writer, options);
        return writer.ToString();
    }

    /// <summary>Draws an outcome into a string.</summary>
    public static string ToText(RunOutcome outcome, PlanRenderOptions? options = null)
    {
        using var writer = new StringWriter();
        Render(outcome, writer, options);
        return writer.ToString();
    }

    /// <summary>The closing line of a plan.</summary>
    public static string SummaryLine(PlanSummary s)
    {
        var others = new List<string> { $"{Wording.Number(s.BucketsInSync)} in sync" };
        if (s.BucketsMissing > 0)
        {
            others.Add($"{Wording.Number(s.BucketsMissing)} missing");
        }

        if (s.BucketsUnmanaged > 0)
        {
            others.Add($"{Wording.Number(s.BucketsUnmanaged)} unmanaged");
        }

        if (s.BucketsFailed > 0)
        {
            others.Add($"{Wording.Number(s.BucketsFailed)} failed");
        }

        if (s.BucketsInOtherRegions > 0)
        {
            others.Add($"{Wording.Number(s.BucketsInOtherRegions)} in other regions");
        }

        if (s.BucketsChanged == 0)
        {
            others[0] = $"{Wording.Buckets(s.BucketsInSync)} in sync";
            return $"No changes. {string.Join(", ", others)}.";
        }

        return $"Plan: {Wording.Buckets(s.BucketsChanged)} to change ({Wording.Rules(s.RulesAdded)} to add, "
            + $"{Wording.Number(s.RulesRemoved)} to remove, {Wording.Number(s.RulesChanged)} to change), {string.Join(", ", others)}.";
    }

    private static void RenderPlan(
        AccountPlan? plan, IReadOnlyList<Diagnostic> diagnostics, int validDefinitions, string? error, TextWriter writer,
        TextStyle style, PlanRenderOptions? options)
    {
        foreach (var diagnostic in diagnostics)
        {
            var line = SafeText.Escape(diagnostic.ToString());
            writer.WriteLine(diagnostic.IsError ? style.Error(line) : style.Warning(line));
        }

        var errors = diagnostics.ErrorCount();
        if (errors > 0)
        {
            writer.WriteLine($"{Wording.Count(errors, "problem", "problems")} in the definitions; "
                + $"{Wording.Count(validDefinitions, "other definition was", "other definitions were")} valid; "
                + "one invalid definition stops the whole run: no plan, nothing read from the account.");
        }

        if (error is not null)
        {
            writer.WriteLine(style.Error("Error: " + SafeText.Escape(error)));
        }

        if (plan is null)
        {
            return;
        }

        var render = options ?? PlanRenderOptions.Default;
        var listInSync = plan.Summary.BucketsInSync <= render.InSyncListLimit;
        var listUnmanaged = plan.Summary.BucketsUnmanaged <= render.UnmanagedListLimit;
        foreach (var bucket in plan.Buckets.Where(b => (listInSync || b.Status != BucketStatus.InSync) && (listUnmanaged || b.Status != BucketStatus.Unmanaged)))
        {
            TextBucketRenderer.Render(bucket, writer, style, plan.Regions);
        }

        if (!listInSync)
        {
            writer.WriteLine(style.Quiet($"= {Wording.Buckets(plan.Summary.BucketsInSync)} in sync"));
        }

        if (!listUnmanaged)
        {
            writer.WriteLine(style.Quiet($"? {Wording.Buckets(plan.Summary.BucketsUnmanaged)} without definition (left alone; --show-unmanaged lists them)"));
        }

        if (ImpactLine(plan) is { } impact)
        {
            writer.WriteLine(plan.Summary.BucketsDestructive > 0 ? style.Danger(impact) : style.Caution(impact));
        }

        writer.WriteLine(style.Strong(SummaryLine(plan.Summary)));
    }

    /// <summary>
    /// The line above the summary when some change deletes or archives data sooner, such as
    /// <c>Impact: 1 bucket deletes data sooner (logs), 1 archives sooner (media).</c>; otherwise <see langword="null"/>.
    /// </summary>
    internal static string? ImpactLine(AccountPlan plan)
    {
        var s = plan.Summary;
        if (s.BucketsDestructive == 0 && s.BucketsArchivingSooner == 0)
        {
            return null;
        }

        var parts = new List<string>();
        foreach (var (count, kind, words) in new[]
        {
            (s.BucketsDestructive, Impact.ImpactKind.Destructive, "deletes data sooner"),
            (s.BucketsArchivingSooner, Impact.ImpactKind.ArchivesSooner, "archives sooner"),
        })
        {
            if (count == 0)
            {
                continue;
            }

            var names = plan.Buckets
                .Where(b => b.Status == BucketStatus.Change && b.Impact.Kind == kind)
                .Select(b => SafeText.Escape(b.Bucket))
                .ToList();
            var shown = string.Join(", ", names.Take(TextBucketRenderer.FindingLimit))
                + (names.Count > TextBucketRenderer.FindingLimit ? $" and {Wording.Number(names.Count - TextBucketRenderer.FindingLimit)} more" : string.Empty);
            var verb = count == 1 ? words : words.Replace("deletes", "delete", StringComparison.Ordinal).Replace("archives", "archive", StringComparison.Ordinal);
            parts.Add(parts.Count == 0 ? $"{Wording.Buckets(count)} {verb} ({shown})" : $"{Wording.Number(count)} {verb} ({shown})");
        }

        var guarded = plan.Buckets.Where(b => b.Status == BucketStatus.Change && b.Protected && b.Impact.IsDestructive)
            .Select(b => SafeText.Escape(b.Bucket)).ToList();
        var refusal = guarded.Count == 0
            ? ""
            : $" A sync refuses the destructive change to protected {string.Join(", ", guarded)} unless it is allowed with --allow-destructive.";
        return $"Impact: {string.Join(", ", parts)}.{refusal}";
    }
}

using LakeCircle.Core.Fingerprinting;
using LakeCircle.Core.Impact;
using LakeCircle.Core.Model;
using LakeCircle.Core.Planning;
using LakeCircle.Core.Sync;

namespace LakeCircle.Core.Rendering;

/// <summary>Draws one bucket of a plan for people: a header line and, for a change, one line per rule and field.</summary>
internal static class TextBucketRenderer
{
    private const string RuleIndent = "    ";
    private const string FieldIndent = "        ";

    /// <summary>How many findings a bucket lists before <c>and N more</c>.</summary>
    public const int FindingLimit = 5;

    /// <summary>Draws the bucket.</summary>
    /// <param name="bucket">The bucket's plan.</param>
    /// <param name="writer">Where to write.</param>
    /// <param name="style">Colours.</param>
    /// <param name="regions">The regions the run was limited to (<see cref="AccountPlan.Regions"/>), named for a bucket outside them.</param>
    public static void Render(BucketPlan bucket, TextWriter writer, TextStyle style, IReadOnlyList<string>? regions = null)
    {
        var name = SafeText.Escape(bucket.Bucket);
        switch (bucket.Status)
        {
            case BucketStatus.Change:
                RenderChange(bucket, name, writer, style);
                break;
            case BucketStatus.InSync:
                writer.WriteLine(style.Quiet($"= {name}: in sync ({Wording.Rules(bucket.Unchanged.Count)})"));
                break;
            case BucketStatus.Missing:
                writer.WriteLine(style.Warning($"! {name}: defined but not in the account (not created)"));
                break;
            case BucketStatus.Unmanaged:
                writer.WriteLine(style.Quiet($"? {name}: no definition (left alone)"));
                break;
            case BucketStatus.OtherRegion:
                var limit = regions is { Count: > 0 } ? $" ({SafeText.Escape(string.Join(", ", regions))})" : "";
                writer.WriteLine(style.Quiet($"~ {name}: in region {SafeText.Escape(bucket.Region) ?? "(unknown)"}, outside this run's regions{limit} - not read"));
                break;
            default:
                writer.WriteLine(style.Error($"x {name}: could not read the lifecycle configuration: {SafeText.Escape(bucket.Error)}"));
                break;
        }
    }

    /// <summary>The header's counts, such as <c>2 rules changed, 1 removed</c>.</summary>
    public static string Counts(BucketPlan bucket)
    {
        var parts = new List<string>();
        foreach (var (count, verb) in new[] { (bucket.Added.Count, "added"), (bucket.Changed.Count, "changed"), (bucket.Removed.Count, "removed") })
        {
            if (count > 0)
            {
                parts.Add(parts.Count == 0 ? $"{Wording.Rules(count)} {verb}" : $"{Wording.Number(count)} {verb}");
            }
        }

        parts.AddRange(bucket.ConfigurationChanges.Select(c => $"{c.Field} changed"));
        if (bucket.Action == BucketAction.Delete)
        {
            parts.Add("lifecycle configuration deleted");
        }

        return string.Join(", ", parts);
    }

    /// <summary>A rule's main fields on one line, such as <c>Filter: Prefix=logs/; Expiration.Days: 90</c>.</summary>
    public static string Describe(LifecycleRule rule)
    {
        var fields = RuleFieldDiff.Render(CanonicalForm.RuleJson(rule));
        return string.Join("; ", RuleFieldDiff.Fields
            .Where(f => fields.ContainsKey(f) && !(f == "Status" && fields[f] == RuleStatus.Enabled))
            .Select(f => $"{f}: {fields[f]}"));
    }

    private static void RenderChange(BucketPlan bucket, string name, TextWriter writer, TextStyle style)
    {
        var sign = bucket.Action == BucketAction.Delete ? "-" : "~";
        writer.WriteLine(style.Changed($"{sign} {style.Strong(name)} ({Counts(bucket)})") + Markers(bucket, style));
        RenderImpact(bucket.Impact, writer, style);
        foreach (var change in bucket.ConfigurationChanges)
        {
            writer.WriteLine(style.Changed($"{RuleIndent}~ {Field(change)}"));
        }

        foreach (var rule in bucket.Added)
        {
            writer.WriteLine(style.Added($"{RuleIndent}+ {Id(rule)} ({SafeText.Escape(Describe(rule))})"));
        }

        foreach (var change in bucket.Changed)
        {
            writer.WriteLine(style.Changed($"{RuleIndent}~ {SafeText.Escape(change.Id)}"));
            foreach (var field in change.Fields)
            {
                writer.WriteLine($"{FieldIndent}{Field(field)}");
            }
        }

        foreach (var rule in bucket.Removed)
        {
            writer.WriteLine(style.Removed($"{RuleIndent}- {Id(rule)}"));
        }
    }

    /// <summary>The header's tail: <c> (protected)</c>, then <c> ! DESTRUCTIVE</c> or <c> ! archives sooner</c>.</summary>
    private static string Markers(BucketPlan bucket, TextStyle style)
    {
        var markers = bucket.Protected ? " (protected)" : string.Empty;
        return bucket.Impact.Kind switch
        {
            ImpactKind.Destructive => markers + " " + style.Danger("! DESTRUCTIVE"),
            ImpactKind.ArchivesSooner => markers + " " + style.Caution("! archives sooner"),
            _ => markers,
        };
    }

    /// <summary>
    /// What the change does to the data, under the header: one line per finding that deletes or archives sooner, worst
    /// first and at most <see cref="FindingLimit"/>, then <c>and N more</c>; a short note when it only keeps data longer.
    /// </summary>
    private static void RenderImpact(BucketImpact impact, TextWriter writer, TextStyle style)
    {
        if (impact.Kind == ImpactKind.RetainsLonger)
        {
            writer.WriteLine($"{RuleIndent}retains data longer: nothing is deleted or archived sooner");
            return;
        }

        var findings = impact.Findings
            .Where(f => f.Kind is ImpactKind.Destructive or ImpactKind.ArchivesSooner)
            .OrderByDescending(f => f.Kind)
            .ToList();
        foreach (var finding in findings.Take(FindingLimit))
        {
            var line = $"{RuleIndent}! {Label(finding.Kind)}: {SafeText.Escape(finding.Text)}";
            writer.WriteLine(finding.Kind == ImpactKind.Destructive ? style.Danger(line) : style.Caution(line));
        }

        if (findings.Count > FindingLimit)
        {
            writer.WriteLine($"{RuleIndent}! and {Wording.Number(findings.Count - FindingLimit)} more");
        }
    }

    /// <summary>The words a finding's line starts with.</summary>
    public static string Label(ImpactKind kind) => kind switch
    {
        ImpactKind.Destructive => "deletes data sooner",
        ImpactKind.ArchivesSooner => "archives sooner",
        ImpactKind.RetainsLonger => "retains longer",
        _ => "no change",
    };

    private static string Field(FieldChange change) =>
        $"{change.Field}: {SafeText.Escape(change.Before) ?? "(none)"} -> {SafeText.Escape(change.After) ?? "(none)"}";

    private static string Id(LifecycleRule rule) => SafeText.Escape(CanonicalForm.EffectiveId(rule));
}

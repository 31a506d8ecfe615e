using System.Globalization;
using LakeCircle.Core.Impact;
using LakeCircle.Core.Planning;

namespace LakeCircle.Core.Rendering;

/// <summary>
/// Draws an <see cref="ObjectExplanation"/> for people: what the object is, then a table of its schedule under the
/// bucket's configuration now and after a sync, side by side, one row per date, each step with the rule that decides it,
/// and a last row <c>never</c> for a side that never deletes it.
/// </summary>
internal static class TextExplanationRenderer
{
    private const string Nothing = "-";

    /// <summary>Draws the explanation; <paramref name="now"/> marks the dates already past.</summary>
    public static void Render(ObjectExplanation explanation, DateTimeOffset now, TextWriter writer, bool color = false)
    {
        ArgumentNullException.ThrowIfNull(explanation);
        ArgumentNullException.ThrowIfNull(writer);
        var style = new TextStyle(color);
        writer.WriteLine($"Object: {Describe(explanation.Object, explanation.Versioning, now)}");
        writer.WriteLine(Status(explanation, style));
        if (explanation.Current is null)
        {
            return;
        }

        writer.WriteLine();
        var rows = Rows(explanation.Current, explanation.Desired, now);
        var dateWidth = Math.Max("DATE".Length, rows.Max(r => r.Date.Length));
        var nowWidth = Math.Max("NOW".Length, rows.Max(r => r.Current.Length));
        var header = explanation.Desired is null ? $"{"DATE".PadRight(dateWidth)}  NOW" : $"{"DATE".PadRight(dateWidth)}  {"NOW".PadRight(nowWidth)}  AFTER SYNC";
        writer.WriteLine(style.Strong(header));
        foreach (var row in rows)
        {
            var line = explanation.Desired is null
                ? $"{row.Date.PadRight(dateWidth)}  {row.Current}"
                : $"{row.Date.PadRight(dateWidth)}  {row.Current.PadRight(nowWidth)}  {row.Desired}";
            writer.WriteLine(row.Differs ? style.Changed(line) : line);
        }

        var dependsOnTags = explanation.Current.DependsOnTags.Concat(explanation.Desired?.DependsOnTags ?? Model.ValueList<string>.Empty)
            .Distinct(StringComparer.Ordinal).Select(RuleName).ToList();
        if (dependsOnTags.Count > 0)
        {
            writer.WriteLine();
            writer.WriteLine(style.Warning(
                $"Note: the object's tags were not given; {Wording.Count(dependsOnTags.Count, "rule", "rules")} with tag filters "
                + $"({string.Join(", ", dependsOnTags)}) may apply and {(dependsOnTags.Count == 1 ? "is" : "are")} left out. Give the tags to include them."));
        }
    }

    /// <summary>Draws an explanation into a string.</summary>
    public static string ToText(ObjectExplanation explanation, DateTimeOffset now, bool color = false)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        Render(explanation, now, writer, color);
        return writer.ToString();
    }

    /// <summary>A step in words, such as <c>moves to GLACIER</c> or <c>deleted (noncurrent)</c>.</summary>
    public static string Step(ScheduledAction action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var what = action.Kind switch
        {
            ScheduledActionKind.Transition => $"moves to {SafeText.Escape(action.StorageClass)}",
            ScheduledActionKind.CreateDeleteMarker => "expires (a delete marker is added; the version becomes noncurrent)",
            ScheduledActionKind.Delete => "permanently deleted",
            _ => "delete marker removed",
        };
        return action.Noncurrent && action.Kind != ScheduledActionKind.CreateDeleteMarker ? what + " (noncurrent)" : what;
    }

    /// <summary>A rule as the table names it: <c>rule "expire"</c>, or <c>a rule without ID</c>.</summary>
    public static string RuleName(string id) => string.IsNullOrEmpty(id) ? "a rule without ID" : $"rule \"{SafeText.Escape(id)}\"";

    /// <summary>A date as the table shows it: <c>2026-03-02</c>.</summary>
    public static string Date(DateTimeOffset date) => date.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The object line, such as <c>logs/app.log, 2097152 bytes, STANDARD, created 2026-01-01 (30 days ago), current version; bucket unversioned</c>.</summary>
    private static string Describe(ObjectVersion o, BucketVersioning versioning, DateTimeOffset now)
    {
        var parts = new List<string>
        {
            SafeText.Escape(o.Key),
            o.IsDeleteMarker ? "delete marker" : string.Create(CultureInfo.InvariantCulture, $"{o.Size} bytes"),
        };
        if (!o.IsDeleteMarker)
        {
            parts.Add(SafeText.Escape(o.StorageClass));
        }

        var age = (int)Math.Floor((now - o.Created).TotalDays);
        parts.Add(age >= 0
            ? $"created {Date(o.Created)} ({Wording.Count(age, "day", "days")} before {Date(now)})"
            : $"created {Date(o.Created)} ({Wording.Count(-age, "day", "days")} after {Date(now)})");
        if (o.Tags is { } tags)
        {
            parts.Add(tags.Count == 0 ? "no tags" : "tags " + string.Join(", ", tags.Select(t => $"{SafeText.Escape(t.Key)}={SafeText.Escape(t.Value)}")));
        }

        parts.Add(o.IsCurrent
            ? "current version"
            : $"noncurrent since {(o.NoncurrentSince is { } since ? Date(since) : "?")}, {Wording.Count(o.NewerNoncurrentVersions, "newer noncurrent version", "newer noncurrent versions")}");
        var bucket = versioning switch
        {
            BucketVersioning.Enabled => "versioning enabled",
            BucketVersioning.Suspended => "versioning suspended",
            _ => "unversioned",
        };
        return $"{string.Join(", ", parts)}; bucket {bucket}";
    }

    private static string Status(ObjectExplanation e, TextStyle style)
    {
        var bucket = SafeText.Escape(e.Bucket);
        if (e.Error is { } error)
        {
            return style.Error($"Bucket {bucket}: {SafeText.Escape(error)}");
        }

        return e.Status switch
        {
            BucketStatus.Unmanaged => style.Quiet($"Bucket {bucket}: no definition, a sync leaves it alone; its schedule now:"),
            BucketStatus.InSync => $"Bucket {bucket}: in sync, a sync changes nothing.",
            _ when !e.ScheduleChanges => $"Bucket {bucket}: a sync changes the bucket's lifecycle, not this object's schedule.",
            _ when Removal(e.Desired) < Removal(e.Current) => style.Danger($"Bucket {bucket}: a sync deletes this object sooner."),
            _ when Removal(e.Desired) > Removal(e.Current) => style.Changed($"Bucket {bucket}: a sync keeps this object longer."),
            _ => style.Changed($"Bucket {bucket}: a sync changes this object's schedule."),
        };
    }

    /// <summary>When the version is removed (deleted or expired), or the end of time when never.</summary>
    private static DateTimeOffset Removal(ObjectSchedule? schedule) => schedule?.Removal?.Date ?? DateTimeOffset.MaxValue;

    private static List<Row> Rows(ObjectSchedule current, ObjectSchedule? desired, DateTimeOffset now)
    {
        var dates = current.Actions.Select(a => a.Date).Concat(desired?.Actions.Select(a => a.Date) ?? []).Distinct().Order().ToList();
        var rows = new List<Row>();
        foreach (var date in dates)
        {
            var left = Cell(current, date);
            var right = desired is null ? string.Empty : Cell(desired, date);
            var shown = Date(date) + (date <= now ? " (past)" : string.Empty);
            rows.Add(new Row(shown, left, right, desired is not null && !string.Equals(left, right, StringComparison.Ordinal)));
        }

        var neverLeft = current.Deletion is null;
        var neverRight = desired is not null && desired.Deletion is null;
        if (neverLeft || neverRight)
        {
            var left = neverLeft ? "never permanently deleted" : Nothing;
            var right = desired is null ? string.Empty : neverRight ? "never permanently deleted" : Nothing;
            rows.Add(new Row("never", left, right, desired is not null && neverLeft != neverRight));
        }

        return rows;
    }

    private static string Cell(ObjectSchedule schedule, DateTimeOffset date)
    {
        var steps = schedule.Actions.Where(a => a.Date == date).Select(a => $"{Step(a)}, {RuleName(a.RuleId)}").ToList();
        return steps.Count == 0 ? Nothing : string.Join("; ", steps);
    }

    private sealed record Row(string Date, string Current, string Desired, bool Differs);
}

using LakeCircle.Core.Planning;
using LakeCircle.Core.Sync;

namespace LakeCircle.Core.Rendering;

/// <summary>
/// Draws the result section of a SYNC: one line per bucket written (or not), then a summary line. A write applied
/// but not yet visible reads <c>~ bucket: applied, not yet visible after 60 s (...)</c>.
/// </summary>
internal static class TextResultRenderer
{
    public static void Render(RunOutcome outcome, TextWriter writer, TextStyle style)
    {
        writer.WriteLine();
        if (outcome.Error is not null)
        {
            writer.WriteLine(style.Error("Stopped: " + SafeText.Escape(outcome.Error)));
        }

        if (outcome.Buckets.Count == 0)
        {
            writer.WriteLine("Sync: nothing to write.");
            return;
        }

        writer.WriteLine("Results:");
        foreach (var bucket in outcome.Buckets)
        {
            var name = SafeText.Escape(bucket.Bucket);
            var write = bucket.Action == BucketAction.Delete ? "DELETE" : "PUT";
            writer.WriteLine(bucket.Result switch
            {
                BucketResult.Applied => style.Added($"  applied  {name} ({write}, {Wording.Milliseconds(bucket.Duration)})"),
                BucketResult.Failed => style.Error($"  FAILED   {name} ({write}): {SafeText.Escape(bucket.Error)}"),
                BucketResult.AppliedNotVisible => style.Changed($"  ~ {name}: {SafeText.Escape(bucket.Note)} ({write})"),
                _ => style.Quiet($"  skipped  {name} ({write})"),
            });
        }

        var s = outcome.Summary;
        var notVisible = s.AppliedNotVisible == 0 ? "" : $" {Wording.Number(s.AppliedNotVisible)} applied, not yet visible,";
        var line = $"Sync: {Wording.Buckets(s.Applied)} applied,{notVisible} {Wording.Number(s.Failed)} failed, {Wording.Number(s.Skipped)} skipped.";
        writer.WriteLine(outcome.Succeeded ? style.Strong(line) : style.Error(line));
    }
}

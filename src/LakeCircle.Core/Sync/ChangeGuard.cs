using System.Globalization;
using LakeCircle.Core.Planning;

namespace LakeCircle.Core.Sync;

/// <summary>
/// The limits a sync checks before its first write (<see cref="LakeCircleClientOptions.MaxChanges"/>,
/// <see cref="LakeCircleClientOptions.MaxDeletions"/>, <see cref="LakeCircleClientOptions.MaxDestructive"/> and the
/// protected buckets): a plan beyond them is not applied at all.
/// </summary>
internal static class ChangeGuard
{
    /// <summary>Checks a plan against the limits.</summary>
    /// <returns>Why the plan may not be applied, or <see langword="null"/> when it may.</returns>
    public static string? Check(AccountPlan plan, int? maxChanges, int? maxDeletions)
    {
        var changes = plan.Buckets.Count(b => b.Action != BucketAction.None);
        if (maxChanges is { } allowedChanges && changes > allowedChanges)
        {
            return string.Create(
                CultureInfo.InvariantCulture,
                $"The plan changes {changes} buckets, more than the {allowedChanges} allowed (maxChanges): nothing was written.");
        }

        var deletions = plan.Buckets.Count(b => b.Action == BucketAction.Delete);
        if (maxDeletions is { } allowedDeletions && deletions > allowedDeletions)
        {
            return string.Create(
                CultureInfo.InvariantCulture,
                $"The plan deletes the lifecycle configuration of {deletions} buckets, more than the {allowedDeletions} allowed (maxDeletions): nothing was written.");
        }

        return null;
    }

    /// <summary>
    /// Checks a plan's destructive changes (<c>docs/impact.md</c>): more destructive buckets than
    /// <paramref name="maxDestructive"/>, or a destructive change to a protected bucket that
    /// <paramref name="allowDestructive"/> does not name, stops the run.
    /// </summary>
    /// <returns>Why the plan may not be applied, or <see langword="null"/> when it may.</returns>
    public static string? CheckDestructive(AccountPlan plan, int? maxDestructive, IReadOnlySet<string> allowDestructive)
    {
        var destructive = plan.Buckets.Where(b => b.Action != BucketAction.None && b.Impact.IsDestructive).ToList();
        var refused = destructive.Where(b => b.Protected && !allowDestructive.Contains(b.Bucket)).ToList();
        if (refused.Count > 0)
        {
            var first = refused[0];
            var why = first.Impact.Findings.FirstOrDefault(f => f.Kind == Impact.ImpactKind.Destructive)?.Text;
            var names = string.Join(", ", refused.Select(b => b.Bucket));
            return string.Create(
                CultureInfo.InvariantCulture,
                $"The plan makes a destructive change to the protected bucket{(refused.Count == 1 ? "" : "s")} {names}{(why is null ? "" : $" ({first.Bucket}: {why})")}: nothing was written. Review it, then allow it by name with --allow-destructive {first.Bucket} (allowDestructive).");
        }

        if (maxDestructive is { } allowed && destructive.Count > allowed)
        {
            var names = string.Join(", ", destructive.Take(5).Select(b => b.Bucket)) + (destructive.Count > 5 ? $" and {destructive.Count - 5} more" : "");
            return string.Create(
                CultureInfo.InvariantCulture,
                $"The plan makes destructive changes to {destructive.Count} buckets ({names}), more than the {allowed} allowed (maxDestructive): nothing was written.");
        }

        return null;
    }
}

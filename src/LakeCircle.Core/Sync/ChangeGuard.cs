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
            var why = DestructiveFindings(first);
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

    /// <summary>
    /// Checks a bucket re-planned just before its write (<see cref="Recheck"/>): its configuration changed since the plan
    /// the guards were checked on, so its write may now be destructive where it was not. Such a write is refused when the
    /// bucket is protected and not allowed by name, or when <paramref name="maxDestructive"/> is set and the checked plan
    /// did not count the bucket as destructive.
    /// </summary>
    /// <param name="checkedPlan">The bucket's plan as the guards checked it.</param>
    /// <param name="replanned">The bucket's plan from the configuration read just before the write.</param>
    /// <param name="maxDestructive">The run's limit of destructive buckets.</param>
    /// <param name="allowDestructive">The protected buckets the run may change destructively.</param>
    /// <returns>Why the bucket must not be written, or <see langword="null"/> when it may.</returns>
    public static string? CheckReplanned(BucketPlan checkedPlan, BucketPlan replanned, int? maxDestructive, IReadOnlySet<string> allowDestructive)
    {
        if (replanned.Action == BucketAction.None || !replanned.Impact.IsDestructive)
        {
            return null;
        }

        var why = DestructiveFindings(replanned);
        var what = why is null ? "" : $" ({why})";
        if (replanned.Protected && !allowDestructive.Contains(replanned.Bucket))
        {
            return $"not written: it changed since the plan, and the write is now a destructive change to the protected bucket{what}; review a new plan, then allow it by name with --allow-destructive {replanned.Bucket} (allowDestructive)";
        }

        if (maxDestructive is not null && !(checkedPlan.Action != BucketAction.None && checkedPlan.Impact.IsDestructive))
        {
            return $"not written: it changed since the plan, and the write is now destructive{what}, which the maxDestructive limit was checked without; run the sync again";
        }

        return null;
    }

    /// <summary>How many findings a refusal names before it says how many more there are.</summary>
    private const int NamedFindings = 3;

    /// <summary>The destructive findings of a bucket's plan in words, joined, or <see langword="null"/> when it has none.</summary>
    private static string? DestructiveFindings(BucketPlan plan)
    {
        var findings = plan.Impact.Findings.Where(f => f.Kind == Impact.ImpactKind.Destructive).Select(f => f.Text).ToList();
        if (findings.Count == 0)
        {
            return null;
        }

        var more = findings.Count > NamedFindings
            ? string.Create(CultureInfo.InvariantCulture, $"; and {findings.Count - NamedFindings} more")
            : "";
        return string.Join("; ", findings.Take(NamedFindings)) + more;
    }
}

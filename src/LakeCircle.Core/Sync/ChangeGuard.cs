using System.Globalization;
using LakeCircle.Core.Planning;

namespace LakeCircle.Core.Sync;

/// <summary>
/// The limits a sync checks before its first write (<see cref="LakeCircleClientOptions.MaxChanges"/> and
/// <see cref="LakeCircleClientOptions.MaxDeletions"/>): a plan larger than allowed is not applied at all.
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
}

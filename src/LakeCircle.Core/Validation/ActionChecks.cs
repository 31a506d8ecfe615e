using System.Globalization;
using LakeCircle.Core.Model;

namespace LakeCircle.Core.Validation;

/// <summary>Checks on each action of a rule taken alone; the order between transitions is <see cref="TransitionOrder"/>'s.</summary>
internal static class ActionChecks
{
    /// <summary>Runs the per-action checks.</summary>
    /// <param name="scope">The rule.</param>
    public static void Check(RuleScope scope)
    {
        var rule = scope.Rule;
        if (rule.Expiration is { } expiration)
        {
            CheckExpiration(scope, expiration);
        }

        CurrentTransitionChecks.Check(scope);
        NoncurrentChecks.Check(scope);

        if (rule.AbortIncompleteMultipartUpload is { } abort)
        {
            if (abort.DaysAfterInitiation is not { } days)
            {
                scope.Report("AbortIncompleteMultipartUpload.DaysAfterInitiation",
                    "DaysAfterInitiation is required and must be a positive integer, got nothing.");
            }
            else if (days < 1)
            {
                scope.Report("AbortIncompleteMultipartUpload.DaysAfterInitiation",
                    $"DaysAfterInitiation must be a positive integer, got {days}.");
            }

            CheckNotWithTagsOrSize(scope, "AbortIncompleteMultipartUpload", "AbortIncompleteMultipartUpload");
        }
    }

    private static void CheckExpiration(RuleScope scope, LifecycleExpiration expiration)
    {
        var set = new List<string>(3);
        if (expiration.Days is not null) { set.Add("Days"); }
        if (expiration.Date is not null) { set.Add("Date"); }
        if (expiration.ExpiredObjectDeleteMarker is not null) { set.Add("ExpiredObjectDeleteMarker"); }

        if (set.Count != 1)
        {
            scope.Report("Expiration", "Expiration must set exactly one of Days, Date or ExpiredObjectDeleteMarker, got "
                + (set.Count == 0 ? "none." : string.Join(" and ", set) + "."));
        }

        if (expiration.Days is { } days && days < 1)
        {
            scope.Report("Expiration.Days", $"Days must be a positive integer, got {days}.");
        }

        if (expiration.Date is { } date)
        {
            CheckMidnight(scope, "Expiration.Date", date);
        }

        if (expiration.ExpiredObjectDeleteMarker is not null)
        {
            CheckNotWithTagsOrSize(scope, "Expiration.ExpiredObjectDeleteMarker", "ExpiredObjectDeleteMarker");
        }
    }

    /// <summary>S3 refuses ExpiredObjectDeleteMarker and AbortIncompleteMultipartUpload in rules filtered by tag or size.</summary>
    private static void CheckNotWithTagsOrSize(RuleScope scope, string field, string action)
    {
        if (FilterChecks.HasTags(scope.Rule))
        {
            scope.Report(field, $"{action} cannot be used in a rule whose filter has tags.");
        }

        if (FilterChecks.HasSize(scope.Rule))
        {
            scope.Report(field, $"{action} cannot be used in a rule whose filter has an object size condition.");
        }
    }

    /// <summary>Reports a date that is not at midnight UTC.</summary>
    /// <param name="scope">The rule.</param>
    /// <param name="field">The date's path below the rule.</param>
    /// <param name="date">The date.</param>
    public static void CheckMidnight(RuleScope scope, string field, DateTimeOffset date)
    {
        if (date.UtcDateTime.TimeOfDay != TimeSpan.Zero)
        {
            scope.Report(field, "Date must be at midnight UTC, got "
                + date.ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture) + ".");
        }
    }

    /// <summary>Reports a storage class that is not a transition target.</summary>
    /// <param name="scope">The rule.</param>
    /// <param name="field">The storage class's path below the rule.</param>
    /// <param name="storageClass">The storage class.</param>
    public static void CheckStorageClass(RuleScope scope, string field, string? storageClass)
    {
        if (!StorageClasses.IsKnown(storageClass))
        {
            scope.Report(field, $"StorageClass must be one of {string.Join(", ", StorageClasses.All)}, got '{storageClass}'.");
        }
    }

    /// <summary>Reports a second transition to a class an earlier transition of the same list already targets.</summary>
    /// <param name="scope">The rule.</param>
    /// <param name="list">The list's name, such as <c>Transitions</c>.</param>
    /// <param name="classes">The target class of each transition, in order.</param>
    public static void CheckDistinctClasses(RuleScope scope, string list, IReadOnlyList<string?> classes)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < classes.Count; i++)
        {
            if (classes[i] is not { Length: > 0 } storageClass)
            {
                continue;
            }

            if (seen.TryGetValue(storageClass, out var first))
            {
                scope.Report($"{list}[{i}].StorageClass",
                    $"Each of a rule's {list} must target a different storage class; {storageClass} is also the target of {list}[{first}].");
            }
            else
            {
                seen.Add(storageClass, i);
            }
        }
    }
}

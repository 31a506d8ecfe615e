using LakeCircle.Core.Model;

namespace LakeCircle.Core.Validation;

/// <summary>Checks on each <see cref="LifecycleTransition"/> of a rule, and the Days/Date consistency of current-version actions.</summary>
internal static class CurrentTransitionChecks
{
    /// <summary>Runs the checks.</summary>
    /// <param name="scope">The rule.</param>
    public static void Check(RuleScope scope)
    {
        var transitions = scope.Rule.Transitions;
        for (var i = 0; i < transitions.Count; i++)
        {
            var path = $"Transitions[{i}]";
            if (transitions[i] is not { } transition)
            {
                scope.Report(path, "Every entry of Transitions must be a transition, got nothing.");
                continue;
            }

            if ((transition.Days is null) == (transition.Date is null))
            {
                scope.Report(path, "A transition must set exactly one of Days or Date, got "
                    + (transition.Days is null ? "neither." : "both."));
            }

            if (transition.Days is { } days)
            {
                if (days < 0)
                {
                    scope.Report(path + ".Days", $"Days must be 0 or a positive integer, got {days}.");
                }
                else if (days < S3Limits.InfrequentAccessMinimumDays && S3Limits.IsInfrequentAccess(transition.StorageClass))
                {
                    scope.Report(path + ".Days", $"Days must be at least {S3Limits.InfrequentAccessMinimumDays} for a transition to "
                        + $"{transition.StorageClass}, got {days}.");
                }
            }

            if (transition.Date is { } date)
            {
                ActionChecks.CheckMidnight(scope, path + ".Date", date);
            }

            ActionChecks.CheckStorageClass(scope, path + ".StorageClass", transition.StorageClass);
        }

        ActionChecks.CheckDistinctClasses(scope, "Transitions", transitions.Select(t => t?.StorageClass).ToList());
        CheckDaysDateNotMixed(scope);
    }

    /// <summary>S3 refuses a rule whose expiration and transitions mix Days and Date.</summary>
    private static void CheckDaysDateNotMixed(RuleScope scope)
    {
        var rule = scope.Rule;
        var timed = new List<(string Path, bool UsesDate)>();
        for (var i = 0; i < rule.Transitions.Count; i++)
        {
            if (rule.Transitions[i] is { } t && (t.Days is null) != (t.Date is null))
            {
                timed.Add(($"Transitions[{i}]", t.Date is not null));
            }
        }

        if (rule.Expiration is { } e && (e.Days is null) != (e.Date is null))
        {
            timed.Add(("Expiration", e.Date is not null));
        }

        if (timed.Count == 0)
        {
            return;
        }

        var (firstPath, firstUsesDate) = timed[0];
        foreach (var (path, usesDate) in timed.Skip(1).Where(x => x.UsesDate != firstUsesDate))
        {
            scope.Report(path + (usesDate ? ".Date" : ".Days"),
                $"A rule's Expiration and Transitions must all use Days or all use Date, not both; {firstPath} uses "
                + (firstUsesDate ? "Date." : "Days."));
        }
    }
}

using System.Globalization;
using LakeCircle.Core.Model;

namespace LakeCircle.Core.Validation;

/// <summary>
/// The order S3 demands between a rule's transitions and its expiration: each transition later than the previous one
/// and to a colder class (the order of <see cref="StorageClasses.All"/>), at least 30 days in STANDARD_IA or ONEZONE_IA
/// before the next transition, and the expiration after the last transition. Applied to current versions (Days or
/// Date) and to noncurrent versions (NoncurrentDays). Transitions already reported as malformed are left out.
/// </summary>
internal static class TransitionOrder
{
    private sealed record Step(string Path, string StorageClass, long Time, string TimeField, string Label)
    {
        public int Rank { get; } = IndexOf(StorageClass);
    }

    /// <summary>Runs the order checks.</summary>
    /// <param name="scope">The rule.</param>
    public static void Check(RuleScope scope)
    {
        var rule = scope.Rule;
        var current = CurrentSteps(rule);
        if (current is not null)
        {
            CheckSteps(scope, current);
            if (rule.Expiration is { } e && (e.Days is null) != (e.Date is null) && current.Count > 0
                && (e.Date is not null) == (current[0].TimeField == "Date"))
            {
                var expiration = e.Days is { } days ? DaysStep("Expiration", "", days, "Days") : DateStep("Expiration", "", e.Date!.Value);
                CheckExpiration(scope, current, expiration);
            }
        }

        var noncurrent = NoncurrentSteps(rule);
        CheckSteps(scope, noncurrent);
        if (rule.NoncurrentVersionExpiration?.NoncurrentDays is { } noncurrentDays && noncurrentDays >= 1 && noncurrent.Count > 0)
        {
            CheckExpiration(scope, noncurrent, DaysStep("NoncurrentVersionExpiration", "", noncurrentDays, "NoncurrentDays"));
        }
    }

    /// <summary>The well-formed current transitions, first of each class, ordered by time; null when Days and Date are mixed.</summary>
    private static List<Step>? CurrentSteps(LifecycleRule rule)
    {
        var steps = new List<Step>();
        var classes = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < rule.Transitions.Count; i++)
        {
            if (rule.Transitions[i] is not { } t || !StorageClasses.IsKnown(t.StorageClass) || !classes.Add(t.StorageClass))
            {
                continue;
            }

            var path = $"Transitions[{i}]";
            if (t.Days is { } days && t.Date is null && days >= 0)
            {
                steps.Add(DaysStep(path, t.StorageClass, days, "Days"));
            }
            else if (t.Date is { } date && t.Days is null)
            {
                steps.Add(DateStep(path, t.StorageClass, date));
            }
        }

        return steps.Select(s => s.TimeField).Distinct().Count() > 1 ? null : Ordered(steps);
    }

    private static List<Step> NoncurrentSteps(LifecycleRule rule)
    {
        var steps = new List<Step>();
        var classes = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < rule.NoncurrentVersionTransitions.Count; i++)
        {
            if (rule.NoncurrentVersionTransitions[i] is { NoncurrentDays: >= 0 } t
                && StorageClasses.IsKnown(t.StorageClass) && classes.Add(t.StorageClass))
            {
                steps.Add(DaysStep($"NoncurrentVersionTransitions[{i}]", t.StorageClass, t.NoncurrentDays!.Value, "NoncurrentDays"));
            }
        }

        return Ordered(steps);
    }

    private static void CheckSteps(RuleScope scope, List<Step> steps)
    {
        for (var k = 1; k < steps.Count; k++)
        {
            var (previous, step) = (steps[k - 1], steps[k]);
            if (step.Time == previous.Time)
            {
                scope.Report($"{step.Path}.{step.TimeField}", $"Each transition must happen after the previous one; "
                    + $"{step.StorageClass} and {previous.StorageClass} ({previous.Path}) both happen at {step.Label}.");
            }
            else if (step.Rank < previous.Rank)
            {
                scope.Report($"{step.Path}.StorageClass", "Transitions must move objects to ever colder storage classes "
                    + $"({string.Join(" > ", StorageClasses.All)}); {step.StorageClass} at {step.Label} comes after "
                    + $"{previous.StorageClass} at {previous.Label} ({previous.Path}).");
            }
            else if (S3Limits.IsInfrequentAccess(previous.StorageClass) && step.Time - previous.Time < S3Limits.InfrequentAccessMinimumDays)
            {
                scope.Report($"{step.Path}.{step.TimeField}", $"Objects must stay at least {S3Limits.InfrequentAccessMinimumDays} days in "
                    + $"{previous.StorageClass} ({previous.Path}, at {previous.Label}) before the next transition, got {step.Label}.");
            }
        }
    }

    private static void CheckExpiration(RuleScope scope, List<Step> steps, Step expiration)
    {
        var last = steps[^1];
        if (expiration.Time <= last.Time)
        {
            scope.Report($"{expiration.Path}.{expiration.TimeField}", "The expiration must come after the last transition "
                + $"({last.StorageClass} at {last.Label}, {last.Path}), got {expiration.Label}.");
        }
    }

    private static List<Step> Ordered(List<Step> steps) => steps.OrderBy(s => s.Time).ThenBy(s => s.Rank).ToList();

    private static Step DaysStep(string path, string storageClass, int days, string field) =>
        new(path, storageClass, days, field, $"day {days}");

    private static Step DateStep(string path, string storageClass, DateTimeOffset date)
    {
        var day = date.UtcDateTime.Date;
        return new(path, storageClass, (long)(day - DateTime.UnixEpoch).TotalDays, "Date",
            day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    }

    private static int IndexOf(string storageClass)
    {
        for (var i = 0; i < StorageClasses.All.Count; i++)
        {
            if (string.Equals(StorageClasses.All[i], storageClass, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}

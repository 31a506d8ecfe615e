using System.Globalization;
using LakeCircle.Core.Model;

namespace LakeCircle.Core.Validation;

/// <summary>
/// The order between a rule's transitions and its expiration. For current versions (Days or Date), as S3 enforces it:
/// each move supported (<see cref="TransitionGraph"/>), 30 days in STANDARD_IA or ONEZONE_IA before a move to
/// ONEZONE_IA, GLACIER or DEEP_ARCHIVE, DEEP_ARCHIVE 90 days after GLACIER or GLACIER_IR, the expiration after the
/// last transition; and as warnings, without AWS evidence: two transitions on the same day, 30 days in IA before
/// INTELLIGENT_TIERING or GLACIER_IR. For noncurrent versions (NoncurrentDays) every order rule is a warning except the
/// expiration after the last transition, an error unless the expiration keeps NewerNoncurrentVersions (S3 accepted
/// equal days then). Transitions already reported as malformed are left out.
/// </summary>
internal static class TransitionOrder
{
    private sealed record Step(string Path, string StorageClass, long Time, string TimeField, string Label)
    {
        public int Rank { get; } = TransitionGraph.Rank(StorageClass);
    }

    /// <summary>Runs the order checks.</summary>
    /// <param name="scope">The rule.</param>
    public static void Check(RuleScope scope)
    {
        var rule = scope.Rule;
        var current = CurrentSteps(rule);
        if (current is not null)
        {
            CheckSteps(scope, current, noncurrent: false);
            CheckDeepArchiveStay(scope, current);
            if (rule.Expiration is { } e && (e.Days is null) != (e.Date is null) && current.Count > 0
                && (e.Date is not null) == (current[0].TimeField == "Date"))
            {
                var expiration = e.Days is { } days ? DaysStep("Expiration", "", days, "Days") : DateStep("Expiration", "", e.Date!.Value);
                CheckExpiration(scope, current, expiration, acceptEqual: false);
            }
        }

        var noncurrent = NoncurrentSteps(rule);
        CheckSteps(scope, noncurrent, noncurrent: true);
        if (rule.NoncurrentVersionExpiration is { NoncurrentDays: >= 1 } ne && noncurrent.Count > 0)
        {
            CheckExpiration(scope, noncurrent, DaysStep("NoncurrentVersionExpiration", "", ne.NoncurrentDays!.Value, "NoncurrentDays"),
                acceptEqual: ne.NewerNoncurrentVersions is not null);
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

    private static void CheckSteps(RuleScope scope, List<Step> steps, bool noncurrent)
    {
        for (var k = 1; k < steps.Count; k++)
        {
            var (previous, step) = (steps[k - 1], steps[k]);
            if (step.Time == previous.Time)
            {
                scope.Warn($"{step.Path}.{step.TimeField}", $"Each transition should happen after the previous one; "
                    + $"{step.StorageClass} and {previous.StorageClass} ({previous.Path}) both happen at {step.Label}.");
            }
            else if (!TransitionGraph.IsSupported(previous.StorageClass, step.StorageClass))
            {
                scope.Report(noncurrent, $"{step.Path}.StorageClass", $"S3 does not support a lifecycle transition from "
                    + $"{previous.StorageClass} ({previous.Path}, at {previous.Label}) to {step.StorageClass} at {step.Label}; "
                    + $"from {previous.StorageClass} objects may move to {TransitionGraph.Targets(previous.StorageClass)}.");
            }
            else if (S3Limits.IsInfrequentAccess(previous.StorageClass) && step.Time - previous.Time < S3Limits.InfrequentAccessMinimumDays)
            {
                var documented = step.StorageClass is StorageClasses.OneZoneIA or StorageClasses.Glacier or StorageClasses.DeepArchive;
                scope.Report(noncurrent || !documented, $"{step.Path}.{step.TimeField}", $"Objects must stay at least "
                    + $"{S3Limits.InfrequentAccessMinimumDays} days in {previous.StorageClass} ({previous.Path}, at {previous.Label}) "
                    + $"before the next transition ({step.StorageClass}), got {step.Label}.");
            }
        }
    }

    /// <summary>S3 refuses DEEP_ARCHIVE less than 90 days after a GLACIER or GLACIER_IR transition of the same rule.</summary>
    private static void CheckDeepArchiveStay(RuleScope scope, List<Step> steps)
    {
        if (steps.FirstOrDefault(s => s.StorageClass == StorageClasses.DeepArchive) is not { } deep)
        {
            return;
        }

        var glacier = steps.LastOrDefault(s => s.StorageClass is StorageClasses.Glacier or StorageClasses.GlacierIR && s.Time < deep.Time);
        if (glacier is not null && deep.Time - glacier.Time < S3Limits.DeepArchiveAfterGlacierDays)
        {
            scope.Report($"{deep.Path}.{deep.TimeField}", $"A transition to DEEP_ARCHIVE must come at least "
                + $"{S3Limits.DeepArchiveAfterGlacierDays} days after the one to {glacier.StorageClass} ({glacier.Path}, at "
                + $"{glacier.Label}), got {deep.Label}.");
        }
    }

    private static void CheckExpiration(RuleScope scope, List<Step> steps, Step expiration, bool acceptEqual)
    {
        var last = steps[^1];
        if (expiration.Time > last.Time || (acceptEqual && expiration.Time == last.Time))
        {
            return;
        }

        var message = "The expiration must come after the last transition "
            + $"({last.StorageClass} at {last.Label}, {last.Path}), got {expiration.Label}.";
        scope.Report(acceptEqual, $"{expiration.Path}.{expiration.TimeField}",
            acceptEqual ? message.Replace("must come", "should come", StringComparison.Ordinal)
                + " With NewerNoncurrentVersions S3 accepted the same day; an earlier one is unverified." : message);
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
}

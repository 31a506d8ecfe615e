using LakeCircle.Core.Model;

namespace LakeCircle.Core.Impact;

/// <summary>
/// S3's lifecycle semantics as a pure function: what a configuration does to one object version.
/// Each rule it follows is written down, with its source, in <c>docs/semantics.md</c>.
/// </summary>
public static class LifecycleEvaluator
{
    /// <summary>The size under which objects are not transitioned by default (128 KB): <c>docs/semantics.md</c> S8.</summary>
    internal const long DefaultMinimumTransitionSize = 128 * 1024;

    /// <summary>Computes the schedule of <paramref name="version"/> under <paramref name="configuration"/>.</summary>
    /// <param name="configuration">The bucket's lifecycle configuration (<see cref="LifecycleConfiguration.Empty"/> for none).</param>
    /// <param name="version">The object version.</param>
    /// <param name="versioning">The bucket's versioning state.</param>
    /// <returns>The schedule, in date order.</returns>
    public static ObjectSchedule Evaluate(LifecycleConfiguration configuration, ObjectVersion version, BucketVersioning versioning = BucketVersioning.Unversioned)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(version);
        var matching = new List<LifecycleRule>();
        var dependsOnTags = new List<string>();
        foreach (var rule in configuration.Rules)
        {
            if (!string.Equals(rule.Status, RuleStatus.Enabled, StringComparison.Ordinal))
            {
                continue; // S1: only Enabled rules act.
            }

            switch (FilterMatch.Of(rule, version))
            {
                case FilterMatch.Result.Match:
                    matching.Add(rule);
                    break;
                case FilterMatch.Result.DependsOnTags:
                    dependsOnTags.Add(rule.Id ?? "");
                    break;
            }
        }

        var actions = Schedule(configuration, matching, version, versioning);
        return new ObjectSchedule { Object = version, Actions = ValueList<ScheduledAction>.From(actions), DependsOnTags = ValueList<string>.From(dependsOnTags) };
    }

    private static List<ScheduledAction> Schedule(
        LifecycleConfiguration configuration, List<LifecycleRule> rules, ObjectVersion version, BucketVersioning versioning)
    {
        if (version.IsDeleteMarker)
        {
            return DeleteMarkerSchedule(rules, version);
        }

        if (!version.IsCurrent)
        {
            return versioning == BucketVersioning.Unversioned || version.NoncurrentSince is not { } since
                ? []
                : NoncurrentSchedule(configuration, rules, version, since, version.NewerNoncurrentVersions);
        }

        // S5, S6: current-version expiration, the earliest of every matching rule (S10).
        Candidate? expiration = null;
        foreach (var rule in rules)
        {
            if (rule.Expiration is { } e && Eligible(version.Created, e.Days, e.Date) is { } date)
            {
                expiration = Earlier(expiration, new Candidate(date, rule.Id ?? "", null));
            }
        }

        var transitions = new List<Candidate>();
        foreach (var rule in rules)
        {
            foreach (var t in rule.Transitions)
            {
                if (TransitionAllowed(configuration, rule, version.Size, t.StorageClass)
                    && Eligible(version.Created, t.Days, t.Date) is { } date)
                {
                    transitions.Add(new Candidate(date, rule.Id ?? "", t.StorageClass));
                }
            }
        }

        var removalKind = versioning == BucketVersioning.Unversioned ? ScheduledActionKind.Delete : ScheduledActionKind.CreateDeleteMarker;
        var steps = Waterfall(transitions, version.StorageClass, expiration, removalKind, noncurrent: false);
        if (expiration is { } removal && removalKind == ScheduledActionKind.CreateDeleteMarker)
        {
            // S4: the expired current version stays as the newest noncurrent version from the marker's date on.
            var classAtRemoval = steps.LastOrDefault(s => s.Kind == ScheduledActionKind.Transition)?.StorageClass ?? version.StorageClass;
            var noncurrent = version with { StorageClass = classAtRemoval };
            steps.AddRange(NoncurrentSchedule(configuration, rules, noncurrent, removal.Date, 0)
                .Where(s => s.Date >= removal.Date));
        }

        return steps;
    }

    private static List<ScheduledAction> NoncurrentSchedule(
        LifecycleConfiguration configuration, List<LifecycleRule> rules, ObjectVersion version, DateTimeOffset since, int newer)
    {
        // S7: counted from when the version became noncurrent; NewerNoncurrentVersions must also be reached.
        Candidate? expiration = null;
        foreach (var rule in rules)
        {
            if (rule.NoncurrentVersionExpiration is { } e && newer >= (e.NewerNoncurrentVersions ?? 0)
                && Eligible(since, e.NoncurrentDays, null) is { } date)
            {
                expiration = Earlier(expiration, new Candidate(date, rule.Id ?? "", null));
            }
        }

        var transitions = new List<Candidate>();
        foreach (var rule in rules)
        {
            foreach (var t in rule.NoncurrentVersionTransitions)
            {
                if (newer >= (t.NewerNoncurrentVersions ?? 0)
                    && TransitionAllowed(configuration, rule, version.Size, t.StorageClass)
                    && Eligible(since, t.NoncurrentDays, null) is { } date)
                {
                    transitions.Add(new Candidate(date, rule.Id ?? "", t.StorageClass));
                }
            }
        }

        return Waterfall(transitions, version.StorageClass, expiration, ScheduledActionKind.Delete, noncurrent: true);
    }

    private static List<ScheduledAction> DeleteMarkerSchedule(List<LifecycleRule> rules, ObjectVersion version)
    {
        // S9: only a current delete marker with no noncurrent version under it (an expired object delete marker) is removed.
        if (!version.IsCurrent || !version.IsOnlyVersion)
        {
            return [];
        }

        Candidate? removal = null;
        foreach (var rule in rules)
        {
            if (rule.Expiration is not { } e)
            {
                continue;
            }

            var date = e.ExpiredObjectDeleteMarker == true ? NextMidnight(version.Created) : Eligible(version.Created, e.Days, e.Date);
            if (date is { } d)
            {
                removal = Earlier(removal, new Candidate(d, rule.Id ?? "", null));
            }
        }

        return removal is { } r
            ? [new ScheduledAction { Kind = ScheduledActionKind.RemoveDeleteMarker, Date = r.Date, RuleId = r.RuleId }]
            : [];
    }

    /// <summary>
    /// Orders transitions into S3's waterfall (S11): on one day the preferred class wins (S10), a class no colder than
    /// the one reached is skipped, and nothing is transitioned on or after the day the version is removed (S10).
    /// </summary>
    private static List<ScheduledAction> Waterfall(
        List<Candidate> transitions, string startClass, Candidate? removal, ScheduledActionKind removalKind, bool noncurrent)
    {
        var steps = new List<ScheduledAction>();
        var storageClass = startClass;
        foreach (var t in transitions.OrderBy(t => t.Date).ThenBy(t => SameDayPreference(t.StorageClass!)).ThenBy(t => t.RuleId, StringComparer.Ordinal))
        {
            if (removal is { } r && (t.Date > r.Date || (t.Date == r.Date && removalKind == ScheduledActionKind.Delete)))
            {
                break; // Permanent deletion takes precedence over transition.
            }

            if (steps.Count > 0 && steps[^1].Date == t.Date)
            {
                continue; // One transition a day: the preferred class was taken.
            }

            if (!CanTransition(storageClass, t.StorageClass!))
            {
                continue;
            }

            storageClass = t.StorageClass!;
            steps.Add(new ScheduledAction { Kind = ScheduledActionKind.Transition, Date = t.Date, StorageClass = t.StorageClass, RuleId = t.RuleId, Noncurrent = noncurrent });
        }

        if (removal is { } end)
        {
            // A transition on the day of a delete marker's creation comes first (transition takes precedence).
            steps.Add(new ScheduledAction { Kind = removalKind, Date = end.Date, RuleId = end.RuleId, Noncurrent = noncurrent });
        }

        return steps;
    }

    /// <summary>S8: objects under 128 KB are not transitioned unless the rule's filter sets a size or the configuration says otherwise.</summary>
    private static bool TransitionAllowed(LifecycleConfiguration configuration, LifecycleRule rule, long size, string storageClass)
    {
        if (size >= DefaultMinimumTransitionSize || FilterMatch.HasSizeBound(rule))
        {
            return true;
        }

        return string.Equals(configuration.TransitionDefaultMinimumObjectSize, TransitionDefaultMinimumObjectSizes.VariesByStorageClass, StringComparison.Ordinal)
            && storageClass is StorageClasses.Glacier or StorageClasses.DeepArchive;
    }

    /// <summary>
    /// S5, S6: <c>Days</c> after <paramref name="start"/> rounded up to the next midnight UTC; a <c>Date</c> applies
    /// on that date to every version that exists then, and to later ones at the first midnight after their creation.
    /// </summary>
    internal static DateTimeOffset? Eligible(DateTimeOffset start, int? days, DateTimeOffset? date)
    {
        if (days is { } n)
        {
            return NextMidnight(start.ToUniversalTime().AddDays(n));
        }

        if (date is { } d)
        {
            var onDate = new DateTimeOffset(d.UtcDateTime.Date, TimeSpan.Zero);
            var first = NextMidnight(start);
            return first > onDate ? first : onDate;
        }

        return null;
    }

    /// <summary>The first midnight UTC at or after <paramref name="instant"/>.</summary>
    internal static DateTimeOffset NextMidnight(DateTimeOffset instant)
    {
        var utc = instant.UtcDateTime;
        var midnight = new DateTimeOffset(utc.Date, TimeSpan.Zero);
        return midnight == instant ? midnight : midnight.AddDays(1);
    }

    /// <summary>
    /// S11: the transitions S3's waterfall supports — from Standard to any class; from any class to Glacier Flexible
    /// Retrieval or Deep Archive; from Standard-IA to Intelligent-Tiering, One Zone-IA or Glacier Instant Retrieval;
    /// from Intelligent-Tiering to One Zone-IA; from Glacier Flexible Retrieval to Deep Archive only; none out of Deep Archive.
    /// </summary>
    internal static bool CanTransition(string from, string to)
    {
        if (string.Equals(from, to, StringComparison.Ordinal) || from == StorageClasses.DeepArchive)
        {
            return false;
        }

        if (from == "STANDARD" || Rank(from) == 0 || to == StorageClasses.DeepArchive)
        {
            return Rank(to) > 0;
        }

        return (from, to) switch
        {
            (StorageClasses.Glacier, _) => false,
            (_, StorageClasses.Glacier) => true,
            (StorageClasses.StandardIA, StorageClasses.IntelligentTiering or StorageClasses.OneZoneIA or StorageClasses.GlacierIR) => true,
            (StorageClasses.IntelligentTiering, StorageClasses.OneZoneIA) => true,
            _ => false,
        };
    }

    /// <summary>How cold a class is in the transition waterfall: STANDARD 0, then <see cref="StorageClasses.All"/> in order.</summary>
    internal static int Rank(string? storageClass)
    {
        if (storageClass is null)
        {
            return 0;
        }

        for (var i = 0; i < StorageClasses.All.Count; i++)
        {
            if (string.Equals(StorageClasses.All[i], storageClass, StringComparison.Ordinal))
            {
                return i + 1;
            }
        }

        return 0;
    }

    /// <summary>
    /// S10: which class S3 picks when several transitions fall on one day — the lower-cost class, except that
    /// Intelligent-Tiering is favoured over every class but Glacier Flexible Retrieval and Deep Archive. Lower first.
    /// </summary>
    private static int SameDayPreference(string storageClass) => storageClass switch
    {
        StorageClasses.DeepArchive => 0,
        StorageClasses.Glacier => 1,
        StorageClasses.IntelligentTiering => 2,
        StorageClasses.GlacierIR => 3,
        StorageClasses.OneZoneIA => 4,
        StorageClasses.StandardIA => 5,
        _ => 6,
    };

    private static Candidate Earlier(Candidate? current, Candidate next) =>
        current is { } c && (c.Date < next.Date || (c.Date == next.Date && string.CompareOrdinal(c.RuleId, next.RuleId) <= 0)) ? c : next;

    private readonly record struct Candidate(DateTimeOffset Date, string RuleId, string? StorageClass);
}

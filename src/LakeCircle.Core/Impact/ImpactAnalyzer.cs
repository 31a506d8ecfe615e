using System.Globalization;
using LakeCircle.Core.Model;

namespace LakeCircle.Core.Impact;

/// <summary>
/// Compares two lifecycle configurations by their effect on object versions, exactly over the filter algebra
/// (prefixes, tags, size ranges, rule status): see <c>docs/impact.md</c>.
/// </summary>
public static class ImpactAnalyzer
{
    /// <summary>How many findings one bucket's impact keeps (the worst first).</summary>
    internal const int MaxFindings = 20;

    /// <summary>Classifies replacing <paramref name="current"/> by <paramref name="desired"/>.</summary>
    /// <param name="current">The bucket's configuration now, or <see langword="null"/> when it has none.</param>
    /// <param name="desired">The configuration to put, or <see langword="null"/> when the lifecycle is to be deleted.</param>
    /// <returns>The impact, with its findings worst first.</returns>
    public static BucketImpact Compare(LifecycleConfiguration? current, LifecycleConfiguration? desired)
    {
        current ??= LifecycleConfiguration.Empty;
        desired ??= LifecycleConfiguration.Empty;
        if (current == desired)
        {
            return BucketImpact.None;
        }

        if (ObjectSpace.Of(current, desired) is not { } space)
        {
            return new BucketImpact
            {
                Kind = ImpactKind.Destructive,
                Findings = ValueList.Of(new ImpactFinding
                {
                    Kind = ImpactKind.Destructive,
                    Objects = "objects",
                    Before = "not analysed",
                    After = $"not analysed: the filters' tag conditions make more than {ObjectSpace.MaxCells:N0} object classes, so the change is treated as destructive",
                }),
            };
        }

        var comparison = new Comparison(current, desired, space);
        return comparison.Run();
    }

    /// <summary>The state of one comparison: the verdicts found, grouped by what they say.</summary>
    private sealed class Comparison(LifecycleConfiguration current, LifecycleConfiguration desired, ObjectSpace space)
    {
        private readonly Dictionary<string, LifecycleRule> _currentRules = ById(current);
        private readonly Dictionary<string, LifecycleRule> _desiredRules = ById(desired);
        private readonly Dictionary<Verdict, List<Cell>> _groups = [];
        private readonly Dictionary<(RuleMask, bool), List<(Verdict, int)>> _bySignature = [];

        public BucketImpact Run()
        {
            var actionKeys = space.Rules.Select(ActionKey).ToList();
            for (var k = 0; k < space.Keys.Count; k++)
            {
                for (var t = 0; t < space.TagSets.Count; t++)
                {
                    for (var s = 0; s < space.Sizes.Count; s++)
                    {
                        var mask = RuleMask.And(space.KeyMasks[k], space.TagMasks[t], space.SizeMasks[s]);
                        var small = space.Sizes[s] < LifecycleEvaluator.DefaultMinimumTransitionSize;
                        if (!_bySignature.TryGetValue((mask, small), out var verdicts))
                        {
                            _bySignature[(mask, small)] = verdicts = VerdictsOf(new Cell(k, t, s, 0), mask, small, actionKeys);
                        }

                        foreach (var (verdict, newer) in verdicts)
                        {
                            if (!_groups.TryGetValue(verdict, out var cells))
                            {
                                _groups[verdict] = cells = [];
                            }

                            cells.Add(new Cell(k, t, s, newer));
                        }
                    }
                }
            }

            var describer = new CellDescriber(space);
            var findings = _groups
                .Select(g => new ImpactFinding
                {
                    Kind = g.Key.Kind,
                    Objects = describer.Describe(g.Value, g.Key.Noncurrent),
                    Before = g.Key.Before,
                    After = g.Key.After,
                })
                .OrderByDescending(f => f.Kind)
                .ThenBy(f => f.Text, StringComparer.Ordinal)
                .ToList();
            return new BucketImpact
            {
                Kind = findings.Count == 0 ? ImpactKind.None : findings.Max(f => f.Kind),
                Findings = ValueList<ImpactFinding>.From(findings.Take(MaxFindings)),
            };
        }

        /// <summary>
        /// What the change does to the versions of one signature (the rules of each side that select them): evaluated
        /// with only those rules, whose schedules are the same as under the whole configurations.
        /// </summary>
        private List<(Verdict Verdict, int Newer)> VerdictsOf(Cell cell, RuleMask mask, bool small, List<Actions> actionKeys)
        {
            var before = new List<LifecycleRule>();
            var after = new List<LifecycleRule>();
            var balance = new Dictionary<Actions, int>();
            for (var i = 0; i < space.Rules.Count; i++)
            {
                if (mask.Contains(i))
                {
                    var isCurrent = i < space.CurrentCount;
                    (isCurrent ? before : after).Add(space.Rules[i]);
                    balance[actionKeys[i]] = balance.GetValueOrDefault(actionKeys[i]) + (isCurrent ? 1 : -1);
                }
            }

            if (balance.Values.All(v => v == 0)
                && (!small || string.Equals(current.TransitionDefaultMinimumObjectSize, desired.TransitionDefaultMinimumObjectSize, StringComparison.Ordinal)))
            {
                return []; // The same actions select these versions on both sides: nothing changes for them.
            }

            var currentPart = current with { Rules = ValueList<LifecycleRule>.From(before) };
            var desiredPart = desired with { Rules = ValueList<LifecycleRule>.From(after) };
            var probe = new ObjectVersion
            {
                Key = space.Keys[cell.Key],
                Tags = ValueList<LifecycleTag>.From(space.TagSets[cell.Tags]),
                Size = space.Sizes[cell.Size],
                Created = ObjectSpace.Origin,
            };

            var verdicts = new HashSet<(Verdict, int)>();
            var matched = before.Concat(after).ToList();
            var newerCounts = ObjectSpace.NewerCountsOf(matched);
            if (matched.Any(r => r.Expiration is not null || r.Transitions.Count > 0))
            {
                foreach (var created in ObjectSpace.CreationTimesOf(matched))
                {
                    var version = probe with { Created = created };
                    Compare(
                        LifecycleEvaluator.Evaluate(currentPart, version), LifecycleEvaluator.Evaluate(desiredPart, version),
                        created, false, 0, verdicts);
                }
            }

            if (matched.Any(r => r.NoncurrentVersionExpiration is not null || r.NoncurrentVersionTransitions.Count > 0))
            {
                var since = ObjectSpace.Origin;
                foreach (var newer in newerCounts)
                {
                    var version = probe with { IsCurrent = false, NoncurrentSince = since, NewerNoncurrentVersions = newer };
                    Compare(
                        LifecycleEvaluator.Evaluate(currentPart, version, BucketVersioning.Enabled),
                        LifecycleEvaluator.Evaluate(desiredPart, version, BucketVersioning.Enabled),
                        since, true, newer, verdicts);
                }
            }

            // A count of these rules stands for every count of the whole space up to their next one.
            return [.. verdicts.SelectMany(v => !v.Item1.Noncurrent
                ? [v]
                : space.NewerCounts.Where(m => newerCounts.Last(n => n <= m) == v.Item2).Select(m => (v.Item1, m)))];
        }

        /// <summary>What a rule does to the versions it selects, without its ID and filter (the size-bound flag kept: S8).</summary>
        private static Actions ActionKey(LifecycleRule rule) => new(
            rule.Expiration, ValueList<LifecycleTransition>.From(rule.Transitions.OrderBy(t => t.StorageClass, StringComparer.Ordinal).ThenBy(t => t.Days).ThenBy(t => t.Date)),
            rule.NoncurrentVersionExpiration,
            ValueList<NoncurrentVersionTransition>.From(rule.NoncurrentVersionTransitions.OrderBy(t => t.StorageClass, StringComparer.Ordinal).ThenBy(t => t.NoncurrentDays).ThenBy(t => t.NewerNoncurrentVersions)),
            FilterMatch.HasSizeBound(rule));

        private void Compare(ObjectSchedule before, ObjectSchedule after, DateTimeOffset start, bool noncurrent, int newer, HashSet<(Verdict, int)> verdicts)
        {
            var removedBefore = noncurrent ? before.Deletion : before.Removal;
            var removedAfter = noncurrent ? after.Deletion : after.Removal;
            var end = Min(removedBefore?.Date, removedAfter?.Date);
            if (Earlier(removedAfter, removedBefore))
            {
                verdicts.Add((new Verdict(ImpactKind.Destructive, noncurrent, Removal(removedBefore, start, _currentRules), Removal(removedAfter, start, _desiredRules)), newer));
            }
            else if (Earlier(removedBefore, removedAfter))
            {
                verdicts.Add((new Verdict(ImpactKind.RetainsLonger, noncurrent, Removal(removedBefore, start, _currentRules), Removal(removedAfter, start, _desiredRules)), newer));
            }

            foreach (var step in after.Actions.Where(a => a.Kind == ScheduledActionKind.Transition && a.Noncurrent == noncurrent))
            {
                if (end is { } e && step.Date >= e)
                {
                    break;
                }

                if (LifecycleEvaluator.Rank(step.StorageClass) > LifecycleEvaluator.Rank(before.StorageClassOn(step.Date)))
                {
                    var reached = Reaching(before, step.StorageClass, noncurrent);
                    verdicts.Add((new Verdict(ImpactKind.ArchivesSooner, noncurrent,
                        Move(reached, step.StorageClass!, start, _currentRules), Move(step, step.StorageClass!, start, _desiredRules)), newer));
                }
            }

            foreach (var step in before.Actions.Where(a => a.Kind == ScheduledActionKind.Transition && a.Noncurrent == noncurrent))
            {
                if (end is { } e && step.Date >= e)
                {
                    break;
                }

                if (LifecycleEvaluator.Rank(step.StorageClass) > LifecycleEvaluator.Rank(after.StorageClassOn(step.Date)))
                {
                    var reached = Reaching(after, step.StorageClass, noncurrent);
                    verdicts.Add((new Verdict(ImpactKind.RetainsLonger, noncurrent,
                        Move(step, step.StorageClass!, start, _currentRules), Move(reached, step.StorageClass!, start, _desiredRules)), newer));
                }
            }
        }

        private static ScheduledAction? Reaching(ObjectSchedule schedule, string? storageClass, bool noncurrent) =>
            schedule.Actions.FirstOrDefault(a => a.Kind == ScheduledActionKind.Transition && a.Noncurrent == noncurrent
                && LifecycleEvaluator.Rank(a.StorageClass) >= LifecycleEvaluator.Rank(storageClass));

        private static bool Earlier(ScheduledAction? a, ScheduledAction? b) => a is not null && (b is null || a.Date < b.Date);

        private static DateTimeOffset? Min(DateTimeOffset? a, DateTimeOffset? b) =>
            a is null ? b : b is null ? a : a < b ? a : b;

        private static string Removal(ScheduledAction? removal, DateTimeOffset start, Dictionary<string, LifecycleRule> rules)
        {
            if (removal is null)
            {
                return "never deleted";
            }

            return "deleted " + When(removal, start, rules, removal.Noncurrent
                ? r => (r.NoncurrentVersionExpiration?.NoncurrentDays, null, r.NoncurrentVersionExpiration?.NewerNoncurrentVersions)
                : r => (r.Expiration?.Days, r.Expiration?.Date, null));
        }

        private static string Move(ScheduledAction? step, string storageClass, DateTimeOffset start, Dictionary<string, LifecycleRule> rules)
        {
            if (step is null)
            {
                return $"never moved to {storageClass}";
            }

            var target = step.StorageClass!;
            return $"moved to {target} " + When(step, start, rules, step.Noncurrent
                ? r => (r.NoncurrentVersionTransitions.FirstOrDefault(t => t.StorageClass == target)?.NoncurrentDays, null,
                    r.NoncurrentVersionTransitions.FirstOrDefault(t => t.StorageClass == target)?.NewerNoncurrentVersions)
                : r => (r.Transitions.FirstOrDefault(t => t.StorageClass == target)?.Days, r.Transitions.FirstOrDefault(t => t.StorageClass == target)?.Date, null));
        }

        /// <summary>The timing of a step in the words of the action that decides it: <c>after 30 days</c>, <c>from 2027-01-01</c>.</summary>
        private static string When(
            ScheduledAction step, DateTimeOffset start, Dictionary<string, LifecycleRule> rules,
            Func<LifecycleRule, (int? Days, DateTimeOffset? Date, int? Newer)> action)
        {
            var (days, date, _) = rules.TryGetValue(step.RuleId, out var rule) ? action(rule) : (null, null, null);
            var unit = step.Noncurrent ? " noncurrent" : "";
            if (days is { } n)
            {
                return n == 0 ? (step.Noncurrent ? "as soon as noncurrent" : "on the day of creation") : $"after {Days(n)}{unit}";
            }

            if (date is { } d)
            {
                return "from " + d.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + " on";
            }

            var elapsed = (int)Math.Round((step.Date - start).TotalDays);
            return $"after about {Days(elapsed)}{unit}";
        }

        private static string Days(int n) => n == 1 ? "1 day" : n.ToString(CultureInfo.InvariantCulture) + " days";

        private static Dictionary<string, LifecycleRule> ById(LifecycleConfiguration configuration)
        {
            var rules = new Dictionary<string, LifecycleRule>(StringComparer.Ordinal);
            foreach (var rule in configuration.Rules)
            {
                rules.TryAdd(rule.Id ?? "", rule);
            }

            return rules;
        }
    }

    /// <summary>The actions of a rule, compared by value.</summary>
    private readonly record struct Actions(
        LifecycleExpiration? Expiration, ValueList<LifecycleTransition> Transitions, NoncurrentVersionExpiration? NoncurrentExpiration,
        ValueList<NoncurrentVersionTransition> NoncurrentTransitions, bool Sized);

    /// <summary>One thing the change does to one cell's current versions (every object of an unversioned bucket) or noncurrent ones.</summary>
    private readonly record struct Verdict(ImpactKind Kind, bool Noncurrent, string Before, string After);
}

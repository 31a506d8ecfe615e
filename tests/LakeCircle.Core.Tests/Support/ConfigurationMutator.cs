using LakeCircle.Core.Fingerprinting;
using LakeCircle.Core.Model;

namespace LakeCircle.Core.Tests.Support;

/// <summary>
/// Changes generated configurations: <see cref="Mutate"/> and <see cref="ChangeField"/> change their meaning;
/// <see cref="Reorder"/> and <see cref="Reshape"/> change only their shape.
/// </summary>
internal sealed class ConfigurationMutator(ConfigurationGenerator generator)
{
    private Random Random => generator.Random;

    /// <summary>A change of meaning: one field of one rule, a rule added or removed, or the configuration-level minimum size.</summary>
    public (LifecycleConfiguration Configuration, string Description) Mutate(LifecycleConfiguration configuration)
    {
        var rules = configuration.Rules.ToList();
        switch (rules.Count == 0 ? 1 : Random.Next(6))
        {
            case 0:
                var tdmos = configuration.TransitionDefaultMinimumObjectSize == TransitionDefaultMinimumObjectSizes.AllStorageClasses128K
                    ? TransitionDefaultMinimumObjectSizes.VariesByStorageClass
                    : TransitionDefaultMinimumObjectSizes.AllStorageClasses128K;
                return (configuration with { TransitionDefaultMinimumObjectSize = tdmos }, "TransitionDefaultMinimumObjectSize");
            case 1:
                var ids = rules.Select(CanonicalForm.EffectiveId).ToHashSet(StringComparer.Ordinal);
                var added = generator.Rule($"added-{ids.Count}-{Random.Next(1000)}");
                rules.Insert(Random.Next(rules.Count + 1), added);
                return (configuration with { Rules = rules.ToValueList() }, "add rule " + added.Id);
            case 2:
                var index = Random.Next(rules.Count);
                var removed = CanonicalForm.EffectiveId(rules[index]);
                rules.RemoveAt(index);
                return (configuration with { Rules = rules.ToValueList() }, "remove rule " + removed);
            default:
                var at = Random.Next(rules.Count);
                var (rule, field) = ChangeField(rules[at]);
                rules[at] = rule;
                return (configuration with { Rules = rules.ToValueList() }, $"change {field} of {CanonicalForm.EffectiveId(rule)}");
        }
    }

    /// <summary>Changes the meaning of one field, keeping the rule's ID; returns the S3 field name expected in the plan.</summary>
    public (LifecycleRule Rule, string Field) ChangeField(LifecycleRule rule)
    {
        // Keep the ID the rule is known by, also when it was derived from the content about to change.
        rule = rule with { Id = CanonicalForm.EffectiveId(rule) };
        switch (Random.Next(9))
        {
            case 0:
                return (rule with { Status = rule.Status == RuleStatus.Enabled ? RuleStatus.Disabled : RuleStatus.Enabled }, "Status");
            case 1:
                return (ChangeFilter(rule), "Filter");
            case 2:
                return rule.Expiration switch
                {
                    { Days: { } days } e => (rule with { Expiration = e with { Days = days + 1 } }, "Expiration.Days"),
                    { Date: { } date } e => (rule with { Expiration = e with { Date = date.AddDays(1) } }, "Expiration.Date"),
                    _ => (rule with { Expiration = new LifecycleExpiration { Days = 3650 } }, "Expiration.Days"),
                };
            case 3:
                return (rule with { Transitions = ChangeTransitions(rule.Transitions) }, "Transitions");
            case 4:
                var noncurrent = rule.NoncurrentVersionExpiration ?? new NoncurrentVersionExpiration();
                return (rule with { NoncurrentVersionExpiration = noncurrent with { NoncurrentDays = (noncurrent.NoncurrentDays ?? 0) + 1 } },
                    "NoncurrentVersionExpiration.NoncurrentDays");
            case 5:
                var newer = rule.NoncurrentVersionExpiration ?? new NoncurrentVersionExpiration { NoncurrentDays = 30 };
                return (rule with { NoncurrentVersionExpiration = newer with { NewerNoncurrentVersions = ((newer.NewerNoncurrentVersions ?? 0) % 100) + 1 } },
                    "NoncurrentVersionExpiration.NewerNoncurrentVersions");
            case 6:
                var list = rule.NoncurrentVersionTransitions.ToList();
                if (list.Count > 0 && Random.Next(2) == 0)
                {
                    var i = Random.Next(list.Count);
                    list[i] = list[i] with { NoncurrentDays = (list[i].NoncurrentDays ?? 0) + 1 };
                }
                else
                {
                    list.Add(new NoncurrentVersionTransition { NoncurrentDays = 1000 + Random.Next(100), StorageClass = StorageClasses.DeepArchive });
                }

                return (rule with { NoncurrentVersionTransitions = list.ToValueList() }, "NoncurrentVersionTransitions");
            case 7 when rule.AbortIncompleteMultipartUpload?.DaysAfterInitiation is not null && Random.Next(3) == 0:
                return (rule with { AbortIncompleteMultipartUpload = null }, "AbortIncompleteMultipartUpload.DaysAfterInitiation");
            default:
                var abort = rule.AbortIncompleteMultipartUpload?.DaysAfterInitiation ?? 0;
                return (rule with { AbortIncompleteMultipartUpload = new AbortIncompleteMultipartUpload { DaysAfterInitiation = abort + 1 } },
                    "AbortIncompleteMultipartUpload.DaysAfterInitiation");
        }
    }

    /// <summary>The same configuration with rules, tags and transitions in another order.</summary>
    public LifecycleConfiguration Reorder(LifecycleConfiguration configuration) => configuration with
    {
        Rules = Shuffle(configuration.Rules.Select(rule => rule with
        {
            Filter = rule.Filter?.And is { } and ? rule.Filter with { And = and with { Tags = Shuffle(and.Tags) } } : rule.Filter,
            Transitions = Shuffle(rule.Transitions),
            NoncurrentVersionTransitions = Shuffle(rule.NoncurrentVersionTransitions),
        }).ToValueList()),
    };

    /// <summary>
    /// The same configuration in other shapes S3 or a definition may use for the same meaning: no filter, an empty
    /// filter or an empty prefix; the legacy prefix; a one-condition And; false or empty optional parts; dates in
    /// another offset; a derived ID written out.
    /// </summary>
    public LifecycleConfiguration Reshape(LifecycleConfiguration configuration) =>
        configuration with { Rules = configuration.Rules.Select(ReshapeRule).ToValueList() };

    private ValueList<T> Shuffle<T>(ValueList<T> items) => items.OrderBy(_ => Random.Next()).ToValueList();

    private LifecycleRule ReshapeRule(LifecycleRule rule)
    {
        var reshaped = rule with
        {
            Id = string.IsNullOrEmpty(rule.Id) && Random.Next(2) == 0 ? rule.DerivedId : rule.Id,
            Expiration = rule.Expiration switch
            {
                null => Random.Next(2) == 0 ? new LifecycleExpiration { ExpiredObjectDeleteMarker = false } : new LifecycleExpiration(),
                { ExpiredObjectDeleteMarker: null } e => e with { ExpiredObjectDeleteMarker = false, Date = Shift(e.Date) },
                var e => e,
            },
            Transitions = rule.Transitions.Select(t => t with { Date = Shift(t.Date) }).ToValueList(),
            NoncurrentVersionExpiration = rule.NoncurrentVersionExpiration ?? new NoncurrentVersionExpiration(),
            AbortIncompleteMultipartUpload = rule.AbortIncompleteMultipartUpload ?? new AbortIncompleteMultipartUpload(),
        };
        return ReshapeFilter(reshaped);
    }

    private LifecycleRule ReshapeFilter(LifecycleRule rule)
    {
        var f = rule.Filter;
        var prefix = rule.Prefix ?? f?.Prefix;
        if ((f is null || f == LifecycleFilter.MatchAll || f == new LifecycleFilter { Prefix = "" }) && string.IsNullOrEmpty(rule.Prefix))
        {
            var empty = Random.Next(4) switch
            {
                0 => (Filter: (LifecycleFilter?)null, Prefix: (string?)null),
                1 => (LifecycleFilter.MatchAll, null),
                2 => (new LifecycleFilter { Prefix = "" }, null),
                _ => (null, ""),
            };
            return rule with { Filter = empty.Filter, Prefix = empty.Prefix };
        }

        if (prefix is not null && f?.And is null && f?.Tag is null && f?.ObjectSizeGreaterThan is null && f?.ObjectSizeLessThan is null)
        {
            return Random.Next(3) switch
            {
                0 => rule with { Filter = null, Prefix = prefix },
                1 => rule with { Filter = new LifecycleFilter { Prefix = prefix }, Prefix = null },
                _ => rule with { Filter = new LifecycleFilter { And = new LifecycleAndOperator { Prefix = prefix } }, Prefix = null },
            };
        }

        return f switch
        {
            { Tag: { } tag } => rule with { Filter = new LifecycleFilter { And = new LifecycleAndOperator { Tags = ValueList.Of(tag) } } },
            { ObjectSizeGreaterThan: { } g } => rule with { Filter = new LifecycleFilter { And = new LifecycleAndOperator { ObjectSizeGreaterThan = g } } },
            { ObjectSizeLessThan: { } l } => rule with { Filter = new LifecycleFilter { And = new LifecycleAndOperator { ObjectSizeLessThan = l } } },
            _ => rule,
        };
    }

    private DateTimeOffset? Shift(DateTimeOffset? date) =>
        date?.ToOffset(TimeSpan.FromHours(Random.Next(-11, 13)));

    private LifecycleRule ChangeFilter(LifecycleRule rule)
    {
        // Flatten to conditions, change one, and write the result in the plainest shape.
        var f = rule.Filter;
        var prefix = new[] { rule.Prefix, f?.Prefix, f?.And?.Prefix }.FirstOrDefault(p => !string.IsNullOrEmpty(p));
        var tags = (f?.And?.Tags ?? ValueList<LifecycleTag>.Empty).Concat(f?.Tag is { } t ? [t] : []).ToList();
        var greater = f?.ObjectSizeGreaterThan ?? f?.And?.ObjectSizeGreaterThan;
        var less = f?.ObjectSizeLessThan ?? f?.And?.ObjectSizeLessThan;
        switch (Random.Next(4))
        {
            case 0: prefix = (prefix ?? "") + "changed/"; break;
            case 1: tags.Add(new LifecycleTag("mutated", "yes")); break;
            case 2: greater = (greater ?? 0) + 1; break;
            default: less = (less ?? (1 << 30)) + 1; break;
        }

        var count = (prefix is null ? 0 : 1) + tags.Count + (greater is null ? 0 : 1) + (less is null ? 0 : 1);
        var filter = count == 1
            ? new LifecycleFilter { Prefix = prefix, Tag = tags.SingleOrDefault(), ObjectSizeGreaterThan = greater, ObjectSizeLessThan = less }
            : new LifecycleFilter { And = new LifecycleAndOperator { Prefix = prefix, Tags = tags.ToValueList(), ObjectSizeGreaterThan = greater, ObjectSizeLessThan = less } };
        return rule with { Filter = filter, Prefix = null };
    }

    private ValueList<LifecycleTransition> ChangeTransitions(ValueList<LifecycleTransition> transitions)
    {
        var list = transitions.ToList();
        var i = list.Count == 0 ? -1 : Random.Next(list.Count);
        switch (i < 0 ? 0 : Random.Next(4))
        {
            case 0:
                var unused = StorageClasses.All.FirstOrDefault(c => list.TrueForAll(t => t.StorageClass != c)) ?? StorageClasses.DeepArchive;
                list.Add(new LifecycleTransition { Days = 5000, StorageClass = unused });
                break;
            case 1:
                list.RemoveAt(i);
                break;
            case 2:
                list[i] = list[i] with { Days = list[i].Days + 1, Date = list[i].Date?.AddDays(1) };
                break;
            default:
                var other = StorageClasses.All.FirstOrDefault(c => list.TrueForAll(t => t.StorageClass != c));
                list[i] = other is null ? list[i] with { Days = list[i].Days + 7, Date = list[i].Date?.AddDays(7) } : list[i] with { StorageClass = other };
                break;
        }

        return list.ToValueList();
    }
}

using LakeCircle.Core.Model;

namespace LakeCircle.Core.Export;

/// <summary>
/// The configuration an export writes: the bucket's, rule for rule and field for field, except two shapes that S3
/// refuses and some S3-compatible servers return, each written in the form validation accepts and with the same meaning
/// (the fingerprint never changes):
/// <list type="bullet">
/// <item>an <c>And</c> filter with fewer than two conditions is written as the one condition it holds, or as an empty
/// filter (docs/fingerprint.md, decision 6);</item>
/// <item>in a configuration that mixes rules with the legacy rule-level <c>Prefix</c> and rules with a <c>Filter</c>
/// (Ceph returns a rule PUT with an empty filter as <c>Prefix = ""</c>), each legacy prefix is written as
/// <c>Filter = { Prefix = … }</c> (decision 5).</item>
/// </list>
/// </summary>
internal static class ExportShape
{
    /// <summary>The configuration as exported.</summary>
    public static LifecycleConfiguration Of(LifecycleConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var rules = configuration.Rules.Select(r => r with { Filter = Filter(r.Filter) }).ToList();
        var mixed = rules.Any(r => r.Filter is not null) && rules.Any(r => r.Prefix is not null && r.Filter is null);
        if (mixed)
        {
            rules = [.. rules.Select(r => r.Prefix is { } prefix && r.Filter is null ? r with { Prefix = null, Filter = new LifecycleFilter { Prefix = prefix } } : r)];
        }

        return configuration with { Rules = rules.ToValueList() };
    }

    /// <summary>The filter as exported.</summary>
    public static LifecycleFilter? Filter(LifecycleFilter? filter)
    {
        if (filter?.And is not { } and || filter.PredicateCount != 1)
        {
            return filter;
        }

        var conditions = (and.Prefix is null ? 0 : 1) + and.Tags.Count + (and.ObjectSizeGreaterThan is null ? 0 : 1) + (and.ObjectSizeLessThan is null ? 0 : 1);
        return conditions >= 2
            ? filter
            : new LifecycleFilter
            {
                Prefix = and.Prefix,
                Tag = and.Tags.Count == 1 ? and.Tags[0] : null,
                ObjectSizeGreaterThan = and.ObjectSizeGreaterThan,
                ObjectSizeLessThan = and.ObjectSizeLessThan,
            };
    }
}

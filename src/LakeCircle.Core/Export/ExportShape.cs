using LakeCircle.Core.Model;

namespace LakeCircle.Core.Export;

/// <summary>
/// The configuration an export writes: the bucket's, rule for rule and field for field, except an <c>And</c> filter
/// with fewer than two conditions (which S3 refuses, and some S3-compatible servers keep), written as the one condition
/// it holds or as an empty filter. Both mean the same (docs/fingerprint.md, decision 6); only the bare form passes
/// validation, so the exported definition stays valid. The fingerprint never changes.
/// </summary>
internal static class ExportShape
{
    /// <summary>The configuration as exported.</summary>
    public static LifecycleConfiguration Of(LifecycleConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return configuration with { Rules = configuration.Rules.Select(r => r with { Filter = Filter(r.Filter) }).ToValueList() };
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

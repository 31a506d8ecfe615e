using LakeCircle.Core.Model;

namespace LakeCircle.Core.Impact;

/// <summary>
/// Compares two lifecycle configurations by their effect on object versions, exactly over the filter algebra
/// (prefixes, tags, size ranges, rule status): see <c>docs/impact.md</c>.
/// </summary>
public static class ImpactAnalyzer
{
    /// <summary>Classifies replacing <paramref name="current"/> by <paramref name="desired"/>.</summary>
    /// <param name="current">The bucket's configuration now, or <see langword="null"/> when it has none.</param>
    /// <param name="desired">The configuration to put, or <see langword="null"/> when the lifecycle is to be deleted.</param>
    /// <returns>The impact, with its findings worst first.</returns>
    public static BucketImpact Compare(LifecycleConfiguration? current, LifecycleConfiguration? desired)
    {
        throw new NotImplementedException("The analyzer lands in the next commit.");
    }
}

using System.Collections.Concurrent;
using LakeCircle.Core.Impact;
using LakeCircle.Core.Model;

namespace LakeCircle.Core.Planning;

/// <summary>
/// The impact analysis of one plan, each distinct pair of configurations (current, to put) analysed once: across an
/// organisation many buckets share a definition and drift from it the same way, and the analysis (about a millisecond
/// for ten rules) depends on the two configurations alone. Configurations are compared by value. Thread-safe.
/// </summary>
internal sealed class ImpactMemo
{
    private readonly ConcurrentDictionary<(LifecycleConfiguration? Current, LifecycleConfiguration? Desired), BucketImpact> _impacts = new();

    /// <summary>How many distinct pairs were analysed.</summary>
    public int Analysed => _impacts.Count;

    /// <summary>The impact of replacing <paramref name="current"/> with <paramref name="desired"/>, analysed once per equal pair.</summary>
    public BucketImpact Compare(LifecycleConfiguration? current, LifecycleConfiguration? desired) =>
        _impacts.GetOrAdd((current, desired), static pair => ImpactAnalyzer.Compare(pair.Current, pair.Desired));
}

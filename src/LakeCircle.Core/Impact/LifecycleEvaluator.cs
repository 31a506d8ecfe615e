using LakeCircle.Core.Model;

namespace LakeCircle.Core.Impact;

/// <summary>
/// S3's lifecycle semantics as a pure function: what a configuration does to one object version.
/// Each rule it follows is written down, with its source, in <c>docs/semantics.md</c>.
/// </summary>
public static class LifecycleEvaluator
{
    /// <summary>Computes the schedule of <paramref name="version"/> under <paramref name="configuration"/>.</summary>
    /// <param name="configuration">The bucket's lifecycle configuration (<see cref="LifecycleConfiguration.Empty"/> for none).</param>
    /// <param name="version">The object version.</param>
    /// <param name="versioning">The bucket's versioning state.</param>
    /// <returns>The schedule, in date order.</returns>
    public static ObjectSchedule Evaluate(LifecycleConfiguration configuration, ObjectVersion version, BucketVersioning versioning = BucketVersioning.Unversioned)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(version);
        throw new NotImplementedException("The evaluator lands in the next commit.");
    }
}

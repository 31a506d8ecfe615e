using System.Globalization;
using LakeCircle.Benchmarks.Harness;
using LakeCircle.Core.Model;
using LakeCircle.Core.Planning;
using LakeCircle.Core.Tests.Support;

namespace LakeCircle.Benchmarks.Scenarios;

/// <summary>
/// The pure plan of an account: <see cref="Planner.PlanAccount"/> over 10,000 buckets of 10 rules each. One bucket in
/// ten drifted (a rule added, removed or changed, or the configuration-level minimum size); the others hold the same
/// meaning in other shapes (reordered rules, tags and transitions; empty filters, legacy prefixes, written-out derived
/// IDs), as S3 returns them, so every rule goes through the canonical comparison.
/// </summary>
internal sealed class PlanScenario : IScenario
{
    private const int BucketCount = 10_000;
    private const int RulesPerBucket = 10;

    public string Name => "plan";

    public async Task RunAsync(Report report, BenchmarkOptions options, CancellationToken cancellationToken)
    {
        var generator = new ConfigurationGenerator(seed: 2);
        var mutator = new ConfigurationMutator(generator);
        var desired = new Dictionary<string, LifecycleConfiguration>(StringComparer.Ordinal);
        var actual = new Dictionary<string, BucketState>(StringComparer.Ordinal);
        for (var i = 0; i < BucketCount; i++)
        {
            var bucket = "bucket-" + i.ToString("D5", CultureInfo.InvariantCulture);
            var configuration = generator.Configuration(RulesPerBucket, RulesPerBucket);
            configuration = configuration with { Rules = configuration.Rules.Select(r => r.WithDerivedIdIfMissing()).ToValueList() };
            desired[bucket] = configuration;
            var current = i % 10 == 0 ? mutator.Mutate(configuration).Configuration : mutator.Reshape(mutator.Reorder(configuration));
            actual[bucket] = BucketState.Configured(current);
        }

        AccountPlan? plan = null;
        var measurement = await StopwatchRunner.MeasureAsync(options.Warmups, options.Repetitions(7), () =>
        {
            plan = Planner.PlanAccount(desired, actual);
        });

        var changed = plan!.Buckets.Count(b => b.Status == BucketStatus.Change);
        var perSecond = measurement.PerSecond(BucketCount);
        var figures = measurement.ToFigures();
        figures["buckets"] = BucketCount;
        figures["rulesPerBucket"] = RulesPerBucket;
        figures["bucketsChanged"] = changed;
        figures["bucketsPerSecond"] = Math.Round(perSecond);
        figures["allocatedBytesPerBucket"] = measurement.AllocatedBytes / BucketCount;
        report.Add(new ScenarioResult(Name, "", $"{Format.Count(BucketCount)} buckets x {RulesPerBucket} rules, {Format.Count(changed)} changed  "
            + $"{Format.Count(perSecond)} buckets/s  {Format.Timing(measurement)}", figures));
    }
}

using LakeCircle.Benchmarks.Harness;
using LakeCircle.Core.Model;
using LakeCircle.Core.Tests.Support;

namespace LakeCircle.Benchmarks.Scenarios;

/// <summary>
/// Canonical fingerprints: <see cref="LifecycleRule.Fingerprint"/> of 100,000 generated rules covering every schema
/// shape (no filter, empty filter, prefix, legacy prefix, tag, size bounds, And; every action; one in seven without
/// an ID, whose fingerprint includes the derived ID and so hashes twice). A rule computes its canonical form once and
/// keeps it, so every run fingerprints its own fresh copies (made before the clock starts).
/// </summary>
internal sealed class FingerprintScenario : IScenario
{
    private const int RuleCount = 100_000;

    public string Name => "fingerprints";

    public async Task RunAsync(Report report, BenchmarkOptions options, CancellationToken cancellationToken)
    {
        var generator = new ConfigurationGenerator(seed: 1);
        var rules = new LifecycleRule[RuleCount];
        for (var i = 0; i < rules.Length; i++)
        {
            rules[i] = generator.Rule(i % 7 == 0 ? null : $"rule-{i:D6}");
        }

        var check = 0;
        var runs = new Queue<LifecycleRule[]>();
        for (var i = 0; i < options.Warmups + options.Repetitions(7); i++)
        {
            runs.Enqueue(rules.Select(r => r with { }).ToArray());
        }

        var measurement = await StopwatchRunner.MeasureAsync(options.Warmups, options.Repetitions(7), () =>
        {
            foreach (var rule in runs.Dequeue())
            {
                check ^= rule.Fingerprint[0];
            }
        });

        var perSecond = measurement.PerSecond(RuleCount);
        var figures = measurement.ToFigures();
        figures["rules"] = RuleCount;
        figures["rulesPerSecond"] = Math.Round(perSecond);
        figures["allocatedBytesPerRule"] = measurement.AllocatedBytes / RuleCount;
        report.Add(new ScenarioResult(Name, "", $"{Format.Count(RuleCount)} rules  {Format.Count(perSecond)} rules/s  "
            + $"{Format.Count(measurement.AllocatedBytes / (double)RuleCount)} B/rule  {Format.Timing(measurement)}", figures));
        GC.KeepAlive(check);
    }
}

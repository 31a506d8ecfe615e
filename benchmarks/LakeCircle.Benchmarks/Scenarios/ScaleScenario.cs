using System.Diagnostics;
using System.Globalization;
using LakeCircle.Benchmarks.Harness;
using LakeCircle.Benchmarks.Support;
using LakeCircle.Core;
using LakeCircle.Core.Definitions;
using LakeCircle.Core.Fingerprinting;
using LakeCircle.Core.Gateways;
using LakeCircle.Core.Model;
using LakeCircle.Core.Planning;
using LakeCircle.Core.Tests.Support;
using LakeCircle.Core.Validation;

namespace LakeCircle.Benchmarks.Scenarios;

/// <summary>
/// A large organisation's DRYRUN: <see cref="LakeCircleClient.PlanAsync"/> over 100,000 buckets of 10 rules each,
/// against an <see cref="InMemoryS3Gateway"/> (no latency), with the definitions as TOML files on disk, one bucket per
/// file (the definition format names one bucket per file), in 100 team folders of 1,000 files. The rules come from a
/// pool of 4,000 generated rules, as an organisation's buckets repeat a limited set of policies, and are written out
/// per file, so every file parses into its own rule instances. One bucket in ten drifted (a rule added, removed or
/// changed, or the configuration-level minimum size); the others hold the same meaning in other shapes (reordered
/// rules, tags and transitions).
/// <para>
/// One DRYRUN is measured, cold (the in-memory account's configurations have not been compared before): wall time,
/// process CPU time, bytes allocated and the peak working set of the process during the run (the account and
/// everything else held before the run included; the working set before the run is printed too). Then each stage on
/// its own, over fresh inputs: reading the files, loading the definitions, <see cref="Planner.PlanAccount"/> (its CPU
/// time is the plan-stage figure; the impact analysis of the changed buckets is then run again alone to show its share)
/// and the definitions fingerprint. <c>LAKECIRCLE_SCALE_BUCKETS</c> sets another number of buckets, for a quicker look.
/// </para>
/// </summary>
internal sealed class ScaleScenario : IScenario
{
    // LAKECIRCLE_SCALE_BUCKETS sets another number of buckets (a quicker look while profiling); 100,000 by default.
    private static readonly int BucketCount =
        int.TryParse(Environment.GetEnvironmentVariable("LAKECIRCLE_SCALE_BUCKETS"), NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count > 0 ? count : 100_000;
    private const int RulesPerBucket = 10;
    private const int FilesPerFolder = 1_000;
    private const int RulePool = 4_000;

    public string Name => "scale";

    public async Task RunAsync(Report report, BenchmarkOptions options, CancellationToken cancellationToken)
    {
        using var folder = new TempFolder("lakecircle-scale-");
        var store = new InMemoryS3Gateway();
        long bytes = 0;
        foreach (var (bucket, desired, actual) in Buckets())
        {
            var sub = Path.Combine(folder.Path, "team-" + (int.Parse(bucket.AsSpan(6), CultureInfo.InvariantCulture) / FilesPerFolder).ToString("D3", CultureInfo.InvariantCulture));
            Directory.CreateDirectory(sub);
            var text = TomlDefinitionWriter.Write(bucket, desired);
            await File.WriteAllTextAsync(Path.Combine(sub, bucket + ".toml"), text, cancellationToken);
            bytes += text.Length;
            store.SetLifecycle(bucket, actual);
        }

        // The folder holds more definition files than a folder may by default: the limits are raised for the measurement.
        var source = new LocalDefinitionSource(folder.Path, LocalDefinitionSource.MaxDepth, maxEntries: 2 * BucketCount, maxFiles: BucketCount);
        await DryRunAsync(report, source, store, bytes, cancellationToken);
        await StagesAsync(report, source, cancellationToken);
    }

    private async Task DryRunAsync(Report report, LocalDefinitionSource source, InMemoryS3Gateway store, long bytes, CancellationToken cancellationToken)
    {
        await using var client = new LakeCircleClient(
            new ClientSources(store, source, new InMemoryEndpointStore()), new LakeCircleClientOptions { ReadConcurrency = 16 });
        PeakMemory.Reset();
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var before = process.WorkingSet64;
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var cpuBefore = process.TotalProcessorTime;
        var started = Stopwatch.GetTimestamp();
        var outcome = await client.PlanAsync(cancellationToken: cancellationToken);
        var wallMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        process.Refresh();
        var cpuMs = (process.TotalProcessorTime - cpuBefore).TotalMilliseconds;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        var peak = PeakMemory.Read();
        if (outcome is not { Succeeded: true, Plan: { } plan })
        {
            throw new InvalidOperationException("The DRYRUN did not succeed: " + (outcome.Error ?? string.Join("; ", outcome.Diagnostics.Take(3))));
        }

        var figures = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["buckets"] = BucketCount,
            ["rulesPerBucket"] = RulesPerBucket,
            ["files"] = BucketCount,
            ["bytes"] = bytes,
            ["bucketsChanged"] = plan.Summary.BucketsChanged,
            ["wallMs"] = Math.Round(wallMs),
            ["cpuMs"] = Math.Round(cpuMs),
            ["allocatedBytes"] = allocated,
            ["workingSetBeforeBytes"] = before,
            ["peakWorkingSetBytes"] = peak,
        };
        report.Add(new ScenarioResult(Name, "dryrun", $"{Format.Count(BucketCount)} buckets x {RulesPerBucket} rules in {Format.Count(BucketCount)} files ({Format.Bytes(bytes)}), "
            + $"{Format.Count(plan.Summary.BucketsChanged)} changed  wall {Format.Ms(wallMs)}  CPU {Format.Ms(cpuMs)}  allocated {Format.Bytes(allocated)}  "
            + $"working set before {Format.MiB(before)}, peak {Format.MiB(peak)}", figures));
    }

    private async Task StagesAsync(Report report, LocalDefinitionSource source, CancellationToken cancellationToken)
    {
        // Fresh actual configurations (equal to the account's, other instances): nothing compared before.
        var actual = Buckets().ToDictionary(b => b.Bucket, b => BucketState.Of(b.Actual), StringComparer.Ordinal);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        var (documents, readMs, _, readAllocated) = await TimeAsync(() => source.ReadAsync(cancellationToken));
        var (set, loadMs, _, loadAllocated) = await TimeAsync(() => Task.FromResult(DefinitionLoader.Load(documents)));
        var desired = set.Buckets.ToDictionary(d => d.Bucket, d => d.Configuration, StringComparer.Ordinal);
        documents = null;
        GC.Collect();
        var (plan, planMs, planCpuMs, planAllocated) = await TimeAsync(() => Task.FromResult(Planner.PlanAccount(desired, actual)));
        // The impact analysis of the changed buckets again, alone: its share of the plan stage.
        var changed = plan.Buckets.Where(b => b.Status == BucketStatus.Change).ToList();
        var (_, _, impactCpuMs, impactAllocated) = await TimeAsync(() => Task.FromResult(
            changed.Select(b => LakeCircle.Core.Impact.ImpactAnalyzer.Compare(b.Actual, b.Action == BucketAction.Put ? b.ConfigurationToPut : null)).ToList()));
        var (_, fingerprintMs, _, fingerprintAllocated) = await TimeAsync(() => Task.FromResult(
            DefinitionsFingerprint.Of(set.Buckets.Select(d => KeyValuePair.Create(d.Bucket, d.Configuration)))));

        var figures = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["readMs"] = Math.Round(readMs),
            ["readAllocatedBytes"] = readAllocated,
            ["loadMs"] = Math.Round(loadMs),
            ["loadAllocatedBytes"] = loadAllocated,
            ["planMs"] = Math.Round(planMs),
            ["planCpuMs"] = Math.Round(planCpuMs),
            ["planAllocatedBytes"] = planAllocated,
            ["planAllocatedBytesPerBucket"] = planAllocated / BucketCount,
            ["bucketsChanged"] = plan.Summary.BucketsChanged,
            ["impactCpuMs"] = Math.Round(impactCpuMs),
            ["impactAllocatedBytes"] = impactAllocated,
            ["fingerprintMs"] = Math.Round(fingerprintMs),
            ["fingerprintAllocatedBytes"] = fingerprintAllocated,
        };
        report.Add(new ScenarioResult(Name, "stages", $"read {Format.Ms(readMs)} ({Format.Bytes(readAllocated)})  load {Format.Ms(loadMs)} ({Format.Bytes(loadAllocated)})  "
            + $"plan {Format.Ms(planMs)}, CPU {Format.Ms(planCpuMs)} ({Format.Bytes(planAllocated / (double)BucketCount)}/bucket; impact analysis alone CPU {Format.Ms(impactCpuMs)})  "
            + $"fingerprint {Format.Ms(fingerprintMs)} ({Format.Bytes(fingerprintAllocated)})", figures));
    }

    private static async Task<(T Result, double WallMs, double CpuMs, long Allocated)> TimeAsync<T>(Func<Task<T>> run)
    {
        using var process = Process.GetCurrentProcess();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var cpuBefore = process.TotalProcessorTime;
        var started = Stopwatch.GetTimestamp();
        var result = await run();
        var wallMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        process.Refresh();
        return (result, wallMs, (process.TotalProcessorTime - cpuBefore).TotalMilliseconds, GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore);
    }

    /// <summary>The buckets, the same on every call: name, declared configuration (as written) and the account's configuration.</summary>
    private static IEnumerable<(string Bucket, LifecycleConfiguration Desired, LifecycleConfiguration Actual)> Buckets()
    {
        var generator = new ConfigurationGenerator(seed: 5);
        var mutator = new ConfigurationMutator(generator);
        var pool = new List<LifecycleRule>(RulePool);
        while (pool.Count < RulePool)
        {
            pool.Add(ValidConfigurations.Next(generator, "pool", 1, 1).Rules[0]);
        }

        for (var i = 0; i < BucketCount; i++)
        {
            var bucket = "scale-" + i.ToString("D6", CultureInfo.InvariantCulture);
            var desired = Pick(generator, pool, bucket);
            var stored = desired with { Rules = desired.Rules.Select(r => r.WithDerivedIdIfMissing()).ToValueList() };
            var actual = mutator.Reorder(i % 10 == 0 ? mutator.Mutate(stored).Configuration : stored);
            yield return (bucket, desired, actual);
        }
    }

    /// <summary>Ten rules of the pool with distinct IDs that validation accepts together.</summary>
    private static LifecycleConfiguration Pick(ConfigurationGenerator generator, List<LifecycleRule> pool, string bucket)
    {
        while (true)
        {
            var ids = new HashSet<string>(StringComparer.Ordinal);
            var rules = new List<LifecycleRule>(RulesPerBucket);
            while (rules.Count < RulesPerBucket)
            {
                var rule = generator.Pick(pool);
                if (ids.Add(CanonicalForm.EffectiveId(rule)))
                {
                    rules.Add(rule);
                }
            }

            var configuration = new LifecycleConfiguration { Rules = rules.ToValueList(), TransitionDefaultMinimumObjectSize = generator.Tdmos() };
            var withIds = configuration with { Rules = configuration.Rules.Select(r => r.WithDerivedIdIfMissing()).ToValueList() };
            if (LifecycleValidator.Validate(bucket, withIds).Count == 0)
            {
                return configuration;
            }
        }
    }
}

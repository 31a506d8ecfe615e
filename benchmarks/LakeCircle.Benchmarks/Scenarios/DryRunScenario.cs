using System.Globalization;
using LakeCircle.Benchmarks.Harness;
using LakeCircle.Benchmarks.Support;
using LakeCircle.Core;
using LakeCircle.Core.Archive;
using LakeCircle.Core.Definitions;
using LakeCircle.Core.Gateways;
using LakeCircle.Core.Locking;
using LakeCircle.Core.Model;
using LakeCircle.Core.Planning;
using LakeCircle.Core.Sync;
using LakeCircle.Core.Tests.Support;

namespace LakeCircle.Benchmarks.Scenarios;

/// <summary>
/// DRYRUN end to end (<see cref="LakeCircleClient.PlanAsync"/>: parse and validate the definitions, list the account,
/// read every lifecycle, plan) for 500 buckets, one in ten drifted, over an <see cref="InMemoryS3Gateway"/> behind a
/// fixed per-call latency, at several read concurrencies. First a run without latency: the CPU cost, the ceiling
/// any concurrency meets. With latency, the ideal time is one ListBuckets plus ceil(buckets / concurrency) GETs in a
/// row; efficiency is the ideal time over the measured one. The highest number of calls seen in flight shows the
/// bound holding.
/// </summary>
internal sealed class DryRunScenario : IScenario
{
    private const int BucketCount = 500;

    public string Name => "dryrun";

    public async Task RunAsync(Report report, BenchmarkOptions options, CancellationToken cancellationToken)
    {
        var generator = new ConfigurationGenerator(seed: 4);
        var mutator = new ConfigurationMutator(generator);
        var store = new InMemoryS3Gateway();
        var documents = new List<DefinitionDocument>();
        for (var i = 0; i < BucketCount; i++)
        {
            var bucket = "dry-" + i.ToString("D3", CultureInfo.InvariantCulture);
            var configuration = ValidConfigurations.Next(generator, bucket, 1, 6);
            documents.Add(TomlDefinitionWriter.Document(bucket + ".toml", bucket, configuration));
            store.SetLifecycle(bucket, i % 10 == 0 ? mutator.Mutate(configuration).Configuration : mutator.Reorder(configuration));
        }

        var source = new InMemoryDefinitionSource(documents);
        var latency = TimeSpan.FromMilliseconds(options.LatencyMs);
        await MeasureFreshAsync(report, options, latency, cancellationToken);
        await MeasureAsync(report, options, source, store, TimeSpan.Zero, 16, cancellationToken);
        foreach (var concurrency in options.ReadConcurrencies)
        {
            await MeasureAsync(report, options, source, store, latency, concurrency, cancellationToken);
        }
    }

    /// <summary>
    /// From a fresh start: 10,000 buckets at read concurrency 64 through the latency, each run with a new client (the
    /// first run of the process also pays the JIT of the whole path: it runs before any other DRYRUN here). The target
    /// is within 1.3x of L x (1 + ceil(n / C)).
    /// </summary>
    private async Task MeasureFreshAsync(Report report, BenchmarkOptions options, TimeSpan latency, CancellationToken cancellationToken)
    {
        const int count = 10_000, concurrency = 64;
        var generator = new ConfigurationGenerator(seed: 5);
        var mutator = new ConfigurationMutator(generator);
        var store = new InMemoryS3Gateway();
        var documents = new List<DefinitionDocument>(count);
        for (var i = 0; i < count; i++)
        {
            var bucket = "fresh-" + i.ToString("D5", CultureInfo.InvariantCulture);
            var configuration = ValidConfigurations.Next(generator, bucket, 1, 6);
            documents.Add(TomlDefinitionWriter.Document(bucket + ".toml", bucket, configuration));
            store.SetLifecycle(bucket, i % 10 == 0 ? mutator.Mutate(configuration).Configuration : mutator.Reorder(configuration));
        }

        var source = new InMemoryDefinitionSource(documents);
        var idealMs = latency.TotalMilliseconds * (1 + ((count + concurrency - 1) / concurrency));
        var times = new List<double>();
        PlanOutcome? outcome = null;
        var repetitions = options.Repetitions(5);
        for (var i = 0; i <= repetitions; i++)
        {
            GC.Collect();
            var gateway = new LatencyS3Gateway(store, latency);
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            await using (var client = new LakeCircleClient(new ClientSources(gateway, source, new InMemoryEndpointStore()), new LakeCircleClientOptions { ReadConcurrency = concurrency }))
            {
                outcome = await client.PlanAsync(cancellationToken: cancellationToken);
            }

            times.Add(System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            if (outcome is not { Succeeded: true })
            {
                throw new InvalidOperationException("The DRYRUN did not succeed: " + (outcome?.Error ?? string.Join("; ", outcome?.Diagnostics ?? ValueList<LakeCircle.Core.Diagnostics.Diagnostic>.Empty)));
            }
        }

        var first = times[0];
        var (median, p95) = Measurement.Percentiles(times.Skip(1).ToList());
        var figures = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["buckets"] = count,
            ["latencyMs"] = latency.TotalMilliseconds,
            ["readConcurrency"] = concurrency,
            ["idealMs"] = idealMs,
            ["firstRunMs"] = Math.Round(first, 1),
            ["medianMs"] = Math.Round(median, 1),
            ["p95Ms"] = Math.Round(p95, 1),
            ["repetitions"] = repetitions,
            ["firstRunOverIdeal"] = Math.Round(first / idealMs, 3),
            ["medianOverIdeal"] = Math.Round(median / idealMs, 3),
            ["bucketsChanged"] = outcome!.Plan!.Summary.BucketsChanged,
        };
        report.Add(new ScenarioResult(Name, $"fresh {Format.Count(count)} {latency.TotalMilliseconds:0}ms c={concurrency}",
            $"first run {Format.Ms(first)} ({first / idealMs:N2}x ideal)  then median {Format.Ms(median)} ({median / idealMs:N2}x)  p95 {Format.Ms(p95)}  ideal L(1+ceil(n/C)) {Format.Ms(idealMs)}  peak WS {Format.MiB(PeakMemory.Read())}", figures));
    }

    private async Task MeasureAsync(
        Report report, BenchmarkOptions options, IDefinitionSource source, IS3Gateway store, TimeSpan latency, int concurrency, CancellationToken cancellationToken)
    {
        var gateway = new LatencyS3Gateway(store, latency);
        await using var client = new LakeCircleClient(
            new ClientSources(gateway, source, new InMemoryEndpointStore()), new LakeCircleClientOptions { ReadConcurrency = concurrency });
        var rounds = (BucketCount + concurrency - 1) / concurrency;
        var idealMs = (rounds + 1) * latency.TotalMilliseconds;

        // Long runs (low concurrency) are timed fewer times to keep the whole benchmark short.
        var (warmups, repetitions) = idealMs >= 5_000 ? (0, 1) : idealMs >= 1_000 ? (1, 3) : (options.Warmups, options.Repetitions(5));
        PlanOutcome? outcome = null;
        var measurement = await StopwatchRunner.MeasureAsync(warmups, repetitions, async () =>
        {
            gateway.ResetMaxInFlight();
            outcome = await client.PlanAsync(cancellationToken: cancellationToken);
        });
        if (outcome is not { Succeeded: true, Plan: { } plan })
        {
            throw new InvalidOperationException("The DRYRUN did not succeed: " + (outcome?.Error ?? string.Join("; ", outcome?.Diagnostics ?? ValueList<LakeCircle.Core.Diagnostics.Diagnostic>.Empty)));
        }

        var perSecond = measurement.PerSecond(BucketCount);
        var figures = measurement.ToFigures();
        figures["buckets"] = BucketCount;
        figures["bucketsChanged"] = plan.Summary.BucketsChanged;
        figures["latencyMs"] = latency.TotalMilliseconds;
        figures["readConcurrency"] = concurrency;
        figures["maxCallsInFlight"] = gateway.MaxInFlight;
        figures["bucketsPerSecond"] = Math.Round(perSecond);
        var line = $"{Format.Count(perSecond)} buckets/s  in flight max {gateway.MaxInFlight}";
        if (latency > TimeSpan.Zero)
        {
            var efficiency = idealMs / measurement.MedianMs;
            figures["idealMs"] = idealMs;
            figures["efficiency"] = Math.Round(efficiency, 3);
            line += $"  ideal {Format.Ms(idealMs)} ({Format.Percent(efficiency)})";
        }

        var label = latency > TimeSpan.Zero ? $"{latency.TotalMilliseconds:0}ms c={concurrency}" : $"0ms c={concurrency}";
        report.Add(new ScenarioResult(Name, label, line + "  " + Format.Timing(measurement), figures));
    }
}

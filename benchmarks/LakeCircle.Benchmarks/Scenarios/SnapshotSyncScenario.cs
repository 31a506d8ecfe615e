using System.Diagnostics;
using System.Globalization;
using LakeCircle.Benchmarks.Harness;
using LakeCircle.Benchmarks.Support;
using LakeCircle.Core;
using LakeCircle.Core.Definitions;
using LakeCircle.Core.Gateways;
using LakeCircle.Core.Model;
using LakeCircle.Core.Planning;
using LakeCircle.Core.Sync;
using LakeCircle.Core.Tests.Support;

namespace LakeCircle.Benchmarks.Scenarios;

/// <summary>
/// SYNC end to end over an account snapshot file, as <c>lakecircle sync --snapshot FILE</c> runs it: the snapshot
/// opened, then <see cref="LakeCircleClient.SyncAsync"/> over it with a local-folder endpoint. 20,000 buckets of 1 to 6
/// rules, every one drifted, so each gets the whole safety net (lock renewed and confirmed, re-read, archive before and
/// after, one PUT, verification) and the run record lists all of them; the snapshot file is saved once, at the end.
/// The definitions are TOML documents in memory, parsed and validated by the run: a local definition folder holds at
/// most 10,000 files (docs/definitions.md). Each timed repetition starts from the drifted snapshot and an empty
/// endpoint (set up untimed); a run of 500 buckets first warms the code up.
/// </summary>
internal sealed class SnapshotSyncScenario : IScenario
{
    private const int BucketCount = 20_000;
    private const int WarmupBuckets = 500;

    public string Name => "snapshot";

    public async Task RunAsync(Report report, BenchmarkOptions options, CancellationToken cancellationToken)
    {
        using var folder = new TempFolder("lakecircle-bench-snapshot-");
        var warmup = Prepare(Path.Combine(folder.Path, "warmup"), WarmupBuckets, seed: 6);
        var account = Prepare(Path.Combine(folder.Path, "account"), BucketCount, seed: 5);
        if (options.Warmups > 0)
        {
            await warmup.ResetAsync(cancellationToken);
            await SyncAsync(warmup, cancellationToken);
        }

        var repetitions = options.Repetitions(1);
        var durations = new double[repetitions];
        var allocations = new long[repetitions];
        var processorMs = new double[repetitions];
        RunOutcome? outcome = null;
        for (var i = 0; i < repetitions; i++)
        {
            await account.ResetAsync(cancellationToken);
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            var processorBefore = ProcessorTime();
            var started = Stopwatch.GetTimestamp();
            outcome = await SyncAsync(account, cancellationToken);
            durations[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            processorMs[i] = (ProcessorTime() - processorBefore).TotalMilliseconds;
            allocations[i] = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
            if (!outcome.Succeeded || outcome.Summary.Applied != BucketCount)
            {
                throw new InvalidOperationException(
                    $"The snapshot SYNC did not apply all {BucketCount} buckets ({outcome.Status}, {outcome.Summary.Applied} applied): "
                    + string.Join("; ", new[] { outcome.Error ?? "" }.Concat(outcome.Diagnostics.Take(3).Select(d => d.ToString())).Concat(outcome.Errors).Concat(outcome.Buckets.Where(b => b.Error is not null).Take(3).Select(b => $"{b.Bucket}: {b.Error}"))));
            }
        }

        var (median, p95) = Measurement.Percentiles(durations);
        Array.Sort(allocations);
        var measurement = new Measurement(repetitions, median, p95, durations.Min(), allocations[repetitions / 2], PeakMemory.Read());
        var perSecond = measurement.PerSecond(BucketCount);
        var figures = measurement.ToFigures();
        figures["buckets"] = BucketCount;
        figures["bucketsApplied"] = outcome!.Summary.Applied;
        figures["seconds"] = Math.Round(measurement.MedianMs / 1000, 2);
        figures["bucketsPerSecond"] = Math.Round(perSecond);
        figures["snapshotBytes"] = new FileInfo(account.SnapshotPath).Length;
        var processorSeconds = Measurement.Percentiles(processorMs).Median / 1000;
        figures["processorSeconds"] = Math.Round(processorSeconds, 2);
        report.Add(new ScenarioResult(Name, "sync", $"{Format.Count(BucketCount)} buckets, all changed  {measurement.MedianMs / 1000:0.00} s  "
            + $"{Format.Count(perSecond)} buckets/s  CPU {processorSeconds:0.0} s  {Format.Timing(measurement)}", figures));
    }

    /// <summary>The processor time of the whole process (user and system, every thread): read beside the wall time on a busy machine.</summary>
    private static TimeSpan ProcessorTime()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }

    private static async Task<RunOutcome> SyncAsync(Account account, CancellationToken cancellationToken)
    {
        var snapshot = await SnapshotS3Gateway.OpenAsync(account.SnapshotPath, cancellationToken);
        var sources = new ClientSources(snapshot, new InMemoryDefinitionSource(account.Definitions), new LocalEndpointStore(account.EndpointFolder));
        await using var client = new LakeCircleClient(sources, new LakeCircleClientOptions { Account = Account.Id, Region = Account.Region, SecretValues = [] });
        return await client.SyncAsync(cancellationToken: cancellationToken);
    }

    /// <summary>The definitions (as a definition folder's files would be read) and the drifted account.</summary>
    private static Account Prepare(string root, int count, int seed)
    {
        var generator = new ConfigurationGenerator(seed);
        var mutator = new ConfigurationMutator(generator);
        var documents = new List<DefinitionDocument>();
        var drifted = new Dictionary<string, LifecycleConfiguration?>(StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var bucket = "snap-" + i.ToString("D5", CultureInfo.InvariantCulture);
            var configuration = ValidConfigurations.Next(generator, bucket, 1, 6);
            documents.Add(TomlDefinitionWriter.Document(Path.Combine(root, "definition", bucket + ".toml"), bucket, configuration));
            drifted[bucket] = Drift(bucket, i, configuration, mutator);
        }

        Directory.CreateDirectory(root);
        return new Account(Path.Combine(root, "account.json"), Path.Combine(root, "endpoint"), documents, drifted);
    }

    /// <summary>Every bucket differs from its definition (as the plan sees it): one in ten has no configuration, the others a changed rule.</summary>
    private static LifecycleConfiguration? Drift(string bucket, int index, LifecycleConfiguration desired, ConfigurationMutator mutator)
    {
        if (index % 10 == 0)
        {
            return null;
        }

        var withIds = desired with { Rules = desired.Rules.Select(r => r.WithDerivedIdIfMissing()).ToValueList() };
        while (true)
        {
            var mutated = mutator.Mutate(desired).Configuration;
            if (Planner.PlanBucket(bucket, withIds, mutated).Action != BucketAction.None)
            {
                return mutated;
            }
        }
    }

    private sealed record Account(
        string SnapshotPath, string EndpointFolder, IReadOnlyList<DefinitionDocument> Definitions, IReadOnlyDictionary<string, LifecycleConfiguration?> Drifted)
    {
        public const string Id = "123456789012";

        public const string Region = "eu-west-1";

        /// <summary>The drifted snapshot again, and an empty endpoint (no archive, lock or record).</summary>
        public async Task ResetAsync(CancellationToken cancellationToken)
        {
            if (Directory.Exists(EndpointFolder))
            {
                Directory.Delete(EndpointFolder, recursive: true);
            }

            await SnapshotS3Gateway.CreateAsync(SnapshotPath, Id, Region, Drifted, cancellationToken);
        }
    }
}

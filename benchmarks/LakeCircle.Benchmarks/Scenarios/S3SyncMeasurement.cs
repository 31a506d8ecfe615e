using System.Diagnostics;
using LakeCircle.Benchmarks.Harness;
using LakeCircle.Benchmarks.Support;
using LakeCircle.Core;
using LakeCircle.Core.Archive;
using LakeCircle.Core.Gateways;
using LakeCircle.Core.Locking;
using LakeCircle.Core.Sync;

namespace LakeCircle.Benchmarks.Scenarios;

/// <summary>
/// One SYNC of the S3 scenario's buckets to a new generation of their configuration at a given write concurrency
/// (reads at 16), timed once, then a DRYRUN that must plan no change (a second run after a sync converges). The sync
/// runs inside the whole safety net (lock, re-read before each write, archive, verification, run record) with the
/// endpoint in memory, so the figures are those of the S3 calls.
/// </summary>
internal sealed class S3SyncMeasurement(AwsS3Gateway gateway, IReadOnlyList<string> buckets)
{
    public async Task<ScenarioResult> RunAsync(string scenario, int writeConcurrency, int generation, CancellationToken cancellationToken)
    {
        var source = new InMemoryDefinitionSource(S3Fixtures.Definitions(buckets, generation));
        var options = new LakeCircleClientOptions { ReadConcurrency = 16, WriteConcurrency = writeConcurrency };
        await using var client = new LakeCircleClient(new ClientSources(gateway, source, new InMemoryEndpointStore()), options);
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var started = Stopwatch.GetTimestamp();
        var outcome = await client.SyncAsync(cancellationToken: cancellationToken);
        var elapsed = Stopwatch.GetElapsedTime(started);
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        var check = await client.PlanAsync(cancellationToken: cancellationToken);

        var durations = outcome.Buckets.Select(b => b.Duration.TotalMilliseconds).DefaultIfEmpty(0).ToList();
        var (median, p95) = Measurement.Percentiles(durations);
        var stalled = durations.Count(d => d >= 1_000);
        var applied = outcome.Summary.Applied;
        var perSecond = applied / elapsed.TotalSeconds;
        var left = check.Plan?.Summary.BucketsChanged ?? -1;
        var figures = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["writeConcurrency"] = writeConcurrency,
            ["buckets"] = buckets.Count,
            ["applied"] = applied,
            ["failed"] = outcome.Summary.Failed,
            ["elapsedMs"] = Math.Round(elapsed.TotalMilliseconds, 1),
            ["putsPerSecond"] = Math.Round(perSecond, 1),
            ["putMedianMs"] = Math.Round(median, 2),
            ["putP95Ms"] = Math.Round(p95, 2),
            ["putMaxMs"] = Math.Round(durations.Max(), 1),
            ["putsOver1s"] = stalled,
            ["allocatedBytes"] = allocated,
            ["changesLeftAfterSync"] = left,
        };
        return new ScenarioResult(scenario, $"SYNC write c={writeConcurrency}",
            $"{applied} PUTs ({outcome.Summary.Failed} failed) in {Format.Ms(elapsed.TotalMilliseconds)}  {perSecond:N1} PUTs/s  "
            + $"PUT median {Format.Ms(median)} p95 {Format.Ms(p95)} max {Format.Ms(durations.Max())}, {stalled} over 1 s  "
            + $"changes left after: {left}  alloc {Format.Bytes(allocated)}", figures);
    }
}

using System.Diagnostics;
using System.Globalization;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using LakeCircle.Benchmarks.Harness;
using LakeCircle.Benchmarks.Support;
using LakeCircle.Core.Gateways;
using LakeCircle.Core.Sync;

namespace LakeCircle.Benchmarks.Scenarios;

/// <summary>
/// A real S3 server (the local Ceph radosgw of scripts/local-s3.sh, found through LCC_TEST_S3_ENDPOINT,
/// LCC_TEST_S3_ACCESS_KEY and LCC_TEST_S3_SECRET_KEY): 300 buckets with lifecycle configurations, then lifecycle GETs
/// through <see cref="AwsS3Gateway"/> at each read concurrency, then a SYNC that changes every bucket at write
/// concurrency 1 and again at 2, each followed by a DRYRUN that must find nothing left to change. The buckets are
/// removed at the end.
/// </summary>
internal sealed class LocalS3Scenario : IScenario
{
    private const int BucketCount = 300;

    public string Name => "s3";

    public async Task RunAsync(Report report, BenchmarkOptions options, CancellationToken cancellationToken)
    {
        if (S3Fixtures.Server(report, Name) is not { } server)
        {
            return;
        }

        var (endpoint, accessKey, secretKey) = server;

        var gatewayOptions = new AwsS3GatewayOptions
        {
            ServiceUrl = endpoint,
            Region = Environment.GetEnvironmentVariable("LCC_TEST_S3_REGION") is { Length: > 0 } region ? region : "us-east-1",
            ForcePathStyle = true,
            ChecksumWhenRequired = true,
        };
        using var client = new AmazonS3Client(new BasicAWSCredentials(accessKey, secretKey), AmazonS3ClientFactory.CreateConfig(gatewayOptions));
        using var gateway = new AwsS3Gateway(client, gatewayOptions);
        var prefix = "lcbench-" + Guid.NewGuid().ToString("N")[..8];
        var buckets = Enumerable.Range(0, BucketCount).Select(i => prefix + "-" + i.ToString("D3", CultureInfo.InvariantCulture)).ToList();
        report.Note($"s3: {endpoint}, {BucketCount} buckets named {prefix}-NNN");
        try
        {
            await ForEachAsync(buckets, 16, (b, t) => client.PutBucketAsync(new PutBucketRequest { BucketName = b }, t), cancellationToken);
            var seeding = Stopwatch.StartNew();
            foreach (var bucket in buckets)
            {
                await gateway.PutLifecycleAsync(bucket, S3Fixtures.Configuration(generation: 0), cancellationToken);
            }

            report.Note($"s3: seeded: {BucketCount} lifecycle PUTs one at a time in {Format.Ms(seeding.Elapsed.TotalMilliseconds)} "
                + $"({Format.Count(BucketCount / seeding.Elapsed.TotalSeconds)} PUTs/s)");

            foreach (var concurrency in options.ReadConcurrencies)
            {
                var measurement = await StopwatchRunner.MeasureAsync(options.Warmups, options.Repetitions(5), () =>
                    ForEachAsync(buckets, concurrency, (b, t) => gateway.GetLifecycleAsync(b, t), cancellationToken));
                var perSecond = measurement.PerSecond(BucketCount);
                var figures = measurement.ToFigures();
                figures["gets"] = BucketCount;
                figures["readConcurrency"] = concurrency;
                figures["getsPerSecond"] = Math.Round(perSecond);
                figures["meanLatencyMs"] = Math.Round(concurrency * 1000.0 / perSecond, 2);
                report.Add(new ScenarioResult(Name, $"GET c={concurrency}",
                    $"{Format.Count(perSecond)} GETs/s  mean latency {Format.Ms(concurrency * 1000.0 / perSecond)}  {Format.Timing(measurement)}", figures));
            }

            var sync = new S3SyncMeasurement(gateway, buckets);
            report.Add(await sync.RunAsync(Name, writeConcurrency: 1, generation: 1, cancellationToken));
            report.Add(await sync.RunAsync(Name, writeConcurrency: 2, generation: 2, cancellationToken));
        }
        finally
        {
            await ForEachAsync(buckets, 16, async (b, t) =>
            {
                try
                {
                    await client.DeleteBucketAsync(new DeleteBucketRequest { BucketName = b }, t);
                }
                catch (AmazonS3Exception)
                {
                    // Not created, or already gone.
                }
            }, CancellationToken.None);
        }
    }

    private static Task ForEachAsync(IEnumerable<string> buckets, int concurrency, Func<string, CancellationToken, Task> call, CancellationToken cancellationToken) =>
        Parallel.ForEachAsync(buckets, new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken },
            async (bucket, token) => await call(bucket, token));
}

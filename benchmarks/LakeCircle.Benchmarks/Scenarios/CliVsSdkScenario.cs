using System.Diagnostics;
using System.Globalization;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using LakeCircle.Benchmarks.Harness;
using LakeCircle.Benchmarks.Support;
using LakeCircle.Core.Gateways;

namespace LakeCircle.Benchmarks.Scenarios;

/// <summary>
/// The CLI's DRYRUN as a whole process (<c>lakecircle dryrun</c>, local TOML definitions, default output and logs)
/// against the bare SDK: a process of its own (<see cref="BareSdkLoop"/>) making the calls a DRYRUN cannot do without
/// (every ListBuckets page, one lifecycle GET per defined bucket) at the same concurrency. Interleaved in one run,
/// A B A B …, after one untimed pair; the figure is the median of the per-pair ratios. Against the local radosgw
/// (LCC_TEST_S3_ENDPOINT) for each size of <see cref="BenchmarkOptions.CliBuckets"/> (one bucket in twenty without
/// lifecycle, one in twenty drifted), then against its latency gateway (LCC_TEST_S3_LATENCY_ENDPOINT, about 45 ms a
/// call: scripts/local-s3.sh) for <see cref="BenchmarkOptions.LatencyBuckets"/> buckets at concurrency 16 and 64.
/// The calls each side made are counted by kind from the gateway's own log, beside the minimum.
/// </summary>
internal sealed class CliVsSdkScenario : IScenario
{
    private const string Account = "123456789012";

    public string Name => "cli";

    public async Task RunAsync(Report report, BenchmarkOptions options, CancellationToken cancellationToken)
    {
        if (S3Fixtures.Server(report, Name) is not { } server)
        {
            return;
        }

        var (endpoint, accessKey, secretKey) = server;

        using var folder = new TempFolder("lcbench-cli");
        var cli = await CliPathAsync(folder.Path, cancellationToken);
        var self = Environment.ProcessPath ?? throw new InvalidOperationException("The benchmark's own executable is unknown.");
        var latencyEndpoint = Environment.GetEnvironmentVariable("LCC_TEST_S3_LATENCY_ENDPOINT");
        var logFolder = Path.Combine(Environment.GetEnvironmentVariable("LOCAL_S3_DIR") is { Length: > 0 } dir ? dir : Path.Combine(RepositoryRoot(), ".local-s3"), "log");
        report.Note($"cli: {cli} against {endpoint}" + (string.IsNullOrEmpty(latencyEndpoint) ? " (no latency gateway: start scripts/local-s3.sh with LOCAL_S3_LATENCY_GATEWAY=1)" : $" and the latency gateway {latencyEndpoint}"));

        var gatewayOptions = new AwsS3GatewayOptions { ServiceUrl = endpoint, Region = "us-east-1", ForcePathStyle = true, ChecksumWhenRequired = true };
        using var client = new AmazonS3Client(new BasicAWSCredentials(accessKey, secretKey), AmazonS3ClientFactory.CreateConfig(gatewayOptions));
        using var gateway = new AwsS3Gateway(client, gatewayOptions);
        var prefix = "lcb-" + Guid.NewGuid().ToString("N")[..8];
        var buckets = new List<string>();
        var credentials = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["AWS_ACCESS_KEY_ID"] = accessKey,
            ["AWS_SECRET_ACCESS_KEY"] = secretKey,
            ["AWS_REGION"] = "us-east-1",
            ["AWS_REQUEST_CHECKSUM_CALCULATION"] = "when_required",
            ["AWS_RESPONSE_CHECKSUM_VALIDATION"] = "when_required",
            ["LCC_TEST_S3_ACCESS_KEY"] = accessKey,
            ["LCC_TEST_S3_SECRET_KEY"] = secretKey,
        };
        var keep = Environment.GetEnvironmentVariable("LCC_BENCH_DISPOSABLE_S3") == "1";
        try
        {
            foreach (var size in options.CliBuckets.Order())
            {
                await GrowAsync(report, client, gateway, prefix, buckets, size, cancellationToken);
                var set = Prepare(folder.Path, "fast-" + size.ToString(CultureInfo.InvariantCulture), buckets);
                await CompareAsync(report, options, cli, self, endpoint, set, credentials, buckets.Count, 16, new AccessLog(Path.Combine(logFolder, "client.rgw.a.log")), $"{Format.Count(size)} buckets c=16", cancellationToken);
            }

            if (!string.IsNullOrEmpty(latencyEndpoint))
            {
                var size = options.LatencyBuckets;
                await GrowAsync(report, client, gateway, prefix, buckets, size, cancellationToken);
                var set = Prepare(folder.Path, "slow-" + size.ToString(CultureInfo.InvariantCulture), buckets[..size]);
                var log = new AccessLog(Path.Combine(logFolder, "client.rgw.b.log"));
                foreach (var concurrency in new[] { 16, 64 })
                {
                    await CompareAsync(report, options, cli, self, latencyEndpoint, set, credentials, buckets.Count, concurrency, log, $"~45ms {Format.Count(size)} buckets c={concurrency}", cancellationToken);
                }
            }
        }
        finally
        {
            if (!keep)
            {
                await Parallel.ForEachAsync(buckets, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (bucket, token) =>
                {
                    try
                    {
                        await client.DeleteBucketAsync(new DeleteBucketRequest { BucketName = bucket }, token);
                    }
                    catch (AmazonS3Exception)
                    {
                        // Already gone.
                    }
                });
            }
        }
    }

    /// <summary>A definition set: an endpoint folder with one TOML file per bucket (desired: generation 0), and the bucket list for the bare loop.</summary>
    private sealed record DefinitionSet(string Endpoint, string BucketsFile, int Count, int Drifted, int WithoutLifecycle);

    private static DefinitionSet Prepare(string root, string name, IReadOnlyList<string> buckets)
    {
        var endpoint = Path.Combine(root, name);
        var definitions = Path.Combine(endpoint, "definition");
        Directory.CreateDirectory(definitions);
        var desired = S3Fixtures.Configuration(generation: 0);
        foreach (var bucket in buckets)
        {
            File.WriteAllText(Path.Combine(definitions, bucket + ".toml"), TomlDefinitionWriter.Write(bucket, desired));
        }

        var list = Path.Combine(root, name + ".buckets");
        File.WriteAllLines(list, buckets);
        var drifted = buckets.Count(b => Index(b) % 20 == 1);
        var without = buckets.Count(b => Index(b) % 20 == 0);
        return new DefinitionSet(endpoint, list, buckets.Count, drifted, without);
    }

    /// <summary>Creates buckets up to <paramref name="size"/>: one in twenty without lifecycle, one in twenty drifted (generation 1), the rest as defined.</summary>
    private static async Task GrowAsync(Report report, AmazonS3Client client, AwsS3Gateway gateway, string prefix, List<string> buckets, int size, CancellationToken cancellationToken)
    {
        if (buckets.Count >= size)
        {
            return;
        }

        var added = Enumerable.Range(buckets.Count, size - buckets.Count).Select(i => prefix + "-" + i.ToString("D5", CultureInfo.InvariantCulture)).ToList();
        var watch = Stopwatch.StartNew();
        await Parallel.ForEachAsync(added, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken },
            async (bucket, token) => await client.PutBucketAsync(new PutBucketRequest { BucketName = bucket }, token));
        var created = watch.Elapsed;

        // One at a time: radosgw serialises lifecycle writes and sleeps 5 s when two clash (docs/benchmarks.md).
        foreach (var bucket in added.Where(b => Index(b) % 20 != 0))
        {
            await gateway.PutLifecycleAsync(bucket, S3Fixtures.Configuration(generation: Index(bucket) % 20 == 1 ? 1 : 0), cancellationToken);
        }

        buckets.AddRange(added);
        report.Note($"cli: {Format.Count(added.Count)} buckets created in {created.TotalSeconds:N1} s and seeded in {(watch.Elapsed - created).TotalSeconds:N1} s ({prefix}-NNNNN)");
    }

    private static int Index(string bucket) => int.Parse(bucket[(bucket.LastIndexOf('-') + 1)..], CultureInfo.InvariantCulture);

    private async Task CompareAsync(
        Report report, BenchmarkOptions options, string cli, string self, string endpoint, DefinitionSet set, Dictionary<string, string?> credentials,
        int accountBuckets, int concurrency, AccessLog log, string label, CancellationToken cancellationToken)
    {
        var cliEnvironment = new Dictionary<string, string?>(credentials, StringComparer.Ordinal)
        {
            ["LCC_ENDPOINT"] = set.Endpoint,
            ["LCC_AWS_ACCOUNT"] = Account,
            ["LCC_AWS_REGION"] = "us-east-1",
            ["LCC_S3_ENDPOINT"] = endpoint,
        };
        string[] cliArguments = ["dryrun", "--concurrency", concurrency.ToString(CultureInfo.InvariantCulture)];
        string[] bareArguments = [BareSdkLoop.Command, endpoint, concurrency.ToString(CultureInfo.InvariantCulture), set.BucketsFile];

        async Task<ProcessRun> Cli()
        {
            var run = await ProcessRun.RunAsync(cli, cliArguments, cliEnvironment, cancellationToken);
            var expected = $"Plan: {(set.Drifted + set.WithoutLifecycle).ToString(CultureInfo.InvariantCulture)} buckets to change";
            if (run.ExitCode != 0 || !run.Output.Contains(expected, StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"lakecircle dryrun failed (exit {run.ExitCode}, expected '{expected}'):\n{run.ErrorTail}\n{Tail(run.Output)}");
            }

            return run;
        }

        async Task<ProcessRun> Bare()
        {
            var run = await ProcessRun.RunAsync(self, bareArguments, credentials, cancellationToken);
            var expected = $"read {set.Count - set.WithoutLifecycle} lifecycles, {set.WithoutLifecycle} without";
            if (run.ExitCode != 0 || !run.Output.Contains(expected, StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"the bare SDK loop failed (exit {run.ExitCode}, expected '{expected}'): {run.Output}\n{run.ErrorTail}");
            }

            return run;
        }

        // Calls by kind, from the server's log, one run of each outside the timed pairs (they also warm both up).
        var mark = log.Mark();
        var firstCli = await Cli();
        var cliCalls = await log.CountSinceAsync(mark, cancellationToken);
        mark = log.Mark();
        await Bare();
        var bareCalls = await log.CountSinceAsync(mark, cancellationToken);

        var pairs = options.Repetitions(5);
        var cliTimes = new double[pairs];
        var bareTimes = new double[pairs];
        var ratios = new double[pairs];
        for (var i = 0; i < pairs; i++)
        {
            cliTimes[i] = (await Cli()).ElapsedMs;
            bareTimes[i] = (await Bare()).ElapsedMs;
            ratios[i] = cliTimes[i] / bareTimes[i];
        }

        var (cliMedian, cliP95) = Measurement.Percentiles(cliTimes);
        var (bareMedian, _) = Measurement.Percentiles(bareTimes);
        var (ratio, _) = Measurement.Percentiles(ratios);
        var pages = Math.Max(1, (accountBuckets + 9_999) / 10_000);
        var minimum = new SortedDictionary<string, int>(StringComparer.Ordinal) { ["GetBucketLifecycleConfiguration"] = set.Count, ["ListBuckets"] = pages };
        var figures = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["buckets"] = set.Count,
            ["accountBuckets"] = accountBuckets,
            ["readConcurrency"] = concurrency,
            ["pairs"] = pairs,
            ["cliMedianMs"] = Math.Round(cliMedian, 1),
            ["cliP95Ms"] = Math.Round(cliP95, 1),
            ["bareMedianMs"] = Math.Round(bareMedian, 1),
            ["ratio"] = Math.Round(ratio, 3),
            ["ratios"] = ratios.Select(r => Math.Round(r, 3)).ToArray(),
            ["cliCalls"] = cliCalls,
            ["bareCalls"] = bareCalls,
            ["minimumCalls"] = minimum,
            ["cliStderrLines"] = firstCli.ErrorLines,
        };
        report.Add(new ScenarioResult(Name, label,
            $"ratio {ratio:N2}x  lakecircle median {Format.Ms(cliMedian)} (p95 {Format.Ms(cliP95)})  bare SDK median {Format.Ms(bareMedian)}  ({pairs} pairs)", figures));
        report.Note($"cli: calls: lakecircle {AccessLog.Describe(cliCalls)}; bare SDK {AccessLog.Describe(bareCalls)}; minimum {AccessLog.Describe(minimum)}; lakecircle wrote {firstCli.ErrorLines} lines on stderr");
    }

    private static string Tail(string text) => text.Length <= 2_000 ? text : text[^2_000..];

    /// <summary>
    /// The CLI as users run it: LCC_BENCH_CLI when set; else the packed tool (scripts/pack.sh, which scripts/bench.sh
    /// runs) installed with <c>dotnet tool install</c> into a tool path under <paramref name="folder"/>; else the
    /// Release build's executable.
    /// </summary>
    private static async Task<string> CliPathAsync(string folder, CancellationToken cancellationToken)
    {
        if (Environment.GetEnvironmentVariable("LCC_BENCH_CLI") is { Length: > 0 } given)
        {
            return given;
        }

        if (Directory.Exists(Path.Combine(RepositoryRoot(), "artifacts", "packages")) || Environment.GetEnvironmentVariable("LCC_BENCH_PACKAGES") is { Length: > 0 })
        {
            return (await StartupScenario.InstallAsync(Path.Combine(folder, "installed"), cancellationToken)).Tool;
        }

        var path = Path.Combine(RepositoryRoot(), "src", "LakeCircle.Cli", "bin", "Release", "net10.0", "lakecircle");
        return File.Exists(path) ? path : throw new InvalidOperationException($"No CLI at {path}: build it (dotnet build src/LakeCircle.Cli -c Release), pack it (scripts/pack.sh) or set LCC_BENCH_CLI.");
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "LakeCircle.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (LakeCircle.sln) is not above the benchmark's folder.");
    }
}

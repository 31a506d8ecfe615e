using System.Globalization;

namespace LakeCircle.Benchmarks;

/// <summary>
/// The command line: <c>[--json] [--s3] [--only name,…] [--reps N] [--warmups N] [--latency-ms N] [--concurrency 1,4,…]</c>.
/// </summary>
internal sealed record BenchmarkOptions
{
    public const string Usage =
        "usage: LakeCircle.Benchmarks [--json] [--s3] [--only fingerprints,plan,definitions,dryrun,inventory,snapshot,s3,cli,startup,scale]\n"
        + "                             [--reps N] [--warmups N] [--latency-ms N] [--concurrency 1,4,16,64,256] [--cli-buckets 3000,10000]\n"
        + "                             [--latency-buckets 1000]";

    /// <summary>Print the JSON summary on standard output (the lines go to standard error).</summary>
    public bool Json { get; init; }

    /// <summary>Run the local S3 scenario too (needs LCC_TEST_S3_ENDPOINT, LCC_TEST_S3_ACCESS_KEY, LCC_TEST_S3_SECRET_KEY).</summary>
    public bool S3 { get; init; }

    /// <summary>The scenarios to run; empty for all.</summary>
    public IReadOnlySet<string> Only { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Timed repetitions, overriding each scenario's default; <see langword="null"/> for the defaults.</summary>
    public int? Reps { get; init; }

    /// <summary>Untimed runs before the timed ones.</summary>
    public int Warmups { get; init; } = 1;

    /// <summary>The latency the DRYRUN scenario adds to each call.</summary>
    public int LatencyMs { get; init; } = 20;

    /// <summary>The read concurrencies measured (and the S3 scenario's GET concurrencies).</summary>
    public IReadOnlyList<int> ReadConcurrencies { get; init; } = [1, 4, 16, 64, 256];

    /// <summary>The account sizes of the CLI scenario against the fast server.</summary>
    public IReadOnlyList<int> CliBuckets { get; init; } = [3_000, 10_000];

    /// <summary>The buckets the CLI scenario reads through the latency gateway.</summary>
    public int LatencyBuckets { get; init; } = 1_000;

    public int Repetitions(int defaultCount) => Reps ?? defaultCount;

    public bool Runs(string scenario) => Only.Count == 0 || Only.Contains(scenario);

    public static BenchmarkOptions Parse(IReadOnlyList<string> args)
    {
        var options = new BenchmarkOptions();
        for (var i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            options = args[i] switch
            {
                "--json" => options with { Json = true },
                "--s3" => options with { S3 = true },
                "--only" => options with { Only = Value().Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal) },
                "--reps" => options with { Reps = Positive(Value()) },
                "--warmups" => options with { Warmups = Positive(Value(), allowZero: true) },
                "--latency-ms" => options with { LatencyMs = Positive(Value()) },
                "--cli-buckets" => options with { CliBuckets = Value().Split(',').Select(v => Positive(v)).ToList() },
                "--latency-buckets" => options with { LatencyBuckets = Positive(Value()) },
                "--concurrency" => options with { ReadConcurrencies = Value().Split(',').Select(v => Positive(v)).ToList() },
                _ => throw new ArgumentException($"Unknown argument '{args[i]}'."),
            };
        }

        return options;
    }

    private static int Positive(string text, bool allowZero = false) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && (value > 0 || (allowZero && value == 0))
            ? value
            : throw new ArgumentException($"'{text}' is not a {(allowZero ? "non-negative" : "positive")} integer.");
}

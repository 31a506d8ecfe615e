using LakeCircle.Benchmarks.Support;
using LakeCircle.Core.Definitions;
using LakeCircle.Core.Model;

namespace LakeCircle.Benchmarks.Scenarios;

/// <summary>
/// The configuration the S3 scenario gives its buckets: three rules (prefix expiration, two transitions, multipart
/// clean-up for the whole bucket); each generation expires logs one day later, so a SYNC to the next generation
/// changes every bucket.
/// </summary>
internal static class S3Fixtures
{
    public static LifecycleConfiguration Configuration(int generation) => LifecycleConfiguration.Of(
        new LifecycleRule
        {
            Id = "expire-logs",
            Filter = new LifecycleFilter { Prefix = "logs/" },
            Expiration = new LifecycleExpiration { Days = 30 + generation },
        },
        new LifecycleRule
        {
            Id = "archive-data",
            Filter = new LifecycleFilter { Prefix = "data/" },
            Transitions = ValueList.Of(
                new LifecycleTransition { Days = 30, StorageClass = StorageClasses.StandardIA },
                new LifecycleTransition { Days = 90, StorageClass = StorageClasses.Glacier }),
        },
        new LifecycleRule
        {
            Id = "abort-uploads",
            Filter = LifecycleFilter.MatchAll,
            AbortIncompleteMultipartUpload = new AbortIncompleteMultipartUpload { DaysAfterInitiation = 7 },
        });

    /// <summary>The local S3 server of scripts/local-s3.sh from its LCC_TEST_S3_* variables, or <see langword="null"/>
    /// (and a note that <paramref name="scenario"/> is skipped) when they are not all set.</summary>
    public static (string Endpoint, string AccessKey, string SecretKey)? Server(Harness.Report report, string scenario)
    {
        var endpoint = Environment.GetEnvironmentVariable("LCC_TEST_S3_ENDPOINT");
        var accessKey = Environment.GetEnvironmentVariable("LCC_TEST_S3_ACCESS_KEY");
        var secretKey = Environment.GetEnvironmentVariable("LCC_TEST_S3_SECRET_KEY");
        if (string.IsNullOrEmpty(endpoint) || string.IsNullOrEmpty(accessKey) || string.IsNullOrEmpty(secretKey))
        {
            report.Note($"{scenario}: skipped: LCC_TEST_S3_ENDPOINT, LCC_TEST_S3_ACCESS_KEY and LCC_TEST_S3_SECRET_KEY are not all set (scripts/bench.sh --s3 sets them)");
            return null;
        }

        return (endpoint, accessKey, secretKey);
    }

    public static IReadOnlyList<DefinitionDocument> Definitions(IEnumerable<string> buckets, int generation) =>
        buckets.Select(b => TomlDefinitionWriter.Document(b + ".toml", b, Configuration(generation))).ToList();
}

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

    public static IReadOnlyList<DefinitionDocument> Definitions(IEnumerable<string> buckets, int generation) =>
        buckets.Select(b => TomlDefinitionWriter.Document(b + ".toml", b, Configuration(generation))).ToList();
}

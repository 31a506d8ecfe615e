using LakeCircle.Core.Model;

namespace LakeCircle.IntegrationTests.Support;

/// <summary>Every rule shape of the schema that the local S3 server (Ceph 16.2 radosgw) keeps, one rule each.</summary>
public static class RuleShapes
{
    private static readonly DateTimeOffset Date2030 = new(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Date2031 = new(2031, 6, 1, 0, 0, 0, TimeSpan.Zero);

    public static IReadOnlyList<(string Name, LifecycleRule Rule)> All { get; } =
    [
        ("prefix-expire-days", new() { Id = "prefix-expire-days", Filter = new() { Prefix = "logs/" }, Expiration = new() { Days = 30 } }),
        ("empty-filter-abort", new() { Id = "empty-filter-abort", Filter = new(), AbortIncompleteMultipartUpload = new() { DaysAfterInitiation = 7 } }),
        ("empty-prefix-transitions", new()
        {
            Id = "empty-prefix-transitions",
            Filter = new() { Prefix = "" },
            Transitions = ValueList.Of(
                new LifecycleTransition { Days = 90, StorageClass = StorageClasses.Glacier },
                new LifecycleTransition { Days = 30, StorageClass = StorageClasses.StandardIA },
                new LifecycleTransition { Days = 180, StorageClass = StorageClasses.DeepArchive }),
        }),
        ("legacy-prefix", new() { Id = "legacy-prefix", Prefix = "legacy/", Expiration = new() { Days = 10 } }),
        ("tag", new() { Id = "tag", Filter = new() { Tag = new LifecycleTag("class", "temp") }, Expiration = new() { Days = 2 } }),
        ("and-prefix-only", new() { Id = "and-prefix-only", Filter = new() { And = new() { Prefix = "only/" } }, Expiration = new() { Days = 4 } }),
        ("and-prefix-tag", new()
        {
            Id = "and-prefix-tag",
            Filter = new() { And = new() { Prefix = "tagged/", Tags = ValueList.Of(new LifecycleTag("tier", "cold")) } },
            Transitions = ValueList.Of(new LifecycleTransition { Days = 60, StorageClass = StorageClasses.GlacierIR }),
        }),
        ("and-tags", new()
        {
            Id = "and-tags",
            Filter = new() { And = new() { Tags = ValueList.Of(new LifecycleTag("a", "1"), new LifecycleTag("b", "2")) } },
            Expiration = new() { Days = 365 },
        }),
        ("and-prefix-tags", new()
        {
            Id = "and-prefix-tags",
            Filter = new() { And = new() { Prefix = "mixed/", Tags = ValueList.Of(new LifecycleTag("x", "y"), new LifecycleTag("env", "prod")) } },
            Expiration = new() { Days = 45 },
        }),
        ("expire-date", new() { Id = "expire-date", Filter = new() { Prefix = "dated/" }, Expiration = new() { Date = Date2030 } }),
        ("transition-dates", new()
        {
            Id = "transition-dates",
            Filter = new() { Prefix = "archive/" },
            Transitions = ValueList.Of(
                new LifecycleTransition { Date = Date2030, StorageClass = StorageClasses.OneZoneIA },
                new LifecycleTransition { Date = Date2031, StorageClass = StorageClasses.Glacier }),
        }),
        ("delete-markers", new() { Id = "delete-markers", Filter = new() { Prefix = "versions/" }, Expiration = new() { ExpiredObjectDeleteMarker = true } }),
        ("noncurrent", new()
        {
            Id = "noncurrent",
            Filter = new() { Prefix = "nc/" },
            NoncurrentVersionExpiration = new() { NoncurrentDays = 120 },
            NoncurrentVersionTransitions = ValueList.Of(
                new NoncurrentVersionTransition { NoncurrentDays = 60, StorageClass = StorageClasses.Glacier },
                new NoncurrentVersionTransition { NoncurrentDays = 30, StorageClass = StorageClasses.StandardIA }),
        }),
        ("intelligent-tiering", new()
        {
            Id = "intelligent-tiering",
            Filter = new() { Prefix = "it/" },
            Transitions = ValueList.Of(new LifecycleTransition { Days = 0, StorageClass = StorageClasses.IntelligentTiering }),
        }),
        ("disabled-everything", new()
        {
            Id = "disabled-everything",
            Status = RuleStatus.Disabled,
            Filter = new() { Prefix = "all/" },
            Expiration = new() { Days = 400 },
            Transitions = ValueList.Of(new LifecycleTransition { Days = 30, StorageClass = StorageClasses.StandardIA }),
            NoncurrentVersionExpiration = new() { NoncurrentDays = 90 },
            NoncurrentVersionTransitions = ValueList.Of(new NoncurrentVersionTransition { NoncurrentDays = 30, StorageClass = StorageClasses.GlacierIR }),
            AbortIncompleteMultipartUpload = new() { DaysAfterInitiation = 3 },
        }),
    ];

    /// <summary>The shapes a definition may declare (validation asks for a bare predicate instead of a one-condition And).</summary>
    public static IReadOnlyList<(string Name, LifecycleRule Rule)> Definable { get; } = [.. All.Where(s => s.Name != "and-prefix-only")];

    /// <summary>A configuration of a few definable shapes, varied by <paramref name="index"/>.</summary>
    public static LifecycleConfiguration Mix(int index)
    {
        var count = 1 + (index % 4);
        var rules = Enumerable.Range(0, count).Select(i => Definable[(index * 3 + i * 5) % Definable.Count].Rule).DistinctBy(r => r.Id).ToList();

        // A legacy rule-level Prefix cannot share a configuration with rules that have a Filter.
        return new LifecycleConfiguration { Rules = (rules.Count > 1 ? rules.Where(r => r.Prefix is null) : rules).ToValueList() };
    }
}

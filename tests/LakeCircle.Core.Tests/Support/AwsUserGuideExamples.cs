using LakeCircle.Core.Model;

namespace LakeCircle.Core.Tests.Support;

/// <summary>
/// Every configuration of the S3 user guide's "Examples of S3 Lifecycle configurations" (and the overlapping-filter
/// examples of its "Lifecycle configuration conflicts" page), rebuilt as model objects. All are valid. Where the guide
/// elides part of a rule ("..."), the gap is filled with the smallest thing S3 needs (an ID, a match-all filter, the
/// action of the neighbouring example) and the member's comment says so.
/// </summary>
internal static class AwsUserGuideExamples
{
    private static readonly LifecycleTransition GlacierAfterOneYear = new() { Days = 365, StorageClass = StorageClasses.Glacier };

    /// <summary>Archiving: transition <c>tax/</c> to GLACIER after 365 days, expire after 3650.</summary>
    public static LifecycleConfiguration TransitionAndExpiration { get; } = LifecycleConfiguration.Of(new LifecycleRule
    {
        Id = "Transition and Expiration Rule",
        Filter = new LifecycleFilter { Prefix = "tax/" },
        Transitions = ValueList.Of(GlacierAfterOneYear),
        Expiration = new LifecycleExpiration { Days = 3650 },
    });

    /// <summary>Archiving: every object to GLACIER on the day it is created (empty prefix, 0 days).</summary>
    public static LifecycleConfiguration ArchiveAllSameDay { get; } = LifecycleConfiguration.Of(new LifecycleRule
    {
        Id = "Archive all object same-day upon creation",
        Filter = new LifecycleFilter { Prefix = "" },
        Transitions = ValueList.Of(new LifecycleTransition { Days = 0, StorageClass = StorageClasses.Glacier }),
    });

    /// <summary>Archiving: a filter of prefix <c>tax/</c> and two tags in And (rule elided; ID and action filled in).</summary>
    public static LifecycleConfiguration PrefixAndTwoTags { get; } = LifecycleConfiguration.Of(new LifecycleRule
    {
        Id = "prefix-and-two-tags",
        Filter = new LifecycleFilter
        {
            And = new LifecycleAndOperator
            {
                Prefix = "tax/",
                Tags = ValueList.Of(new LifecycleTag("key1", "value1"), new LifecycleTag("key2", "value2")),
            },
        },
        Transitions = ValueList.Of(GlacierAfterOneYear),
    });

    /// <summary>Archiving: a filter of two tags only (rule elided; ID and action filled in).</summary>
    public static LifecycleConfiguration TwoTagsOnly { get; } = LifecycleConfiguration.Of(new LifecycleRule
    {
        Id = "two-tags",
        Filter = new LifecycleFilter
        {
            And = new LifecycleAndOperator { Tags = ValueList.Of(new LifecycleTag("key1", "value1"), new LifecycleTag("key2", "value2")) },
        },
        Transitions = ValueList.Of(GlacierAfterOneYear),
    });

    /// <summary>Disabling rules temporarily: <c>logs/</c> enabled, <c>documents/</c> disabled.</summary>
    public static LifecycleConfiguration DisableRuleTemporarily { get; } = LifecycleConfiguration.Of(
        new LifecycleRule
        {
            Id = "Rule1",
            Filter = new LifecycleFilter { Prefix = "logs/" },
            Transitions = ValueList.Of(new LifecycleTransition { Days = 0, StorageClass = StorageClasses.Glacier }),
        },
        new LifecycleRule
        {
            Id = "Rule2",
            Filter = new LifecycleFilter { Prefix = "documents/" },
            Status = RuleStatus.Disabled,
            Transitions = ValueList.Of(new LifecycleTransition { Days = 0, StorageClass = StorageClasses.Glacier }),
        });

    /// <summary>Tiering down: STANDARD_IA at 30 days, GLACIER at 90, expire at 365.</summary>
    public static LifecycleConfiguration TieringDown { get; } = LifecycleConfiguration.Of(new LifecycleRule
    {
        Id = "example-id",
        Filter = new LifecycleFilter { Prefix = "logs/" },
        Transitions = ValueList.Of(
            new LifecycleTransition { Days = 30, StorageClass = StorageClasses.StandardIA },
            new LifecycleTransition { Days = 90, StorageClass = StorageClasses.Glacier }),
        Expiration = new LifecycleExpiration { Days = 365 },
    });

    /// <summary>Multiple rules: <c>classA/</c> and <c>classB/</c>.</summary>
    public static LifecycleConfiguration MultipleRules { get; } = LifecycleConfiguration.Of(
        new LifecycleRule
        {
            Id = "ClassADocRule",
            Filter = new LifecycleFilter { Prefix = "classA/" },
            Transitions = ValueList.Of(GlacierAfterOneYear),
            Expiration = new LifecycleExpiration { Days = 3650 },
        },
        new LifecycleRule
        {
            Id = "ClassBDocRule",
            Filter = new LifecycleFilter { Prefix = "classB/" },
            Transitions = ValueList.Of(new LifecycleTransition { Days = 90, StorageClass = StorageClasses.StandardIA }),
            Expiration = new LifecycleExpiration { Days = 365 },
        });

    /// <summary>Overlapping filters, no conflict: an empty filter expiring at 365, <c>logs/</c> to STANDARD_IA at 30.</summary>
    public static LifecycleConfiguration OverlappingPrefixes { get; } = LifecycleConfiguration.Of(
        new LifecycleRule { Id = "Rule 1", Filter = LifecycleFilter.MatchAll, Expiration = new LifecycleExpiration { Days = 365 } },
        new LifecycleRule
        {
            Id = "Rule 2",
            Filter = new LifecycleFilter { Prefix = "logs/" },
            Transitions = ValueList.Of(new LifecycleTransition { Days = 30, StorageClass = StorageClasses.StandardIA }),
        });

    /// <summary>Conflicting actions: one rule expires <c>logs/</c> at 365, another moves it to STANDARD_IA at 365.</summary>
    public static LifecycleConfiguration ConflictingActions { get; } = LifecycleConfiguration.Of(
        new LifecycleRule { Id = "Rule 1", Filter = new LifecycleFilter { Prefix = "logs/" }, Expiration = new LifecycleExpiration { Days = 365 } },
        new LifecycleRule
        {
            Id = "Rule 2",
            Filter = new LifecycleFilter { Prefix = "logs/" },
            Transitions = ValueList.Of(new LifecycleTransition { Days = 365, StorageClass = StorageClasses.StandardIA }),
        });

    /// <summary>
    /// Overlapping prefixes with conflicting transitions. The guide prints 10 days for Rule 1's STANDARD_IA transition,
    /// which S3 refuses (at least 30 days); this fixture uses 30. See <see cref="OverlappingPrefixesConflictingActionsAsPrinted"/>.
    /// </summary>
    public static LifecycleConfiguration OverlappingPrefixesConflictingActions { get; } = OverlappingTransitions(30);

    /// <summary>The guide's overlapping-prefixes example exactly as printed (STANDARD_IA at 10 days): S3 refuses it.</summary>
    public static LifecycleConfiguration OverlappingPrefixesConflictingActionsAsPrinted { get; } = OverlappingTransitions(10);

    /// <summary>Tag-based filters with conflicting actions: <c>tag1</c> to GLACIER at 365, <c>tag2</c> expires at 14.</summary>
    public static LifecycleConfiguration TagFiltersConflictingActions { get; } = LifecycleConfiguration.Of(
        new LifecycleRule
        {
            Id = "Rule 1",
            Filter = new LifecycleFilter { Tag = new LifecycleTag("tag1", "value1") },
            Transitions = ValueList.Of(GlacierAfterOneYear),
        },
        new LifecycleRule
        {
            Id = "Rule 2",
            Filter = new LifecycleFilter { Tag = new LifecycleTag("tag2", "value2") },
            Expiration = new LifecycleExpiration { Days = 14 },
        });

    /// <summary>Versioning-enabled bucket: current to STANDARD_IA at 90, noncurrent to GLACIER at 30, keep 5 and delete at 365.</summary>
    public static LifecycleConfiguration VersioningEnabledBucket { get; } = LifecycleConfiguration.Of(new LifecycleRule
    {
        Id = "sample-rule",
        Filter = new LifecycleFilter { Prefix = "" },
        Transitions = ValueList.Of(new LifecycleTransition { Days = 90, StorageClass = StorageClasses.StandardIA }),
        NoncurrentVersionTransitions = ValueList.Of(new NoncurrentVersionTransition { NoncurrentDays = 30, StorageClass = StorageClasses.Glacier }),
        NoncurrentVersionExpiration = new NoncurrentVersionExpiration { NewerNoncurrentVersions = 5, NoncurrentDays = 365 },
    });

    /// <summary>Expired delete markers, step 1: keep 10 noncurrent versions, delete at 30 days (rule elided; ID and match-all filter filled in).</summary>
    public static LifecycleConfiguration NoncurrentExpirationOnly { get; } = LifecycleConfiguration.Of(new LifecycleRule
    {
        Id = "noncurrent-expiration",
        Filter = LifecycleFilter.MatchAll,
        NoncurrentVersionExpiration = new NoncurrentVersionExpiration { NewerNoncurrentVersions = 10, NoncurrentDays = 30 },
    });

    /// <summary>Expired delete markers, step 2: expire current versions at 60 days as well (rule elided; filled in likewise).</summary>
    public static LifecycleConfiguration CurrentAndNoncurrentExpiration { get; } = LifecycleConfiguration.Of(new LifecycleRule
    {
        Id = "current-and-noncurrent-expiration",
        Filter = LifecycleFilter.MatchAll,
        Expiration = new LifecycleExpiration { Days = 60 },
        NoncurrentVersionExpiration = new NoncurrentVersionExpiration { NewerNoncurrentVersions = 10, NoncurrentDays = 30 },
    });

    /// <summary>Expired delete markers, step 3: remove expired object delete markers under <c>logs/</c>.</summary>
    public static LifecycleConfiguration RemoveExpiredDeleteMarkers { get; } = LifecycleConfiguration.Of(new LifecycleRule
    {
        Id = "Rule 1",
        Filter = new LifecycleFilter { Prefix = "logs/" },
        Expiration = new LifecycleExpiration { ExpiredObjectDeleteMarker = true },
        NoncurrentVersionExpiration = new NoncurrentVersionExpiration { NewerNoncurrentVersions = 10, NoncurrentDays = 30 },
    });

    /// <summary>Abort incomplete multipart uploads after 7 days (the guide's status placeholder becomes Enabled).</summary>
    public static LifecycleConfiguration AbortIncompleteMultipartUploads { get; } = LifecycleConfiguration.Of(new LifecycleRule
    {
        Id = "sample-rule",
        Filter = new LifecycleFilter { Prefix = "SomeKeyPrefix/" },
        AbortIncompleteMultipartUpload = new AbortIncompleteMultipartUpload { DaysAfterInitiation = 7 },
    });

    /// <summary>Size filters: prefix <c>tax/</c> and larger than 500 bytes, to GLACIER at 365.</summary>
    public static LifecycleConfiguration PrefixAndMinimumSize { get; } = LifecycleConfiguration.Of(new LifecycleRule
    {
        Id = "Transition with a prefix and based on size",
        Filter = new LifecycleFilter { And = new LifecycleAndOperator { Prefix = "tax/", ObjectSizeGreaterThan = 500 } },
        Transitions = ValueList.Of(GlacierAfterOneYear),
    });

    /// <summary>Size filters: between 500 and 64,000 bytes (rule elided; ID and the previous example's action filled in).</summary>
    public static LifecycleConfiguration SizeRange { get; } = LifecycleConfiguration.Of(new LifecycleRule
    {
        Id = "size-range",
        Filter = new LifecycleFilter { And = new LifecycleAndOperator { ObjectSizeGreaterThan = 500, ObjectSizeLessThan = 64000 } },
        Transitions = ValueList.Of(GlacierAfterOneYear),
    });

    /// <summary>Expiring noncurrent objects that have no data (smaller than 1 byte).</summary>
    public static LifecycleConfiguration ExpireNoncurrentWithoutData { get; } = LifecycleConfiguration.Of(new LifecycleRule
    {
        Id = "Expire noncurrent with size less than 1 byte",
        Filter = new LifecycleFilter { ObjectSizeLessThan = 1 },
        NoncurrentVersionExpiration = new NoncurrentVersionExpiration { NewerNoncurrentVersions = 10, NoncurrentDays = 30 },
    });

    /// <summary>Allowing objects smaller than 128 KB to be transitioned: larger than 1 byte to GLACIER_IR at 365.</summary>
    public static LifecycleConfiguration AllowSmallObjectTransitions { get; } = LifecycleConfiguration.Of(new LifecycleRule
    {
        Id = "Allow small object transitions",
        Filter = new LifecycleFilter { ObjectSizeGreaterThan = 1 },
        Transitions = ValueList.Of(new LifecycleTransition { Days = 365, StorageClass = StorageClasses.GlacierIR }),
    });

    /// <summary>The same example's <c>varies_by_storage_class</c> default (its body is elided; a GLACIER rule filled in).</summary>
    public static LifecycleConfiguration VariesByStorageClassDefault { get; } = TransitionAndExpiration with
    {
        TransitionDefaultMinimumObjectSize = TransitionDefaultMinimumObjectSizes.VariesByStorageClass,
    };

    /// <summary>Every valid example, by name.</summary>
    public static IReadOnlyDictionary<string, LifecycleConfiguration> All { get; } = new Dictionary<string, LifecycleConfiguration>
    {
        [nameof(TransitionAndExpiration)] = TransitionAndExpiration,
        [nameof(ArchiveAllSameDay)] = ArchiveAllSameDay,
        [nameof(PrefixAndTwoTags)] = PrefixAndTwoTags,
        [nameof(TwoTagsOnly)] = TwoTagsOnly,
        [nameof(DisableRuleTemporarily)] = DisableRuleTemporarily,
        [nameof(TieringDown)] = TieringDown,
        [nameof(MultipleRules)] = MultipleRules,
        [nameof(OverlappingPrefixes)] = OverlappingPrefixes,
        [nameof(ConflictingActions)] = ConflictingActions,
        [nameof(OverlappingPrefixesConflictingActions)] = OverlappingPrefixesConflictingActions,
        [nameof(TagFiltersConflictingActions)] = TagFiltersConflictingActions,
        [nameof(VersioningEnabledBucket)] = VersioningEnabledBucket,
        [nameof(NoncurrentExpirationOnly)] = NoncurrentExpirationOnly,
        [nameof(CurrentAndNoncurrentExpiration)] = CurrentAndNoncurrentExpiration,
        [nameof(RemoveExpiredDeleteMarkers)] = RemoveExpiredDeleteMarkers,
        [nameof(AbortIncompleteMultipartUploads)] = AbortIncompleteMultipartUploads,
        [nameof(PrefixAndMinimumSize)] = PrefixAndMinimumSize,
        [nameof(SizeRange)] = SizeRange,
        [nameof(ExpireNoncurrentWithoutData)] = ExpireNoncurrentWithoutData,
        [nameof(AllowSmallObjectTransitions)] = AllowSmallObjectTransitions,
        [nameof(VariesByStorageClassDefault)] = VariesByStorageClassDefault,
    };

    private static LifecycleConfiguration OverlappingTransitions(int rule1Days) => LifecycleConfiguration.Of(
        new LifecycleRule
        {
            Id = "Rule 1",
            Filter = new LifecycleFilter { Prefix = "" },
            Transitions = ValueList.Of(new LifecycleTransition { Days = rule1Days, StorageClass = StorageClasses.StandardIA }),
        },
        new LifecycleRule
        {
            Id = "Rule 2",
            Filter = new LifecycleFilter { Prefix = "logs/" },
            Transitions = ValueList.Of(new LifecycleTransition { Days = 365, StorageClass = StorageClasses.StandardIA }),
        });
}

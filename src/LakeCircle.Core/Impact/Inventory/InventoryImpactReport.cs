using LakeCircle.Core.Model;

namespace LakeCircle.Core.Impact.Inventory;

/// <summary>How to read an S3 Inventory report for <see cref="LakeCircleClient.ImpactAsync"/>.</summary>
public sealed record InventoryImpactOptions
{
    /// <summary>
    /// The column names of the CSV data files in order (as the manifest's <c>fileSchema</c>, for example
    /// <c>Bucket, Key, VersionId, IsLatest, IsDeleteMarker, Size, LastModifiedDate, StorageClass</c>), overriding the
    /// manifest's; required for a single CSV file; ignored for Parquet (its schema names them).
    /// </summary>
    public IReadOnlyList<string>? Columns { get; init; }

    /// <summary>The time the horizons count from; <see langword="null"/>: the report's creation time, else the client's clock.</summary>
    public DateTimeOffset? Now { get; init; }

    /// <summary>The bucket's versioning; <see langword="null"/>: enabled when the report lists versions (it has <c>IsLatest</c>), else unversioned.</summary>
    public BucketVersioning? Versioning { get; init; }
}

/// <summary>A number of object versions and their bytes.</summary>
/// <param name="Objects">The object versions.</param>
/// <param name="Bytes">Their sizes added up.</param>
public readonly record struct InventoryCount(long Objects, long Bytes);

/// <summary>What a configuration does within some days of now.</summary>
public sealed record InventoryHorizon
{
    /// <summary>The days from now (1, 7, 30 or 365).</summary>
    public required int Days { get; init; }

    /// <summary>The versions deleted or turned into a delete marker by then (already due ones included), each counted once.</summary>
    public InventoryCount Deleted { get; init; }

    /// <summary>
    /// The versions permanently deleted by then, whose bytes are no longer stored: in an unversioned bucket the same as
    /// <see cref="Deleted"/>; in a versioned one, noncurrent versions expiring (a current version that expires gets a
    /// delete marker and stays, noncurrent, until then).
    /// </summary>
    public InventoryCount PermanentlyDeleted { get; init; }

    /// <summary>The transitions by then, by target storage class (a version moved twice counts under both classes).</summary>
    public IReadOnlyDictionary<string, InventoryCount> Transitioned { get; init; } = new SortedDictionary<string, InventoryCount>(StringComparer.Ordinal);
}

/// <summary>What one configuration does to the versions of a report.</summary>
public sealed record InventoryConfigurationImpact
{
    /// <summary>The horizons, shortest first.</summary>
    public ValueList<InventoryHorizon> Horizons { get; init; } = ValueList<InventoryHorizon>.Empty;

    /// <summary>
    /// The versions that some enabled rule with a tag filter might match: S3 Inventory has no tags, so their schedule
    /// leaves those rules out and may differ.
    /// </summary>
    public InventoryCount DependsOnTags { get; init; }

    /// <summary><see cref="DependsOnTags"/> by rule ID.</summary>
    public IReadOnlyDictionary<string, InventoryCount> DependsOnTagsByRule { get; init; } = new SortedDictionary<string, InventoryCount>(StringComparer.Ordinal);
}

/// <summary>
/// What a bucket's current and desired lifecycle configurations do to the object versions an S3 Inventory report
/// lists, counted, made by <see cref="LakeCircleClient.ImpactAsync"/>.
/// </summary>
public sealed record InventoryImpactReport
{
    /// <summary>The bucket.</summary>
    public required string Bucket { get; init; }

    /// <summary>The time the horizons count from.</summary>
    public required DateTimeOffset Now { get; init; }

    /// <summary>The versioning the versions were evaluated under.</summary>
    public required BucketVersioning Versioning { get; init; }

    /// <summary>Whether the desired configuration differs from the current one (a plan would change the bucket).</summary>
    public bool ConfigurationChanges { get; init; }

    /// <summary>Every row of the report.</summary>
    public InventoryCount Scanned { get; init; }

    /// <summary>The current versions (delete markers included).</summary>
    public long CurrentVersions { get; init; }

    /// <summary>The noncurrent versions (delete markers included).</summary>
    public long NoncurrentVersions { get; init; }

    /// <summary>The delete markers.</summary>
    public long DeleteMarkers { get; init; }

    /// <summary>
    /// Noncurrent versions no newer version of which the report lists: when they became noncurrent is unknown, so they
    /// are not evaluated (counted neither as deleted nor moved).
    /// </summary>
    public InventoryCount NoncurrentSinceUnknown { get; init; }

    /// <summary>What the bucket's configuration now does.</summary>
    public required InventoryConfigurationImpact Current { get; init; }

    /// <summary>What the desired configuration (the definition's) does.</summary>
    public required InventoryConfigurationImpact Desired { get; init; }

    /// <summary>The versions whose schedule differs between the two (another step, date or storage class).</summary>
    public InventoryCount FateChanged { get; init; }

    /// <summary>Up to ten keys of versions whose schedule differs, in report order.</summary>
    public ValueList<string> FateChangedExamples { get; init; } = ValueList<string>.Empty;
}

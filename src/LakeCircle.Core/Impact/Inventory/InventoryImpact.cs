using LakeCircle.Core.Model;

namespace LakeCircle.Core.Impact.Inventory;

/// <summary>Reads a report and counts what two configurations do to it: the reader, the grouper and the aggregator in a row.</summary>
internal static class InventoryImpact
{
    /// <summary>Streams the report at <paramref name="path"/> through the aggregator.</summary>
    public static async Task<InventoryImpactReport> RunAsync(
        string bucket, string path, LifecycleConfiguration current, LifecycleConfiguration desired, bool configurationChanges,
        InventoryImpactOptions options, DateTimeOffset clock, CancellationToken cancellationToken,
        Func<LifecycleConfiguration, ObjectVersion, BucketVersioning, ObjectSchedule>? evaluate = null)
    {
        var source = await InventorySource.OpenAsync(path, options.Columns, cancellationToken).ConfigureAwait(false);
        var versioning = options.Versioning ?? (source.Columns.ListsVersions ? BucketVersioning.Enabled : BucketVersioning.Unversioned);
        var now = options.Now ?? source.CreatedAt ?? clock;
        var aggregator = new InventoryAggregator(current, desired, versioning, now, evaluate);
        var grouper = new VersionGrouper(aggregator.Add, source.Columns.ListsVersions);
        await InventoryReader.ReadAsync(source, grouper.Add, cancellationToken).ConfigureAwait(false);
        grouper.Complete();
        return aggregator.ToReport(bucket, configurationChanges);
    }
}

namespace LakeCircle.Core.Impact.Inventory;

/// <summary>One row of an S3 Inventory report, as far as lifecycle rules look at it.</summary>
/// <param name="Key">The object key, decoded.</param>
/// <param name="IsLatest">Whether the version is the current one (always, for a report of current versions only).</param>
/// <param name="IsDeleteMarker">Whether the version is a delete marker.</param>
/// <param name="Size">The size in bytes.</param>
/// <param name="LastModified">The version's last-modified time.</param>
/// <param name="StorageClass">The storage class (<c>STANDARD</c> when the report has none).</param>
/// <param name="File">The data file the row comes from.</param>
/// <param name="Line">The row's line in the file (1-based), or its row number in a Parquet file.</param>
internal readonly record struct InventoryRow(
    string Key, bool IsLatest, bool IsDeleteMarker, long Size, DateTimeOffset LastModified, string StorageClass, string File, long Line);

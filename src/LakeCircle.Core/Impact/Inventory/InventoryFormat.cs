namespace LakeCircle.Core.Impact.Inventory;

/// <summary>The data file formats of an S3 Inventory report this version reads.</summary>
internal enum InventoryFormat
{
    /// <summary>CSV, gzip-compressed or not: quoted fields, no header row, URL-encoded keys.</summary>
    Csv = 0,

    /// <summary>Apache Parquet, with the field names of S3's Parquet schema.</summary>
    Parquet = 1,
}

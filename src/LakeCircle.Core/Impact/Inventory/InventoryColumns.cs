using System.Globalization;

namespace LakeCircle.Core.Impact.Inventory;

/// <summary>
/// Where the fields lifecycle rules look at are in an inventory row: the column order of a CSV report (its manifest's
/// <c>fileSchema</c>, or <c>--columns</c>), or the field names of a Parquet one. Names are matched without case,
/// blanks or underscores, so <c>LastModifiedDate</c> (CSV schema) and <c>last_modified_date</c> (Parquet schema) are one.
/// </summary>
internal sealed class InventoryColumns
{
    private InventoryColumns(IReadOnlyList<string> names)
    {
        Names = names;
        for (var i = 0; i < names.Count; i++)
        {
            switch (Normalize(names[i]))
            {
                case "key": Key = i; break;
                case "versionid": VersionId = i; break;
                case "islatest": IsLatest = i; break;
                case "isdeletemarker": IsDeleteMarker = i; break;
                case "size": Size = i; break;
                case "lastmodifieddate": LastModifiedDate = i; break;
                case "storageclass": StorageClass = i; break;
                default: break;
            }
        }
    }

    /// <summary>The column names, in order.</summary>
    public IReadOnlyList<string> Names { get; }

    public int Count => Names.Count;

    public int Key { get; } = -1;

    public int VersionId { get; } = -1;

    public int IsLatest { get; } = -1;

    public int IsDeleteMarker { get; } = -1;

    public int Size { get; } = -1;

    public int LastModifiedDate { get; } = -1;

    public int StorageClass { get; } = -1;

    /// <summary>Whether the report lists every version of the objects (it has the <c>IsLatest</c> field).</summary>
    public bool ListsVersions => IsLatest >= 0;

    /// <summary>
    /// Parses a comma-separated list of column names (the manifest's <c>fileSchema</c>, such as
    /// <c>Bucket, Key, VersionId, IsLatest, IsDeleteMarker, Size, LastModifiedDate, StorageClass</c>).
    /// </summary>
    /// <exception cref="InvalidDataException">Without <c>Key</c>, <c>Size</c> or <c>LastModifiedDate</c>.</exception>
    public static InventoryColumns Parse(string schema, string source)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var names = schema.Split(',', StringSplitOptions.TrimEntries);
        return Of(names, source);
    }

    /// <summary>The columns of these names, checked.</summary>
    /// <exception cref="InvalidDataException">Without <c>Key</c>, <c>Size</c> or <c>LastModifiedDate</c>.</exception>
    public static InventoryColumns Of(IReadOnlyList<string> names, string source)
    {
        var columns = new InventoryColumns(names);
        var missing = new List<string>();
        if (columns.Key < 0)
        {
            missing.Add("Key");
        }

        if (columns.Size < 0)
        {
            missing.Add("Size");
        }

        if (columns.LastModifiedDate < 0)
        {
            missing.Add("LastModifiedDate");
        }

        if (missing.Count > 0)
        {
            throw InventoryReader.Named(string.Create(
                CultureInfo.InvariantCulture,
                $"{source}: the inventory has no {string.Join(", ", missing)} column (columns: {string.Join(", ", names)}); the impact needs Key, Size and LastModifiedDate, and IsLatest, IsDeleteMarker, StorageClass for versions and classes."));
        }

        return columns;
    }

    /// <summary>The name without case, blanks or underscores.</summary>
    public static string Normalize(string name) =>
        new([.. name.Where(c => c != '_' && !char.IsWhiteSpace(c)).Select(char.ToLowerInvariant)]);
}

using System.Globalization;
using System.Text.Json;

namespace LakeCircle.Core.Impact.Inventory;

/// <summary>
/// The data files of an S3 Inventory report and how to read them: from its <c>manifest.json</c>, or a single CSV
/// (<c>.csv</c>, <c>.csv.gz</c>) or Parquet (<c>.parquet</c>) file.
/// </summary>
/// <remarks>
/// S3 writes a report as <c>PREFIX/SOURCE-BUCKET/CONFIG-ID/YYYY-MM-DDTHH-MMZ/manifest.json</c> with its data files under
/// <c>PREFIX/SOURCE-BUCKET/CONFIG-ID/data/</c>, each named in the manifest's <c>files[].key</c>
/// (https://docs.aws.amazon.com/AmazonS3/latest/userguide/storage-inventory-location.html). A local copy is found by the
/// last segments of each key: <c>data/NAME</c> or <c>NAME</c> beside the manifest, then <c>data/NAME</c> in the folder above
/// it (the layout S3 writes), then the whole key under the manifest's folder.
/// </remarks>
internal sealed class InventorySource
{
    /// <summary>What an ORC report is told.</summary>
    public const string OrcMessage = "ORC is not supported; choose CSV or Parquet";

    private InventorySource(InventoryFormat format, IReadOnlyList<string> files, InventoryColumns columns, DateTimeOffset? createdAt, string? bucket)
    {
        Format = format;
        Files = files;
        Columns = columns;
        CreatedAt = createdAt;
        Bucket = bucket;
    }

    public InventoryFormat Format { get; }

    /// <summary>The local data files, in the manifest's order.</summary>
    public IReadOnlyList<string> Files { get; }

    /// <summary>The columns (for Parquet, those of the first file's schema).</summary>
    public InventoryColumns Columns { get; }

    /// <summary>When S3 began the report (the manifest's <c>creationTimestamp</c>), or <see langword="null"/>.</summary>
    public DateTimeOffset? CreatedAt { get; }

    /// <summary>The bucket the report is of (the manifest's <c>sourceBucket</c>), or <see langword="null"/>.</summary>
    public string? Bucket { get; }

    /// <summary>Finds the report's data files and columns.</summary>
    /// <param name="path">A <c>manifest.json</c>, a folder holding one, or a single data file.</param>
    /// <param name="columns">The column names of CSV data files, overriding the manifest's <c>fileSchema</c>; required for a single CSV file.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <exception cref="InvalidDataException">The report cannot be read (ORC, a bad manifest, missing columns).</exception>
    /// <exception cref="FileNotFoundException">The path or a data file does not exist.</exception>
    public static async Task<InventorySource> OpenAsync(string path, IReadOnlyList<string>? columns, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (Directory.Exists(path))
        {
            var inside = Path.Combine(path, "manifest.json");
            if (!File.Exists(inside))
            {
                throw new FileNotFoundException($"{path}: a folder without manifest.json; give the manifest or a data file.", inside);
            }

            path = inside;
        }

        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path}: no such file.", path);
        }

        var name = Path.GetFileName(path).ToLowerInvariant();
        if (name.EndsWith(".json", StringComparison.Ordinal))
        {
            return await FromManifestAsync(path, columns, cancellationToken).ConfigureAwait(false);
        }

        if (name.EndsWith(".orc", StringComparison.Ordinal))
        {
            throw new InvalidDataException($"{path}: {OrcMessage}.");
        }

        if (name.EndsWith(".parquet", StringComparison.Ordinal))
        {
            return new InventorySource(InventoryFormat.Parquet, [path], await ParquetColumnsAsync(path, cancellationToken).ConfigureAwait(false), null, null);
        }

        if (columns is not { Count: > 0 })
        {
            throw new InvalidDataException(
                $"{path}: a CSV inventory file has no header row; give its column order (the manifest's fileSchema), such as "
                + "\"Bucket,Key,VersionId,IsLatest,IsDeleteMarker,Size,LastModifiedDate,StorageClass\", or give the manifest.json.");
        }

        return new InventorySource(InventoryFormat.Csv, [path], InventoryColumns.Of(columns, path), null, null);
    }

    private static async Task<InventorySource> FromManifestAsync(string path, IReadOnlyList<string>? columns, CancellationToken cancellationToken)
    {
        InventoryManifest manifest;
        try
        {
            var stream = File.OpenRead(path);
            await using (stream.ConfigureAwait(false))
            {
                manifest = await JsonSerializer.DeserializeAsync(stream, InventoryManifestJson.Default.InventoryManifest, cancellationToken).ConfigureAwait(false)
                    ?? throw new InvalidDataException($"{path}: not an S3 Inventory manifest (null).");
            }
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: not an S3 Inventory manifest: {e.Message}", e);
        }

        var format = manifest.FileFormat?.Trim().ToUpperInvariant() switch
        {
            "CSV" => InventoryFormat.Csv,
            "PARQUET" => InventoryFormat.Parquet,
            "ORC" => throw new InvalidDataException($"{path}: {OrcMessage}."),
            null or "" => throw new InvalidDataException($"{path}: the manifest has no fileFormat (CSV, ORC or Parquet)."),
            var other => throw new InvalidDataException($"{path}: unknown fileFormat '{other}'; choose CSV or Parquet."),
        };
        if (manifest.Files is not { Count: > 0 })
        {
            throw new InvalidDataException($"{path}: the manifest lists no data file (files[].key).");
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var files = manifest.Files.Select(f => Resolve(folder, f.Key, path)).ToList();
        InventoryColumns schema;
        if (format == InventoryFormat.Parquet)
        {
            schema = await ParquetColumnsAsync(files[0], cancellationToken).ConfigureAwait(false);
        }
        else if (columns is { Count: > 0 })
        {
            schema = InventoryColumns.Of(columns, path);
        }
        else
        {
            schema = string.IsNullOrWhiteSpace(manifest.FileSchema)
                ? throw new InvalidDataException($"{path}: the manifest has no fileSchema; give the column order.")
                : InventoryColumns.Parse(manifest.FileSchema, path);
        }

        return new InventorySource(format, files, schema, CreationTime(manifest.CreationTimestamp), manifest.SourceBucket);
    }

    /// <summary>The local copy of a data file the manifest names by its key in the destination bucket.</summary>
    internal static string Resolve(string manifestFolder, string? key, string manifest)
    {
        if (string.IsNullOrWhiteSpace(key))
        {
            throw new InvalidDataException($"{manifest}: a data file without key.");
        }

        var segments = key.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Any(s => s == ".."))
        {
            throw new InvalidDataException($"{manifest}: data file key '{key}' leaves the report's folder.");
        }

        var fileName = segments[^1];
        var parent = Path.GetDirectoryName(manifestFolder);
        var candidates = new List<string>();
        if (segments.Length >= 2)
        {
            candidates.Add(Path.Combine(manifestFolder, segments[^2], fileName));
        }

        candidates.Add(Path.Combine(manifestFolder, fileName));
        if (parent is not null && segments.Length >= 2)
        {
            candidates.Add(Path.Combine(parent, segments[^2], fileName));
        }

        candidates.Add(Path.Combine([manifestFolder, .. segments]));
        foreach (var candidate in candidates.Distinct(StringComparer.Ordinal))
        {
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException(
            $"{manifest}: data file '{key}' not found; looked for {string.Join(", ", candidates.Distinct(StringComparer.Ordinal))}.", candidates[0]);
    }

    private static DateTimeOffset? CreationTime(JsonElement? value) => value switch
    {
        { ValueKind: JsonValueKind.Number } number when number.TryGetInt64(out var ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms),
        { ValueKind: JsonValueKind.String } text when long.TryParse(text.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var ms) =>
            DateTimeOffset.FromUnixTimeMilliseconds(ms),
        _ => null,
    };

    private static async Task<InventoryColumns> ParquetColumnsAsync(string file, CancellationToken cancellationToken)
    {
        try
        {
            var stream = File.OpenRead(file);
            await using (stream.ConfigureAwait(false))
            {
                var schema = await Parquet.ParquetReader.ReadSchemaAsync(stream).ConfigureAwait(false);
                cancellationToken.ThrowIfCancellationRequested();
                return InventoryColumns.Of([.. schema.GetDataFields().Select(f => f.Name)], file);
            }
        }
        catch (Exception e) when (!InventoryReader.IsNamed(e) && e is not (OperationCanceledException or FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException))
        {
            throw InventoryReader.Named($"{file}: not a Parquet file: {e.Message}", e);
        }
    }
}

using System.Text.Json.Serialization;

namespace LakeCircle.Core.Impact.Inventory;

/// <summary>
/// The fields of an S3 Inventory <c>manifest.json</c> the impact reads
/// (https://docs.aws.amazon.com/AmazonS3/latest/userguide/storage-inventory-location.html).
/// </summary>
internal sealed record InventoryManifest
{
    [JsonPropertyName("sourceBucket")]
    public string? SourceBucket { get; init; }

    /// <summary>Milliseconds since the epoch: a string as S3 writes it (a number is read too).</summary>
    [JsonPropertyName("creationTimestamp")]
    public System.Text.Json.JsonElement? CreationTimestamp { get; init; }

    /// <summary><c>CSV</c>, <c>ORC</c> or <c>Parquet</c>.</summary>
    [JsonPropertyName("fileFormat")]
    public string? FileFormat { get; init; }

    /// <summary>The column names, comma-separated (for ORC and Parquet, the schema's text).</summary>
    [JsonPropertyName("fileSchema")]
    public string? FileSchema { get; init; }

    [JsonPropertyName("files")]
    public List<InventoryManifestFile>? Files { get; init; }
}

/// <summary>One data file of a manifest.</summary>
internal sealed record InventoryManifestFile
{
    /// <summary>The file's key in the destination bucket.</summary>
    [JsonPropertyName("key")]
    public string? Key { get; init; }
}

[JsonSerializable(typeof(InventoryManifest))]
[JsonSourceGenerationOptions(NumberHandling = JsonNumberHandling.AllowReadingFromString)]
internal sealed partial class InventoryManifestJson : JsonSerializerContext;

using System.Text.Json.Serialization;

namespace LakeCircle.Core.Gateways.Json;

/// <summary>
/// An account snapshot file: <c>{"account":"123456789012","region":"us-east-1","buckets":{"logs":{"Rules":[...]},"bare":null}}</c>.
/// Each bucket maps to a configuration in the AWS shape, or <see langword="null"/> when it has no lifecycle configuration.
/// </summary>
internal sealed class SnapshotFileDto
{
    [JsonPropertyName("account")]
    [JsonRequired]
    public string Account { get; set; } = "";

    [JsonPropertyName("region")]
    [JsonRequired]
    public string Region { get; set; } = "";

    [JsonPropertyName("buckets")]
    [JsonRequired]
    public Dictionary<string, LifecycleConfigurationDto?> Buckets { get; set; } = new(StringComparer.Ordinal);
}

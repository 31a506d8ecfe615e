using System.Text.Json.Serialization;

namespace LakeCircle.Core.Gateways.Json;

// The JSON shapes of `aws s3api get-bucket-lifecycle-configuration`, property for property, in the order the AWS CLI
// prints them. Optional members are nullable; the serializer options make unknown members and wrong types errors.

internal sealed class LifecycleConfigurationDto
{
    public string? TransitionDefaultMinimumObjectSize { get; set; }

    [JsonRequired]
    public List<LifecycleRuleDto> Rules { get; set; } = [];
}

internal sealed class LifecycleRuleDto
{
    [JsonPropertyName("ID")]
    public string? Id { get; set; }

    public string? Prefix { get; set; }

    public LifecycleFilterDto? Filter { get; set; }

    [JsonRequired]
    public string Status { get; set; } = "";

    public LifecycleExpirationDto? Expiration { get; set; }

    public List<LifecycleTransitionDto>? Transitions { get; set; }

    public List<NoncurrentVersionTransitionDto>? NoncurrentVersionTransitions { get; set; }

    public NoncurrentVersionExpirationDto? NoncurrentVersionExpiration { get; set; }

    public AbortIncompleteMultipartUploadDto? AbortIncompleteMultipartUpload { get; set; }
}

internal sealed class LifecycleFilterDto
{
    public string? Prefix { get; set; }

    public LifecycleTagDto? Tag { get; set; }

    public long? ObjectSizeGreaterThan { get; set; }

    public long? ObjectSizeLessThan { get; set; }

    public LifecycleAndDto? And { get; set; }
}

internal sealed class LifecycleAndDto
{
    public string? Prefix { get; set; }

    public List<LifecycleTagDto>? Tags { get; set; }

    public long? ObjectSizeGreaterThan { get; set; }

    public long? ObjectSizeLessThan { get; set; }
}

internal sealed class LifecycleTagDto
{
    [JsonRequired]
    public string Key { get; set; } = "";

    [JsonRequired]
    public string Value { get; set; } = "";
}

internal sealed class LifecycleExpirationDto
{
    [JsonConverter(typeof(UtcDateJsonConverter))]
    public DateTimeOffset? Date { get; set; }

    public int? Days { get; set; }

    public bool? ExpiredObjectDeleteMarker { get; set; }
}

internal sealed class LifecycleTransitionDto
{
    [JsonConverter(typeof(UtcDateJsonConverter))]
    public DateTimeOffset? Date { get; set; }

    public int? Days { get; set; }

    [JsonRequired]
    public string StorageClass { get; set; } = "";
}

internal sealed class NoncurrentVersionTransitionDto
{
    public int? NoncurrentDays { get; set; }

    [JsonRequired]
    public string StorageClass { get; set; } = "";

    public int? NewerNoncurrentVersions { get; set; }
}

internal sealed class NoncurrentVersionExpirationDto
{
    public int? NoncurrentDays { get; set; }

    public int? NewerNoncurrentVersions { get; set; }
}

internal sealed class AbortIncompleteMultipartUploadDto
{
    public int? DaysAfterInitiation { get; set; }
}

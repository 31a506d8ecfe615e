using System.Text.Json;
using LakeCircle.Core.Gateways.Json;
using LakeCircle.Core.Model;

namespace LakeCircle.Core.Export;

/// <summary>
/// Writes one bucket's lifecycle configuration as a JSON definition in the AWS shape:
/// <c>{"BucketName": "…", "LifecycleConfiguration": {"Rules": […]}}</c>, the configuration exactly as
/// <see cref="LifecycleJson"/> writes it (indented, the members in the AWS CLI's order). JSON has no comments, so there
/// is no header; the text is a pure function of its inputs.
/// </summary>
internal static class JsonDefinitionWriter
{
    /// <summary>The definition of <paramref name="bucket"/>, ending with a line break.</summary>
    public static string Write(string bucket, LifecycleConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(bucket);
        ArgumentNullException.ThrowIfNull(configuration);
        var document = new JsonDefinitionDto { BucketName = bucket, LifecycleConfiguration = LifecycleJsonMapper.ToDto(configuration) };
        return JsonSerializer.Serialize(document, LifecycleJson.IndentedOptions) + "\n";
    }

    /// <summary>Reads a definition written by <see cref="Write"/> back (the export's own check).</summary>
    /// <exception cref="LifecycleJsonException">The text is not of the shape.</exception>
    public static (string Bucket, LifecycleConfiguration Configuration) Read(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var dto = LifecycleJson.Read<JsonDefinitionDto>(System.Text.Encoding.UTF8.GetBytes(json))
            ?? throw new LifecycleJsonException("Expected a definition object, found null.", 1, 1, "$");
        return (dto.BucketName, LifecycleJsonMapper.FromDto(dto.LifecycleConfiguration));
    }

    /// <summary>The file: the bucket and its configuration in the AWS shape.</summary>
    internal sealed class JsonDefinitionDto
    {
        [System.Text.Json.Serialization.JsonRequired]
        public string BucketName { get; set; } = "";

        [System.Text.Json.Serialization.JsonRequired]
        public LifecycleConfigurationDto LifecycleConfiguration { get; set; } = new();
    }
}

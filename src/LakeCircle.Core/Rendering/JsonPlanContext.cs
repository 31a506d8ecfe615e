using System.Text.Json.Serialization;
using LakeCircle.Core.Sync;

namespace LakeCircle.Core.Rendering;

/// <summary>The source-generated serializer of <see cref="JsonPlanDocument"/>: camelCase, indented, nulls left out.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(JsonPlanDocument))]
internal sealed partial class JsonPlanContext : JsonSerializerContext;

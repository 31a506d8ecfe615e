using LakeCircle.Core.Sync;
using System.Text.Json.Serialization;

namespace LakeCircle.Core.Rendering;

/// <summary>The source-generated serializer of <see cref="JsonPlanDocument"/>: camelCase, indented, nulls left out.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(JsonPlanDocument))]
internal sealed partial class JsonPlanContext : JsonSerializerContext;

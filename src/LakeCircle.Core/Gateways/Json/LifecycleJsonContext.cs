using System.Text.Json.Serialization;
using LakeCircle.Core.Export;

namespace LakeCircle.Core.Gateways.Json;

/// <summary>
/// Serialization metadata generated at build time for the AWS-shape documents (lifecycle configurations, snapshot files,
/// JSON definitions): reading a snapshot at start-up needs neither reflection over these types nor code emitted at run
/// time. Only the metadata comes from here; the behaviour is that of <see cref="LifecycleJson"/>'s options.
/// </summary>
[JsonSerializable(typeof(LifecycleConfigurationDto))]
[JsonSerializable(typeof(SnapshotFileDto))]
[JsonSerializable(typeof(JsonDefinitionWriter.JsonDefinitionDto))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(Dictionary<string, string?>))]
internal sealed partial class LifecycleJsonContext : JsonSerializerContext;

using System.Text.Json;
using LakeCircle.Core.Gateways;
using LakeCircle.Core.Gateways.Json;
using LakeCircle.Core.Locking;
using LakeCircle.Core.Sync;

namespace LakeCircle.Core.Archive;

/// <summary>
/// Reads and writes <see cref="ArchivedConfiguration"/> files: a camelCase envelope around the configuration in the
/// AWS API JSON shape (<see cref="LifecycleJson"/>), so the inner object can be handed to the AWS CLI as it is.
/// </summary>
internal static class ArchiveFile
{
    public static byte[] Serialize(ArchivedConfiguration archived)
    {
        ArgumentNullException.ThrowIfNull(archived);
        var json = archived.Configuration is null ? "null" : LifecycleJson.Serialize(archived.Configuration);
        using var configuration = JsonDocument.Parse(json);
        return RecoveryJson.Serialize(new Envelope
        {
            Bucket = archived.Bucket,
            CapturedAt = archived.CapturedAt,
            Reason = archived.Reason,
            Configuration = configuration.RootElement,
            Write = archived.Write,
        });
    }

    /// <exception cref="InvalidDataException">The content is not an archive file; the message names the file and place.</exception>
    public static ArchivedConfiguration Deserialize(ReadOnlySpan<byte> utf8Json, string file)
    {
        var envelope = RecoveryJson.Deserialize<Envelope>(utf8Json, file);
        var element = envelope.Configuration;
        if (element.ValueKind is not (JsonValueKind.Null or JsonValueKind.Object))
        {
            throw new InvalidDataException($"'{file}' is not valid ($.configuration): expected an object or null, found {element.ValueKind}.");
        }

        try
        {
            return new ArchivedConfiguration
            {
                Bucket = envelope.Bucket,
                CapturedAt = envelope.CapturedAt,
                Reason = envelope.Reason,
                Configuration = element.ValueKind == JsonValueKind.Null ? null : LifecycleJson.Deserialize(element.GetRawText()),
                Write = envelope.Write,
            };
        }
        catch (LifecycleJsonException e)
        {
            var path = e.PropertyPath is { Length: > 0 } p ? "$.configuration" + p.TrimStart('$') : "$.configuration";
            throw new InvalidDataException($"'{file}' is not valid ({path}): {e.Reason}", e);
        }
    }

    private sealed class Envelope
    {
        public required string Bucket { get; init; }

        public required DateTimeOffset CapturedAt { get; init; }

        public required string Reason { get; init; }

        public required JsonElement Configuration { get; init; }

        [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
        public WriteOutcome? Write { get; init; }
    }
}

using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using LakeCircle.Core.Gateways;
using LakeCircle.Core.Locking;
using LakeCircle.Core.Model;
using LakeCircle.Core.Sync;

namespace LakeCircle.Core.Archive;

/// <summary>
/// The JSON settings of the files LakeCircle keeps at the endpoint (lock, run log): camelCase, indented, strict on
/// reading (unknown properties are errors), <see cref="ValueList{T}"/> as arrays.
/// </summary>
internal static class RecoveryJson
{
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    public static byte[] Serialize<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, Options);

    /// <summary>Reads a file's content, turning malformed JSON into an <see cref="InvalidDataException"/> naming the file.</summary>
    public static T Deserialize<T>(ReadOnlySpan<byte> utf8Json, string file)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(utf8Json, Options)
                ?? throw new InvalidDataException($"'{file}' holds null instead of an object.");
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $" at line {line + 1}, position {e.BytePositionInLine + 1}" : "";
            var path = e.Path is null ? "" : $" ({e.Path})";
            throw new InvalidDataException($"'{file}' is not valid{where}{path}.", e);
        }
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            WriteIndented = true,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            RespectNullableAnnotations = true,
            AllowDuplicateProperties = false,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower), new ValueListJsonConverterFactory() },
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}

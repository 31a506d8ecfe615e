using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using LakeCircle.Core.Model;

namespace LakeCircle.Core.Gateways.Json;

/// <summary>
/// Reads and writes a <see cref="LifecycleConfiguration"/> in the JSON shape <c>aws s3api get-bucket-lifecycle-configuration</c>
/// prints. Reading is strict: unknown or duplicate properties, wrong types, missing required members, comments and
/// trailing commas are errors reported with line, column and property path (<see cref="LifecycleJsonException"/>).
/// A configuration written and read back equals the original.
/// </summary>
internal static class LifecycleJson
{
    /// <summary>Options shared by every reader and writer of the AWS shape (snapshot files included).</summary>
    public static JsonSerializerOptions CompactOptions { get; } = CreateOptions(indented: false);

    /// <summary>Like <see cref="CompactOptions"/>, written with indentation.</summary>
    public static JsonSerializerOptions IndentedOptions { get; } = CreateOptions(indented: true);

    /// <summary>Writes a configuration.</summary>
    public static string Serialize(LifecycleConfiguration configuration, bool indented = false)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return JsonSerializer.Serialize(LifecycleJsonMapper.ToDto(configuration), indented ? IndentedOptions : CompactOptions);
    }

    /// <summary>Reads a configuration.</summary>
    /// <exception cref="LifecycleJsonException">The JSON is malformed or not of the AWS shape.</exception>
    public static LifecycleConfiguration Deserialize(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Deserialize(Encoding.UTF8.GetBytes(json));
    }

    /// <summary>Reads a configuration from UTF-8 bytes.</summary>
    /// <exception cref="LifecycleJsonException">The JSON is malformed or not of the AWS shape.</exception>
    public static LifecycleConfiguration Deserialize(ReadOnlySpan<byte> utf8Json)
    {
        var dto = Read<LifecycleConfigurationDto>(utf8Json)
            ?? throw new LifecycleJsonException("Expected a lifecycle configuration object, found null.", 1, 1, "$");
        return LifecycleJsonMapper.FromDto(dto);
    }

    /// <summary>Deserializes strictly, turning every failure into a <see cref="LifecycleJsonException"/>.</summary>
    public static T? Read<T>(ReadOnlySpan<byte> utf8Json)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(utf8Json, CompactOptions);
        }
        catch (JsonException e)
        {
            throw Translate(e);
        }
    }

    /// <summary>Turns a serializer failure into a located <see cref="LifecycleJsonException"/>.</summary>
    public static LifecycleJsonException Translate(JsonException e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var line = e.LineNumber is { } l ? (int)l + 1 : 0;
        var column = e.BytePositionInLine is { } c ? (int)c + 1 : 0;
        var reason = e.Message;
        var cut = reason.IndexOf(" Path: ", StringComparison.Ordinal);
        if (cut < 0)
        {
            cut = reason.IndexOf(" LineNumber: ", StringComparison.Ordinal);
        }

        if (cut > 0)
        {
            reason = reason[..cut].TrimEnd();
        }

        return new LifecycleJsonException(reason, line, column, e.Path, e);
    }

    private static JsonSerializerOptions CreateOptions(bool indented)
    {
        var options = new JsonSerializerOptions
        {
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            RespectNullableAnnotations = true,
            RespectRequiredConstructorParameters = true,
            AllowDuplicateProperties = false,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            NumberHandling = JsonNumberHandling.Strict,
            ReadCommentHandling = JsonCommentHandling.Disallow,
            AllowTrailingCommas = false,
            PropertyNameCaseInsensitive = false,
            WriteIndented = indented,

            // Writes '+' and non-ASCII text as is, as the AWS CLI does; the output is a file, never HTML.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,

            // The generated metadata of the AWS-shape types first; reflection only for a type it does not know.
            TypeInfoResolver = JsonTypeInfoResolver.Combine(LifecycleJsonContext.Default, new DefaultJsonTypeInfoResolver()),
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}

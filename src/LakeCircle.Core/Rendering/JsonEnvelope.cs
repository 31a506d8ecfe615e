using System.Globalization;
using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using LakeCircle.Core.Gateways;

namespace LakeCircle.Core.Rendering;

/// <summary>
/// The head every JSON document of LakeCircle starts with (the plan and run documents here, the CLI's history, unlock,
/// validate and error documents): <c>schemaVersion</c>, <c>tool</c>, <c>account</c>, <c>region</c>, <c>generatedAt</c>,
/// <c>succeeded</c> and, on a failure, <c>error</c> {<c>code</c>, <c>message</c>, <c>errors</c>}. One place, so that
/// every document keeps the same contract (docs/cli.md, "JSON output").
/// </summary>
internal static class JsonEnvelope
{
    /// <summary>The version of the documents' shape: additive changes keep it, a removal, rename or change of type raises it.</summary>
    public const int SchemaVersion = 1;

    /// <summary>The default <c>tool.name</c>.</summary>
    public const string CoreName = "LakeCircle.Core";

    /// <summary>The informational version of this assembly, such as <c>0.1.0+3f2a9c1</c>.</summary>
    public static string CoreVersion { get; } =
        typeof(JsonEnvelope).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(JsonEnvelope).Assembly.GetName().Version?.ToString()
        ?? "unknown";

    /// <summary>
    /// The serializer options of the documents made of plain records (camelCase, indented, nulls left out). Quotes and
    /// '+' are written as they are: the documents are printed, never embedded in HTML.
    /// </summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>The <c>tool</c> member.</summary>
    public static JsonTool Tool(JsonRenderOptions options) => new(options.ToolName, options.ToolVersion);

    /// <summary>The <c>generatedAt</c> member: now on the options' clock, UTC, ISO 8601 with milliseconds.</summary>
    public static string GeneratedAt(JsonRenderOptions options) => Timestamp(options.TimeProvider.GetUtcNow());

    /// <summary>A time as the documents write it: <c>2026-03-14T09:15:00.250Z</c>.</summary>
    public static string Timestamp(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>An <c>error</c> member; URL passwords in the messages are masked.</summary>
    public static JsonError Error(string code, string message, IEnumerable<string>? errors = null)
    {
        var list = errors?.Select(UserInfoText.Mask).ToList();
        return new JsonError(code, UserInfoText.Mask(message), list is { Count: > 0 } ? list : null);
    }

    /// <summary>
    /// One whole document: the head, then the members of <paramref name="payload"/> (a record serialized with
    /// <see cref="Options"/>), escaped as every JSON output is (<see cref="SafeText.EscapeJson"/>).
    /// </summary>
    public static string Compose(JsonRenderOptions options, string? account, string? region, bool succeeded, JsonError? error, object? payload = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var document = new JsonObject
        {
            ["schemaVersion"] = SchemaVersion,
            ["tool"] = JsonSerializer.SerializeToNode(Tool(options), Options),
        };
        if (account is not null)
        {
            document["account"] = account;
        }

        if (region is not null)
        {
            document["region"] = region;
        }

        document["generatedAt"] = GeneratedAt(options);
        document["succeeded"] = succeeded;
        if (error is not null)
        {
            document["error"] = JsonSerializer.SerializeToNode(error, Options);
        }

        if (payload is not null && JsonSerializer.SerializeToNode(payload, payload.GetType(), Options) is JsonObject members)
        {
            foreach (var (name, value) in members.ToList())
            {
                members.Remove(name);
                document[name] = value;
            }
        }

        return SafeText.EscapeJson(document.ToJsonString(Options));
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            WriteIndented = true,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}

#pragma warning disable SA1402, SA1649 // The small shapes of the head, kept with it.

/// <summary>The <c>tool</c> member: who wrote the document.</summary>
internal sealed record JsonTool(string Name, string Version);

/// <summary>
/// The <c>error</c> member of a failed document: a stable <c>code</c> to branch on (<c>usage</c>, <c>configuration</c>,
/// <c>definitions</c>, <c>refused</c>, <c>stopped</c>, <c>failed</c>, <c>locked</c>, <c>cancelled</c>, <c>unexpected</c>),
/// one <c>message</c> for people, and every problem in <c>errors</c> when there are several.
/// </summary>
internal sealed record JsonError(string Code, string Message, IReadOnlyList<string>? Errors);

using System.Text.Json;
using System.Text.Json.Nodes;

namespace LakeCircle.Cli.Running;

/// <summary>Merges the <c>LCC_ACTION_PARAMS</c> keys given as flags over the variable's JSON object.</summary>
internal static class ParameterMerge
{
    /// <summary>
    /// The JSON object of <paramref name="json"/> with <paramref name="flags"/> set over it, or <paramref name="json"/>
    /// unchanged when there are no flags or it is not a JSON object (so that its own problems are still reported).
    /// </summary>
    /// <param name="json">The variable's value; blank counts as <c>{}</c>.</param>
    /// <param name="flags">The keys and values given by flags (numbers, booleans, strings, string arrays).</param>
    /// <returns>The merged JSON text.</returns>
    public static string? Merge(string? json, IReadOnlyDictionary<string, object> flags)
    {
        if (flags.Count == 0)
        {
            return json;
        }

        JsonObject merged;
        if (string.IsNullOrWhiteSpace(json))
        {
            merged = [];
        }
        else
        {
            try
            {
                if (JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { AllowDuplicateProperties = false }) is not JsonObject parsed)
                {
                    return json;
                }

                merged = parsed;
            }
            catch (Exception e) when (e is JsonException or ArgumentException)
            {
                return json;
            }
        }

        foreach (var (key, value) in flags)
        {
            merged[key] = value switch
            {
                int number => JsonValue.Create(number),
                bool flag => JsonValue.Create(flag),
                string text => JsonValue.Create(text),
                string[] names => new JsonArray([.. names.Select(n => (JsonNode?)JsonValue.Create(n))]),
                _ => throw new ArgumentException($"Unsupported value for '{key}'.", nameof(flags)),
            };
        }

        return merged.ToJsonString();
    }
}

using System.Text.Json;
using LakeCircle.Core.Gateways.Json;
using LakeCircle.Core.Model;
using LakeCircle.Core.Planning;

namespace LakeCircle.Core.Rendering;

/// <summary>
/// The values of a changed field as the AWS API's JSON has them (<c>Expiration.Days</c> a number,
/// <c>Expiration.ExpiredObjectDeleteMarker</c> a boolean, <c>Expiration.Date</c> an ISO 8601 string, <c>Filter</c> and
/// <c>Transitions</c> the AWS objects and lists), read from the rules themselves; <see cref="FieldChange"/> keeps the
/// readable renderings the text plan prints.
/// </summary>
internal static class JsonFieldValues
{
    /// <summary>The value of a dotted S3 field (<see cref="RuleFieldDiff.Fields"/>, or <c>Rule</c> for the whole rule) in a rule, or <see langword="null"/> when absent.</summary>
    public static JsonElement? Of(LifecycleRule rule, string field) => Of(AwsShape(rule), field);

    /// <summary>The value of a dotted S3 field in a rule already in its AWS shape (<see cref="AwsShape"/>).</summary>
    public static JsonElement? Of(JsonElement aws, string field)
    {
        if (field == "Rule")
        {
            return aws;
        }

        if (field == "Filter" && !aws.TryGetProperty("Filter", out _))
        {
            // The legacy top-level Prefix means what a Filter with that Prefix means; no filter at all is left out.
            return aws.TryGetProperty("Prefix", out var prefix) ? Element(new Dictionary<string, string?> { ["Prefix"] = prefix.GetString() }) : null;
        }

        var current = aws;
        foreach (var part in field.Split('.'))
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(part, out current))
            {
                return null;
            }
        }

        return current.Clone();
    }

    /// <summary>The value of a configuration-level field: <c>TransitionDefaultMinimumObjectSize</c> is a string in the AWS API too.</summary>
    public static JsonElement? OfConfiguration(string? value) => value is null ? null : Element(value);

    /// <summary>The rule as the AWS API JSON shows it (<c>ID</c>, <c>Filter</c>, <c>Status</c>, ...).</summary>
    public static JsonElement AwsShape(LifecycleRule rule)
    {
        using var document = JsonDocument.Parse(LifecycleJson.Serialize(LifecycleConfiguration.Of(rule)));
        return document.RootElement.GetProperty("Rules")[0].Clone();
    }

    private static JsonElement Element<T>(T value) => JsonSerializer.SerializeToElement(value, LifecycleJson.CompactOptions);
}

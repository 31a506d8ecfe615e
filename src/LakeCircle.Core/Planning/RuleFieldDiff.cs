using System.Text.Json;
using LakeCircle.Core.Fingerprinting;
using LakeCircle.Core.Model;

namespace LakeCircle.Core.Planning;

/// <summary>
/// Lists the fields in which two rules differ, read from their canonical JSON so that shapes with the same meaning
/// never show up as a change. Every field the canonical form holds is covered; should a difference escape the
/// field-by-field comparison, the whole canonical rule is reported as the field <c>Rule</c>, so a changed rule
/// always lists at least one field.
/// </summary>
internal static class RuleFieldDiff
{
    /// <summary>The fields compared, in the order they are reported, as dotted S3 field names.</summary>
    internal static IReadOnlyList<string> Fields { get; } =
    [
        "Status",
        "Filter",
        "Expiration.Days",
        "Expiration.Date",
        "Expiration.ExpiredObjectDeleteMarker",
        "Transitions",
        "NoncurrentVersionExpiration.NoncurrentDays",
        "NoncurrentVersionExpiration.NewerNoncurrentVersions",
        "NoncurrentVersionTransitions",
        "AbortIncompleteMultipartUpload.DaysAfterInitiation",
    ];

    public static ValueList<FieldChange> Of(LifecycleRule before, LifecycleRule after)
    {
        var beforeJson = CanonicalForm.RuleJson(before);
        var afterJson = CanonicalForm.RuleJson(after);
        if (string.Equals(beforeJson, afterJson, StringComparison.Ordinal))
        {
            return ValueList<FieldChange>.Empty;
        }

        var beforeFields = Render(beforeJson);
        var afterFields = Render(afterJson);
        var changes = new List<FieldChange>();
        foreach (var field in Fields)
        {
            var b = beforeFields.GetValueOrDefault(field);
            var a = afterFields.GetValueOrDefault(field);
            if (!string.Equals(b, a, StringComparison.Ordinal))
            {
                changes.Add(new FieldChange(field, b, a));
            }
        }

        if (changes.Count == 0)
        {
            changes.Add(new FieldChange("Rule", beforeJson, afterJson));
        }

        return changes.ToValueList();
    }

    /// <summary>Renders each field of a canonical rule; absent fields are left out.</summary>
    internal static Dictionary<string, string> Render(string canonicalJson)
    {
        using var document = JsonDocument.Parse(canonicalJson);
        var root = document.RootElement;
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        if (root.TryGetProperty("status", out var status))
        {
            fields["Status"] = status.GetString() ?? "";
        }

        fields["Filter"] = root.TryGetProperty("filter", out var filter) ? FieldRendering.Filter(filter) : FieldRendering.Filter(default);
        if (root.TryGetProperty("expiration", out var expiration))
        {
            AddNumber(fields, "Expiration.Days", expiration, "days");
            AddDate(fields, "Expiration.Date", expiration, "date");
            if (expiration.TryGetProperty("expiredObjectDeleteMarker", out var marker))
            {
                fields["Expiration.ExpiredObjectDeleteMarker"] = marker.GetBoolean() ? "true" : "false";
            }
        }

        if (root.TryGetProperty("transitions", out var transitions))
        {
            fields["Transitions"] = FieldRendering.Transitions(transitions);
        }

        if (root.TryGetProperty("noncurrentVersionExpiration", out var noncurrent))
        {
            AddNumber(fields, "NoncurrentVersionExpiration.NoncurrentDays", noncurrent, "noncurrentDays");
            AddNumber(fields, "NoncurrentVersionExpiration.NewerNoncurrentVersions", noncurrent, "newerNoncurrentVersions");
        }

        if (root.TryGetProperty("noncurrentVersionTransitions", out var noncurrentTransitions))
        {
            fields["NoncurrentVersionTransitions"] = FieldRendering.NoncurrentTransitions(noncurrentTransitions);
        }

        if (root.TryGetProperty("abortIncompleteMultipartUpload", out var abort))
        {
            AddNumber(fields, "AbortIncompleteMultipartUpload.DaysAfterInitiation", abort, "daysAfterInitiation");
        }

        return fields;
    }

    private static void AddNumber(Dictionary<string, string> fields, string field, JsonElement parent, string name)
    {
        if (parent.TryGetProperty(name, out var value))
        {
            fields[field] = value.GetRawText();
        }
    }

    private static void AddDate(Dictionary<string, string> fields, string field, JsonElement parent, string name)
    {
        if (parent.TryGetProperty(name, out var value))
        {
            fields[field] = FieldRendering.Date(value.GetString() ?? "");
        }
    }
}

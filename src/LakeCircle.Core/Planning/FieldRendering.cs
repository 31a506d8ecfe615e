using System.Globalization;
using System.Text.Json;

namespace LakeCircle.Core.Planning;

/// <summary>
/// Readable renderings of the parts of a canonical rule, for <see cref="FieldChange"/> values. Distinct canonical
/// values render distinctly: names outside the plain S3 key characters are quoted.
/// </summary>
internal static class FieldRendering
{
    /// <summary>What an empty filter (or none) is rendered as.</summary>
    public const string EveryObject = "(every object)";

    public static string Filter(JsonElement filter)
    {
        if (filter.ValueKind != JsonValueKind.Object)
        {
            return EveryObject;
        }

        var parts = new List<string>();
        if (filter.TryGetProperty("prefix", out var prefix))
        {
            if (prefix.ValueKind == JsonValueKind.Array)
            {
                parts.AddRange(prefix.EnumerateArray().Select(p => "Prefix=" + Quote(p.GetString())));
            }
            else
            {
                parts.Add("Prefix=" + Quote(prefix.GetString()));
            }
        }

        if (filter.TryGetProperty("tags", out var tags))
        {
            parts.AddRange(tags.EnumerateArray().Select(t => $"Tag {Quote(t[0].GetString())}={Quote(t[1].GetString())}"));
        }

        if (filter.TryGetProperty("objectSizeGreaterThan", out var greater))
        {
            parts.Add("ObjectSizeGreaterThan=" + greater.GetRawText());
        }

        if (filter.TryGetProperty("objectSizeLessThan", out var less))
        {
            parts.Add("ObjectSizeLessThan=" + less.GetRawText());
        }

        return parts.Count == 0 ? EveryObject : string.Join(" AND ", parts);
    }

    public static string Transitions(JsonElement transitions) =>
        string.Join("; ", transitions.EnumerateArray().Select(t =>
        {
            var when = t.TryGetProperty("days", out var days) ? Days(days.GetInt64())
                : t.TryGetProperty("date", out var date) ? "on " + Date(date.GetString() ?? "")
                : "(no time)";
            if (t.TryGetProperty("days", out _) && t.TryGetProperty("date", out var both))
            {
                when += " and on " + Date(both.GetString() ?? "");
            }

            return $"{Quote(t.GetProperty("storageClass").GetString())} {when}";
        }));

    public static string NoncurrentTransitions(JsonElement transitions) =>
        string.Join("; ", transitions.EnumerateArray().Select(t =>
        {
            var when = t.TryGetProperty("noncurrentDays", out var days) ? Days(days.GetInt64()) + " noncurrent" : "(no time)";
            var keep = t.TryGetProperty("newerNoncurrentVersions", out var newer) ? $" (keep {newer.GetRawText()} newer)" : "";
            return $"{Quote(t.GetProperty("storageClass").GetString())} {when}{keep}";
        }));

    /// <summary>Shows a canonical date as <c>yyyy-MM-dd</c> when it is midnight UTC, in full otherwise.</summary>
    public static string Date(string canonical) =>
        canonical.EndsWith("T00:00:00Z", StringComparison.Ordinal) ? canonical[..^"T00:00:00Z".Length] : canonical;

    private static string Days(long days) => days == 1 ? "after 1 day" : string.Create(CultureInfo.InvariantCulture, $"after {days} days");

    /// <summary>Leaves plain names as they are and quotes (JSON style) any other, so that renderings stay distinct.</summary>
    internal static string Quote(string? value)
    {
        if (value is null)
        {
            return "<null>";
        }

        var plain = value.Length > 0 && value.All(c => char.IsAsciiLetterOrDigit(c) || "/_.-!*'()".Contains(c, StringComparison.Ordinal));
        return plain ? value : JsonSerializer.Serialize(value);
    }
}

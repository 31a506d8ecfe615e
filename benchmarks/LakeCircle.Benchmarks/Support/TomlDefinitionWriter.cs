using System.Globalization;
using System.Text;
using LakeCircle.Core.Definitions;
using LakeCircle.Core.Model;

namespace LakeCircle.Benchmarks.Support;

/// <summary>
/// Writes a bucket's configuration as a definition file (keys as in docs/definitions.md; tables inline, one
/// <c>[[LifecycleConfiguration.Rules]]</c> per rule, dates as TOML local dates).
/// </summary>
internal static class TomlDefinitionWriter
{
    public static string Write(string bucket, LifecycleConfiguration configuration)
    {
        var text = new StringBuilder();
        text.Append("BucketName = ").Append(Quote(bucket)).Append('\n').Append("\n[LifecycleConfiguration]\n");
        if (configuration.TransitionDefaultMinimumObjectSize is { } minimum)
        {
            text.Append("TransitionDefaultMinimumObjectSize = ").Append(Quote(minimum)).Append('\n');
        }

        foreach (var rule in configuration.Rules)
        {
            text.Append("\n[[LifecycleConfiguration.Rules]]\n");
            Line(text, "ID", rule.Id is null ? null : Quote(rule.Id));
            Line(text, "Status", Quote(rule.Status));
            Line(text, "Filter", rule.Filter is null ? null : Filter(rule.Filter));
            Line(text, "Prefix", rule.Prefix is null ? null : Quote(rule.Prefix));
            Line(text, "Expiration", rule.Expiration is not { } e ? null
                : Table(("Days", Number(e.Days)), ("Date", Date(e.Date)), ("ExpiredObjectDeleteMarker", e.ExpiredObjectDeleteMarker is { } m ? (m ? "true" : "false") : null)));
            Line(text, "Transitions", rule.Transitions.Count == 0 ? null
                : Array(rule.Transitions.Select(t => Table(("Days", Number(t.Days)), ("Date", Date(t.Date)), ("StorageClass", Quote(t.StorageClass))))));
            Line(text, "NoncurrentVersionExpiration", rule.NoncurrentVersionExpiration is not { } n ? null
                : Table(("NoncurrentDays", Number(n.NoncurrentDays)), ("NewerNoncurrentVersions", Number(n.NewerNoncurrentVersions))));
            Line(text, "NoncurrentVersionTransitions", rule.NoncurrentVersionTransitions.Count == 0 ? null
                : Array(rule.NoncurrentVersionTransitions.Select(t => Table(
                    ("NoncurrentDays", Number(t.NoncurrentDays)), ("NewerNoncurrentVersions", Number(t.NewerNoncurrentVersions)), ("StorageClass", Quote(t.StorageClass))))));
            Line(text, "AbortIncompleteMultipartUpload", rule.AbortIncompleteMultipartUpload is not { } a ? null
                : Table(("DaysAfterInitiation", Number(a.DaysAfterInitiation))));
        }

        return text.ToString();
    }

    /// <summary>The file as a definition document, as a source would read it.</summary>
    public static DefinitionDocument Document(string path, string bucket, LifecycleConfiguration configuration) =>
        new(path, Encoding.UTF8.GetBytes(Write(bucket, configuration)));

    private static string Filter(LifecycleFilter filter) => Table(
        ("Prefix", filter.Prefix is null ? null : Quote(filter.Prefix)),
        ("Tag", filter.Tag is null ? null : Tag(filter.Tag)),
        ("ObjectSizeGreaterThan", Number(filter.ObjectSizeGreaterThan)),
        ("ObjectSizeLessThan", Number(filter.ObjectSizeLessThan)),
        ("And", filter.And is not { } and ? null : Table(
            ("Prefix", and.Prefix is null ? null : Quote(and.Prefix)),
            ("Tags", and.Tags.Count == 0 ? null : Array(and.Tags.Select(Tag))),
            ("ObjectSizeGreaterThan", Number(and.ObjectSizeGreaterThan)),
            ("ObjectSizeLessThan", Number(and.ObjectSizeLessThan)))));

    private static string Tag(LifecycleTag tag) => Table(("Key", Quote(tag.Key)), ("Value", Quote(tag.Value)));

    private static void Line(StringBuilder text, string key, string? value)
    {
        if (value is not null)
        {
            text.Append(key).Append(" = ").Append(value).Append('\n');
        }
    }

    private static string Table(params (string Key, string? Value)[] entries)
    {
        var present = entries.Where(e => e.Value is not null).Select(e => $"{e.Key} = {e.Value}").ToList();
        return present.Count == 0 ? "{}" : "{ " + string.Join(", ", present) + " }";
    }

    private static string Array(IEnumerable<string> items) => "[" + string.Join(", ", items) + "]";

    private static string? Number(long? value) => value?.ToString(CultureInfo.InvariantCulture);

    private static string? Date(DateTimeOffset? date) => date?.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Quote(string value) => "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}

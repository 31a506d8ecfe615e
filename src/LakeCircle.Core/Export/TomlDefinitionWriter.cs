using System.Globalization;
using System.Text;
using LakeCircle.Core.Model;

namespace LakeCircle.Core.Export;

/// <summary>
/// Writes one bucket's lifecycle configuration as a TOML definition file that the definition reader accepts and reads
/// back to the same configuration: keys spelled as in the S3 API, rules in the order given, dates as TOML offset
/// date-times in UTC, every table inline. The text is a pure function of its inputs (no clock, no machine).
/// </summary>
internal static class TomlDefinitionWriter
{
    /// <summary>The definition of <paramref name="bucket"/>: an optional comment header, then the file.</summary>
    /// <param name="bucket">The bucket (a valid S3 bucket name).</param>
    /// <param name="configuration">Its configuration; no rules writes <c>Rules = []</c>.</param>
    /// <param name="header">Comment lines written first (each prefixed with <c># </c>), control characters replaced.</param>
    public static string Write(string bucket, LifecycleConfiguration configuration, IEnumerable<string> header)
    {
        ArgumentNullException.ThrowIfNull(bucket);
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(header);
        var text = new StringBuilder();
        foreach (var line in header)
        {
            text.Append("# ").Append(Comment(line)).Append('\n');
        }

        text.Append("BucketName = ").Append(String(bucket)).Append('\n');
        text.Append('\n').Append("[LifecycleConfiguration]\n");
        if (configuration.TransitionDefaultMinimumObjectSize is { } minimum)
        {
            text.Append("TransitionDefaultMinimumObjectSize = ").Append(String(minimum)).Append('\n');
        }

        if (configuration.Rules.Count == 0)
        {
            text.Append("Rules = []\n");
            return text.ToString();
        }

        foreach (var rule in configuration.Rules)
        {
            text.Append('\n').Append("[[LifecycleConfiguration.Rules]]\n");
            WriteRule(text, rule);
        }

        return text.ToString();
    }

    private static void WriteRule(StringBuilder text, LifecycleRule rule)
    {
        if (!string.IsNullOrEmpty(rule.Id))
        {
            Line(text, "ID", String(rule.Id));
        }

        Line(text, "Status", String(rule.Status));
        if (rule.Prefix is { } prefix)
        {
            Line(text, "Prefix", String(prefix));
        }

        if (rule.Filter is { } filter)
        {
            Line(text, "Filter", Filter(filter));
        }

        if (rule.Expiration is { } expiration)
        {
            Line(text, "Expiration", Table(
                ("Days", Integer(expiration.Days)),
                ("Date", Date(expiration.Date)),
                ("ExpiredObjectDeleteMarker", expiration.ExpiredObjectDeleteMarker is { } marker ? (marker ? "true" : "false") : null)));
        }

        if (rule.Transitions.Count > 0)
        {
            Line(text, "Transitions", Array(rule.Transitions.Select(t => Table(
                ("Days", Integer(t.Days)), ("Date", Date(t.Date)), ("StorageClass", String(t.StorageClass))))));
        }

        if (rule.NoncurrentVersionExpiration is { } noncurrent)
        {
            Line(text, "NoncurrentVersionExpiration", Table(
                ("NoncurrentDays", Integer(noncurrent.NoncurrentDays)), ("NewerNoncurrentVersions", Integer(noncurrent.NewerNoncurrentVersions))));
        }

        if (rule.NoncurrentVersionTransitions.Count > 0)
        {
            Line(text, "NoncurrentVersionTransitions", Array(rule.NoncurrentVersionTransitions.Select(t => Table(
                ("NoncurrentDays", Integer(t.NoncurrentDays)),
                ("NewerNoncurrentVersions", Integer(t.NewerNoncurrentVersions)),
                ("StorageClass", String(t.StorageClass))))));
        }

        if (rule.AbortIncompleteMultipartUpload is { } abort)
        {
            Line(text, "AbortIncompleteMultipartUpload", Table(("DaysAfterInitiation", Integer(abort.DaysAfterInitiation))));
        }
    }

    private static string Filter(LifecycleFilter filter) => Table(
        ("Prefix", filter.Prefix is { } p ? String(p) : null),
        ("Tag", filter.Tag is { } tag ? Tag(tag) : null),
        ("ObjectSizeGreaterThan", Integer(filter.ObjectSizeGreaterThan)),
        ("ObjectSizeLessThan", Integer(filter.ObjectSizeLessThan)),
        ("And", filter.And is { } and
            ? Table(
                ("Prefix", and.Prefix is { } ap ? String(ap) : null),
                ("Tags", and.Tags.Count == 0 ? null : "[" + string.Join(", ", and.Tags.Select(Tag)) + "]"),
                ("ObjectSizeGreaterThan", Integer(and.ObjectSizeGreaterThan)),
                ("ObjectSizeLessThan", Integer(and.ObjectSizeLessThan)))
            : null));

    private static string Tag(LifecycleTag tag) => Table(("Key", String(tag.Key)), ("Value", String(tag.Value)));

    private static void Line(StringBuilder text, string key, string value) => text.Append(key).Append(" = ").Append(value).Append('\n');

    /// <summary>An inline table of the members that have a value, in the order given; <c>{}</c> when none has.</summary>
    private static string Table(params (string Key, string? Value)[] members)
    {
        var present = members.Where(m => m.Value is not null).Select(m => $"{m.Key} = {m.Value}").ToList();
        return present.Count == 0 ? "{}" : "{ " + string.Join(", ", present) + " }";
    }

    /// <summary>An array of inline tables: on one line for one item, else one item per line.</summary>
    private static string Array(IEnumerable<string> items)
    {
        var list = items.ToList();
        return list.Count == 1 ? $"[{list[0]}]" : "[\n" + string.Concat(list.Select(i => $"  {i},\n")) + "]";
    }

    private static string? Integer(long? value) => value?.ToString(CultureInfo.InvariantCulture);

    /// <summary>A TOML offset date-time in UTC, <c>2027-01-01T00:00:00Z</c>, with a fraction only when there is one.</summary>
    private static string? Date(DateTimeOffset? value) =>
        value?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    /// <summary>A TOML basic string: quotes, backslashes and every control character escaped; other text as it is.</summary>
    internal static string String(string value)
    {
        var text = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': text.Append("\\\""); break;
                case '\\': text.Append("\\\\"); break;
                case '\b': text.Append("\\b"); break;
                case '\t': text.Append("\\t"); break;
                case '\n': text.Append("\\n"); break;
                case '\f': text.Append("\\f"); break;
                case '\r': text.Append("\\r"); break;
                default:
                    if (char.IsControl(c))
                    {
                        text.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        text.Append(c);
                    }

                    break;
            }
        }

        return text.Append('"').ToString();
    }

    /// <summary>A comment's text on one line: control characters (line breaks included) shown as <c>?</c>.</summary>
    private static string Comment(string line) => new([.. line.Select(c => char.IsControl(c) ? '?' : c)]);
}

using System.Globalization;
using System.Text;
using LakeCircle.Core.Model;

namespace LakeCircle.IntegrationTests.Support;

/// <summary>Writes a bucket definition as TOML (the schema's field names), for definitions stored in S3 or in a folder.</summary>
public static class TomlText
{
    public static string Bucket(string bucket, LifecycleConfiguration configuration)
    {
        var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"BucketName = {Quote(bucket)}\n\n[LifecycleConfiguration]\n");
        if (configuration.Rules.Count == 0)
        {
            text.Append("Rules = []\n");
        }

        foreach (var rule in configuration.Rules)
        {
            text.Append("\n[[LifecycleConfiguration.Rules]]\n");
            Line(text, "ID", rule.Id is null ? null : Quote(rule.Id));
            Line(text, "Status", Quote(rule.Status));
            Line(text, "Prefix", rule.Prefix is null ? null : Quote(rule.Prefix));
            Line(text, "Filter", rule.Filter is { } f ? Filter(f) : null);
            Line(text, "Expiration", rule.Expiration is { } e ? Table(("Days", Num(e.Days)), ("Date", Date(e.Date)), ("ExpiredObjectDeleteMarker", e.ExpiredObjectDeleteMarker is { } m ? (m ? "true" : "false") : null)) : null);
            Line(text, "Transitions", rule.Transitions.Count == 0 ? null
                : "[" + string.Join(", ", rule.Transitions.Select(t => Table(("Days", Num(t.Days)), ("Date", Date(t.Date)), ("StorageClass", Quote(t.StorageClass))))) + "]");
            Line(text, "NoncurrentVersionExpiration", rule.NoncurrentVersionExpiration is { } n
                ? Table(("NoncurrentDays", Num(n.NoncurrentDays)), ("NewerNoncurrentVersions", Num(n.NewerNoncurrentVersions))) : null);
            Line(text, "NoncurrentVersionTransitions", rule.NoncurrentVersionTransitions.Count == 0 ? null
                : "[" + string.Join(", ", rule.NoncurrentVersionTransitions.Select(t => Table(("NoncurrentDays", Num(t.NoncurrentDays)), ("NewerNoncurrentVersions", Num(t.NewerNoncurrentVersions)), ("StorageClass", Quote(t.StorageClass))))) + "]");
            Line(text, "AbortIncompleteMultipartUpload", rule.AbortIncompleteMultipartUpload is { } a ? Table(("DaysAfterInitiation", Num(a.DaysAfterInitiation))) : null);
        }

        return text.ToString();
    }

    private static string Filter(LifecycleFilter f) => Table(
        ("Prefix", f.Prefix is null ? null : Quote(f.Prefix)),
        ("Tag", f.Tag is { } t ? Tag(t) : null),
        ("ObjectSizeGreaterThan", Num(f.ObjectSizeGreaterThan)),
        ("ObjectSizeLessThan", Num(f.ObjectSizeLessThan)),
        ("And", f.And is { } and ? Table(
            ("Prefix", and.Prefix is null ? null : Quote(and.Prefix)),
            ("Tags", and.Tags.Count == 0 ? null : "[" + string.Join(", ", and.Tags.Select(Tag)) + "]"),
            ("ObjectSizeGreaterThan", Num(and.ObjectSizeGreaterThan)),
            ("ObjectSizeLessThan", Num(and.ObjectSizeLessThan))) : null));

    private static string Tag(LifecycleTag t) => Table(("Key", Quote(t.Key)), ("Value", Quote(t.Value)));

    private static string Table(params (string Key, string? Value)[] entries) =>
        "{ " + string.Join(", ", entries.Where(e => e.Value is not null).Select(e => $"{e.Key} = {e.Value}")) + " }";

    private static void Line(StringBuilder text, string key, string? value)
    {
        if (value is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $"{key} = {value}\n");
        }
    }

    private static string? Num(long? value) => value?.ToString(CultureInfo.InvariantCulture);

    private static string? Date(DateTimeOffset? value) => value?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Quote(string value) => "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}

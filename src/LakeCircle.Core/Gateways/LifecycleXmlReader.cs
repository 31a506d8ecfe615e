using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using LakeCircle.Core.Model;

namespace LakeCircle.Core.Gateways;

/// <summary>
/// Reads the XML of <c>GET /?lifecycle</c> into the model, accepting the shapes S3-compatible servers write that
/// AWSSDK.S3 4.1 refuses: several predicates directly in <c>Filter</c> (Ceph writes <c>Prefix</c> next to <c>Tag</c>
/// or next to an <c>And</c> of tags) become one <see cref="LifecycleAndOperator"/> holding all of them. Element names are
/// matched without namespace; unknown elements are ignored; numbers and dates that do not parse are errors.
/// </summary>
internal static class LifecycleXmlReader
{
    public static LifecycleConfiguration Read(string xml, string? transitionDefaultMinimumObjectSize = null)
    {
        XDocument document;
        try
        {
            document = XDocument.Parse(xml);
        }
        catch (XmlException e)
        {
            throw new FormatException($"The lifecycle configuration is not well-formed XML: {e.Message}", e);
        }

        var root = document.Root ?? throw new FormatException("The lifecycle configuration XML has no root element.");
        if (root.Name.LocalName != "LifecycleConfiguration")
        {
            throw new FormatException($"Expected a LifecycleConfiguration element, found {root.Name.LocalName}.");
        }

        return new LifecycleConfiguration
        {
            Rules = Children(root, "Rule").Select(ReadRule).ToValueList(),
            TransitionDefaultMinimumObjectSize = string.IsNullOrEmpty(transitionDefaultMinimumObjectSize) ? null : transitionDefaultMinimumObjectSize,
        };
    }

    private static LifecycleRule ReadRule(XElement rule) => new()
    {
        Id = Text(rule, "ID"),
        Status = Text(rule, "Status") ?? "",
        Prefix = Text(rule, "Prefix"),
        Filter = Child(rule, "Filter") is { } filter ? ReadFilter(filter) : null,
        Expiration = Child(rule, "Expiration") is { } e
            ? new LifecycleExpiration { Days = Int(e, "Days"), Date = Date(e, "Date"), ExpiredObjectDeleteMarker = Bool(e, "ExpiredObjectDeleteMarker") }
            : null,
        Transitions = Children(rule, "Transition")
            .Select(t => new LifecycleTransition { Days = Int(t, "Days"), Date = Date(t, "Date"), StorageClass = Text(t, "StorageClass") ?? "" })
            .ToValueList(),
        NoncurrentVersionTransitions = Children(rule, "NoncurrentVersionTransition")
            .Select(t => new NoncurrentVersionTransition
            {
                NoncurrentDays = Int(t, "NoncurrentDays"),
                NewerNoncurrentVersions = Int(t, "NewerNoncurrentVersions"),
                StorageClass = Text(t, "StorageClass") ?? "",
            })
            .ToValueList(),
        NoncurrentVersionExpiration = Child(rule, "NoncurrentVersionExpiration") is { } n
            ? new NoncurrentVersionExpiration { NoncurrentDays = Int(n, "NoncurrentDays"), NewerNoncurrentVersions = Int(n, "NewerNoncurrentVersions") }
            : null,
        AbortIncompleteMultipartUpload = Child(rule, "AbortIncompleteMultipartUpload") is { } a
            ? new AbortIncompleteMultipartUpload { DaysAfterInitiation = Int(a, "DaysAfterInitiation") }
            : null,
    };

    private static LifecycleFilter ReadFilter(XElement filter)
    {
        var and = Child(filter, "And");
        var prefix = Text(filter, "Prefix");
        var tags = Children(filter, "Tag").Select(ReadTag).ToList();
        var greater = Long(filter, "ObjectSizeGreaterThan");
        var less = Long(filter, "ObjectSizeLessThan");
        var direct = (prefix is null ? 0 : 1) + tags.Count + (greater is null ? 0 : 1) + (less is null ? 0 : 1);
        if (and is null && direct <= 1)
        {
            return new LifecycleFilter { Prefix = prefix, Tag = tags.FirstOrDefault(), ObjectSizeGreaterThan = greater, ObjectSizeLessThan = less };
        }

        // An And, or several predicates side by side: one And holding every condition.
        var andPrefix = and is null ? null : Text(and, "Prefix");
        return new LifecycleFilter
        {
            And = new LifecycleAndOperator
            {
                Prefix = MergePrefix(prefix, andPrefix),
                Tags = tags.Concat(and is null ? [] : Children(and, "Tag").Select(ReadTag)).ToValueList(),
                ObjectSizeGreaterThan = greater ?? (and is null ? null : Long(and, "ObjectSizeGreaterThan")),
                ObjectSizeLessThan = less ?? (and is null ? null : Long(and, "ObjectSizeLessThan")),
            },
        };
    }

    private static string? MergePrefix(string? outer, string? inner) =>
        string.IsNullOrEmpty(outer) ? inner ?? outer
        : string.IsNullOrEmpty(inner) || inner == outer ? outer
        : throw new FormatException($"A lifecycle filter holds two different prefixes, '{outer}' and '{inner}'.");

    private static LifecycleTag ReadTag(XElement tag) => new(Text(tag, "Key") ?? "", Text(tag, "Value") ?? "");

    private static XElement? Child(XElement parent, string name) => parent.Elements().FirstOrDefault(e => e.Name.LocalName == name);

    private static IEnumerable<XElement> Children(XElement parent, string name) => parent.Elements().Where(e => e.Name.LocalName == name);

    private static string? Text(XElement parent, string name) => Child(parent, name)?.Value;

    private static int? Int(XElement parent, string name) => Text(parent, name) is { } text
        ? int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : throw Invalid(name, text)
        : null;

    private static long? Long(XElement parent, string name) => Text(parent, name) is { } text
        ? long.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : throw Invalid(name, text)
        : null;

    private static bool? Bool(XElement parent, string name) => Text(parent, name) is { } text
        ? bool.TryParse(text.Trim(), out var value) ? value : throw Invalid(name, text)
        : null;

    private static DateTimeOffset? Date(XElement parent, string name) => Text(parent, name) is { } text
        ? DateTimeOffset.TryParse(text.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value)
            ? value
            : throw Invalid(name, text)
        : null;

    private static FormatException Invalid(string name, string text) => new($"The lifecycle configuration holds an invalid {name}: '{text}'.");
}

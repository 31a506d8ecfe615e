using System.Collections;
using System.Globalization;

namespace LakeCircle.Cli.Logging;

/// <summary>One structured value of a log event or scope, already masked when its key is secret.</summary>
/// <param name="Key">The key, such as <c>Bucket</c>.</param>
/// <param name="Value">The value (<see cref="SecretMasker.Mask"/> for secrets).</param>
internal sealed record LogField(string Key, object? Value)
{
    public const string OriginalFormat = "{OriginalFormat}";

    /// <summary>The value as invariant text: <c>null</c>, <c>true</c>/<c>false</c>, numbers, lists joined by commas.</summary>
    public string Text => Render(Value);

    /// <summary>Reads the key/value pairs of a state or scope object; <see langword="null"/> when it has none.</summary>
    public static IReadOnlyList<KeyValuePair<string, object?>>? PairsOf(object? state) => state switch
    {
        null or string => null,
        IEnumerable<KeyValuePair<string, object?>> pairs => pairs.ToList(),
        IEnumerable<KeyValuePair<string, string?>> pairs => pairs.Select(p => new KeyValuePair<string, object?>(p.Key, p.Value)).ToList(),
        IDictionary dictionary => dictionary.Cast<DictionaryEntry>()
            .Select(e => new KeyValuePair<string, object?>(Convert.ToString(e.Key, CultureInfo.InvariantCulture) ?? string.Empty, e.Value))
            .ToList(),
        _ => null,
    };

    /// <summary>The fields of pairs, leaving out the message template, masking secrets.</summary>
    public static List<LogField> From(IReadOnlyList<KeyValuePair<string, object?>>? pairs, List<string> secretValues)
    {
        var fields = new List<LogField>();
        foreach (var (key, value) in pairs ?? [])
        {
            if (key == OriginalFormat)
            {
                continue;
            }

            if (SecretMasker.IsSecret(key))
            {
                secretValues.Add(Render(value));
                fields.Add(new LogField(key, SecretMasker.Mask));
            }
            else
            {
                fields.Add(new LogField(key, value is string text ? SecretMasker.MaskUserInfo(text) : value));
            }
        }

        return fields;
    }

    public static string Render(object? value) => value switch
    {
        null => "null",
        string text => text,
        bool flag => flag ? "true" : "false",
        DateTimeOffset time => time.ToString("O", CultureInfo.InvariantCulture),
        DateTime time => time.ToString("O", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        IEnumerable items => string.Join(",", items.Cast<object?>().Select(Render)),
        _ => value.ToString() ?? string.Empty,
    };
}

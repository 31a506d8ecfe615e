using System.Globalization;

namespace LakeCircle.Core.Validation;

/// <summary>
/// The characters a lifecycle configuration cannot carry: S3 reads it as XML 1.0, whose <c>Char</c> production
/// (W3C XML 1.0 §2.2) leaves out the C0 controls other than tab, line feed and carriage return, U+FFFE, U+FFFF and
/// lone surrogates; no escape makes them valid.
/// </summary>
internal static class XmlCharacters
{
    /// <summary>Reports the first character of <paramref name="value"/> that XML 1.0 cannot hold.</summary>
    /// <param name="scope">The rule.</param>
    /// <param name="field">The field's path below the rule.</param>
    /// <param name="what">What the value is, such as <c>A prefix</c>.</param>
    /// <param name="value">The value.</param>
    public static void Check(RuleScope scope, string field, string what, string? value)
    {
        if (value is not null && FirstInvalid(value) is { } index)
        {
            scope.Report(field, $"{what} must hold only characters XML 1.0 allows (S3 reads the configuration as XML), got "
                + $"{Describe(value, index)} at position {index + 1}.");
        }
    }

    /// <summary>The index of the first character XML 1.0 cannot hold, or <see langword="null"/>.</summary>
    /// <param name="value">The text.</param>
    /// <returns>The index, or <see langword="null"/> when every character is allowed.</returns>
    public static int? FirstInvalid(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
                continue;
            }

            if (char.IsSurrogate(c) || c is '\uFFFE' or '\uFFFF' || (c < '\u0020' && c is not ('\t' or '\n' or '\r')))
            {
                return i;
            }
        }

        return null;
    }

    private static string Describe(string value, int index)
    {
        var c = value[index];
        var kind = char.IsSurrogate(c) ? "a lone surrogate " : "";
        return kind + "U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture);
    }
}

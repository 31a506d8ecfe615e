namespace LakeCircle.Cli.Logging;

/// <summary>
/// Decides which state keys hold secrets and hides their values. A key is secret when, ignoring case and the
/// separators <c>_ - .</c>, it contains <c>secret</c>, <c>password</c>, <c>passwd</c>, <c>token</c>,
/// <c>credential</c>, <c>accesskey</c>, <c>apikey</c> or <c>privatekey</c>, or ends with <c>key</c>
/// (<c>SecretAccessKey</c>, <c>SigningKey</c>); <c>Key</c> and <c>ObjectKey</c> alone name S3 object keys and are shown.
/// </summary>
internal static partial class SecretMasker
{
    public const string Mask = "***";

    private static readonly string[] Words =
        ["secret", "password", "passwd", "token", "credential", "accesskey", "apikey", "privatekey"];

    private static readonly string[] ObjectKeyNames = ["key", "objectkey"];

    public static bool IsSecret(string key)
    {
        var name = Normalise(key);
        return Words.Any(w => name.Contains(w, StringComparison.Ordinal))
            || (name.EndsWith("key", StringComparison.Ordinal) && !ObjectKeyNames.Contains(name));
    }

    /// <summary>Replaces every occurrence of the secret values in <paramref name="text"/> with <see cref="Mask"/>.</summary>
    public static string Scrub(string text, IEnumerable<string> secretValues)
    {
        foreach (var value in secretValues.Where(v => v.Length > 0).OrderByDescending(v => v.Length))
        {
            text = text.Replace(value, Mask, StringComparison.Ordinal);
        }

        return MaskUserInfo(text);
    }

    /// <summary>Masks the passwords of URLs (<c>http://user:password@host</c> becomes <c>http://user:***@host</c>).</summary>
    /// <param name="text">The text.</param>
    /// <returns>The text without URL passwords.</returns>
    public static string MaskUserInfo(string text) => Core.Gateways.UserInfoText.Mask(text);

    private static string Normalise(string key)
    {
        Span<char> buffer = stackalloc char[Math.Min(key.Length, 256)];
        var length = 0;
        foreach (var c in key.AsSpan(0, buffer.Length))
        {
            if (c is not ('_' or '-' or '.' or ' '))
            {
                buffer[length++] = char.ToLowerInvariant(c);
            }
        }

        return new string(buffer[..length]);
    }
}

using System.Text.RegularExpressions;

namespace LakeCircle.Core.Gateways;

/// <summary>
/// Hides the passwords of URLs in text before it is shown or stored: <c>s3://user:PW@bucket/</c> becomes
/// <c>s3://user:***@bucket/</c>, <c>https://TOKEN@host</c> becomes <c>https://***@host</c>, and a bare
/// <c>user:PW@host</c> becomes <c>user:***@host</c>.
/// </summary>
internal static partial class UserInfoText
{
    public const string Hidden = "***";

    /// <summary>The text with the password (or the lone token) of every URL user information masked.</summary>
    public static string Mask(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.Contains('@', StringComparison.Ordinal))
        {
            return text;
        }

        text = WithPassword().Replace(text, m => m.Groups["user"].Value + ":" + Hidden + "@");
        return TokenOnly().Replace(text, "://" + Hidden + "@");
    }

    [GeneratedRegex(@"(?<user>(?:[a-zA-Z][a-zA-Z0-9+.-]*://)?[^\s/:@'""<>]+):(?!\*\*\*@)[^\s/'""<>]+@", RegexOptions.CultureInvariant)]
    private static partial Regex WithPassword();

    [GeneratedRegex(@"://(?!\*\*\*@)[^\s/:'""<>]+@", RegexOptions.CultureInvariant)]
    private static partial Regex TokenOnly();
}

using System.Text.RegularExpressions;
using LakeCircle.Core.Gateways;
using LakeCircle.Core.Locking;
using LakeCircle.Core.Sync;

namespace LakeCircle.Core.Archive;

/// <summary>
/// Removes credentials from messages before they are stored: given secret values, AWS access key IDs, URL user
/// information and <c>name=value</c> pairs whose name speaks of a secret (<c>X-Amz-Signature=…</c>, <c>password: …</c>).
/// </summary>
internal static partial class SecretScrubber
{
    public const string Mask = "***";

    private static readonly string[] EnvironmentSecrets = ["AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_ACCESS_KEY_ID"];

    /// <summary>The values of the AWS credential variables of this process's environment that are set.</summary>
    public static IReadOnlyList<string> EnvironmentValues() =>
        EnvironmentSecrets.Select(Environment.GetEnvironmentVariable).OfType<string>().Where(v => v.Length >= 4).ToList();

    public static string Scrub(string text, IEnumerable<string> secretValues)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var value in secretValues.Where(v => v.Length > 0).OrderByDescending(v => v.Length))
        {
            text = text.Replace(value, Mask, StringComparison.Ordinal);
        }

        text = AccessKeyId().Replace(text, Mask);
        text = UserInfo().Replace(text, "://" + Mask + "@");
        return SecretPair().Replace(text, m => m.Groups["name"].Value + m.Groups["sep"].Value + Mask);
    }

    [GeneratedRegex(@"\b(?:AKIA|ASIA|AIDA|AROA|ANPA|AGPA)[A-Z0-9]{16}\b", RegexOptions.CultureInvariant)]
    private static partial Regex AccessKeyId();

    [GeneratedRegex(@"://[^/\s:@]+:[^/\s@]+@", RegexOptions.CultureInvariant)]
    private static partial Regex UserInfo();

    [GeneratedRegex(
        @"(?<name>[\w-]*(?:secret|password|passwd|token|credential|signature|accesskey|access_key|apikey|api_key)[\w-]*)(?<sep>\s*[=:]\s*)(?!\*\*\*)[^\s&,;""']+",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex SecretPair();
}

using System.Security.Cryptography;
using System.Text.RegularExpressions;
using LakeCircle.Core.Archive;
using LakeCircle.Core.Gateways;
using LakeCircle.Core.Locking;

namespace LakeCircle.Core.Sync;

/// <summary>Run identifiers: short, random, safe in file names (<c>log/&lt;time&gt;-&lt;run id&gt;.json</c>) and lock files.</summary>
internal static partial class RunId
{
    /// <summary>A new run id: 12 lowercase hexadecimal digits.</summary>
    public static string New() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));

    /// <summary>Whether a text may serve as a run id: 1 to 64 letters, digits, <c>.</c>, <c>_</c> or <c>-</c>.</summary>
    public static bool IsValid(string? text) => text is not null && Pattern().IsMatch(text);

    [GeneratedRegex("^[A-Za-z0-9._-]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}

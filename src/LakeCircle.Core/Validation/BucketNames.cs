namespace LakeCircle.Core.Validation;

/// <summary>
/// The naming rules of S3 general purpose buckets, as the S3 user guide lists them in "General purpose bucket naming
/// rules" (https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html): 3 to 63 characters; only
/// lowercase letters, digits, periods and hyphens; a letter or digit first and last; no two adjacent periods; not
/// formatted as an IP address; not starting with <c>xn--</c>, <c>sthree-</c> (which covers
/// <c>sthree-configurator</c>) or <c>amzn-s3-demo-</c>; not ending with <c>-s3alias</c>, <c>--ol-s3</c>, <c>.mrap</c>,
/// <c>--x-s3</c> or <c>--table-s3</c>. A valid name holds no character a file name or a terminal would treat specially.
/// </summary>
internal static class BucketNames
{
    public const int MinLength = 3;

    public const int MaxLength = 63;

    private static readonly string[] ReservedPrefixes = ["xn--", "sthree-", "amzn-s3-demo-"];

    private static readonly string[] ReservedSuffixes = ["-s3alias", "--ol-s3", ".mrap", "--x-s3", "--table-s3"];

    /// <summary>Whether <paramref name="name"/> is a valid general purpose bucket name.</summary>
    public static bool IsValid(string? name) => name is not null && Problem(name) is null;

    /// <summary>Why <paramref name="name"/> is not a valid bucket name (one sentence), or <see langword="null"/> when it is.</summary>
    public static string? Problem(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length is < MinLength or > MaxLength)
        {
            return $"A bucket name is {MinLength} to {MaxLength} characters long, this one has {name.Length}.";
        }

        if (!name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '.' or '-'))
        {
            return "A bucket name holds only lowercase letters, digits, periods (.) and hyphens (-).";
        }

        if (!char.IsAsciiLetterOrDigit(name[0]) || !char.IsAsciiLetterOrDigit(name[^1]))
        {
            return "A bucket name begins and ends with a letter or digit.";
        }

        if (name.Contains("..", StringComparison.Ordinal))
        {
            return "A bucket name has no two adjacent periods.";
        }

        if (LooksLikeIpAddress(name))
        {
            return "A bucket name is not formatted as an IP address.";
        }

        if (ReservedPrefixes.FirstOrDefault(p => name.StartsWith(p, StringComparison.Ordinal)) is { } prefix)
        {
            return $"A bucket name does not start with the reserved prefix '{prefix}'.";
        }

        if (ReservedSuffixes.FirstOrDefault(s => name.EndsWith(s, StringComparison.Ordinal)) is { } suffix)
        {
            return $"A bucket name does not end with the reserved suffix '{suffix}'.";
        }

        return null;
    }

    /// <summary>
    /// Four dot-separated groups of one to three digits, such as <c>192.168.5.4</c>, whether or not each is below 256:
    /// the form is what the rule forbids (the allowed characters admit no IPv6 form).
    /// </summary>
    private static bool LooksLikeIpAddress(string name)
    {
        var parts = name.Split('.');
        return parts.Length == 4 && parts.All(p => p.Length is > 0 and <= 3 && p.All(char.IsAsciiDigit));
    }
}

using System.Text.RegularExpressions;

namespace LakeCircle.Core.Gateways;

/// <summary>Reading and normalising the text forms of <see cref="EndpointLocation"/>.</summary>
internal static partial class EndpointText
{
    public const string Forms = "an s3://bucket/prefix/ URI, a local folder path or a file:// URI";

    [GeneratedRegex("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$", RegexOptions.CultureInvariant)]
    private static partial Regex BucketName();

    public static bool TryRead(
        string? text, string baseDirectory, out string? bucket, out string prefix, out string? path, out string? error)
    {
        bucket = null;
        prefix = string.Empty;
        path = null;
        error = null;
        var trimmed = text?.Trim() ?? string.Empty;
        if (trimmed.Length == 0)
        {
            error = $"The endpoint is empty; expected {Forms}.";
            return false;
        }

        if (trimmed.StartsWith("s3://", StringComparison.OrdinalIgnoreCase))
        {
            var rest = trimmed[5..];
            var slash = rest.IndexOf('/', StringComparison.Ordinal);
            bucket = slash < 0 ? rest : rest[..slash];
            prefix = FolderPrefix(slash < 0 ? string.Empty : rest[(slash + 1)..]);
            if (!BucketName().IsMatch(bucket))
            {
                error = $"The endpoint '{trimmed}' does not name a valid bucket (3-63 lower-case letters, digits, '.' or '-').";
                bucket = null;
                return false;
            }

            return true;
        }

        if (trimmed.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            if (!Uri.TryCreate(trimmed, UriKind.Absolute, out var uri) || !uri.IsFile)
            {
                error = $"The endpoint '{trimmed}' is not a valid file:// URI.";
                return false;
            }

            path = FolderPath(Path.GetFullPath(uri.LocalPath));
            return true;
        }

        if (trimmed.Contains("://", StringComparison.Ordinal))
        {
            error = $"The endpoint '{trimmed}' has an unsupported scheme; expected {Forms}.";
            return false;
        }

        path = FolderPath(Path.GetFullPath(trimmed, baseDirectory));
        return true;
    }

    /// <summary>Collapses repeated slashes, drops a leading slash and ends a non-empty prefix with one slash.</summary>
    public static string FolderPrefix(string prefix)
    {
        var segments = prefix.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return segments.Length == 0 ? string.Empty : string.Join('/', segments) + "/";
    }

    /// <summary>Ends an absolute path with exactly one directory separator.</summary>
    public static string FolderPath(string fullPath) =>
        Path.TrimEndingDirectorySeparator(fullPath) is var trimmed && Path.EndsInDirectorySeparator(trimmed)
            ? trimmed
            : trimmed + Path.DirectorySeparatorChar;

    public static void CheckChildName(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (name.StartsWith('/') || name.Contains('\\', StringComparison.Ordinal) || Path.IsPathRooted(name))
        {
            throw new ArgumentException($"The name '{name}' must be relative and use '/' as separator.", nameof(name));
        }

        var segments = name.TrimEnd('/').Split('/');
        if (segments.Any(s => s.Length == 0 || s == "." || s == ".."))
        {
            throw new ArgumentException($"The name '{name}' has an empty, '.' or '..' segment.", nameof(name));
        }
    }
}

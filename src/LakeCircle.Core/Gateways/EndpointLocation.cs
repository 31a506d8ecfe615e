using System.Diagnostics.CodeAnalysis;

namespace LakeCircle.Core.Gateways;

/// <summary>
/// A place where definitions are read and snapshots, history and logs are written: either a bucket and key prefix in
/// S3 or an absolute local path. Folder locations end with a slash (S3) or a directory separator (local); locations
/// made by <see cref="Join"/> with a name that does not end with a slash are files (objects).
/// </summary>
internal sealed record EndpointLocation
{
    private EndpointLocation(EndpointKind kind, string? bucket, string prefix, string? path)
    {
        Kind = kind;
        Bucket = bucket;
        Prefix = prefix;
        Path = path;
    }

    /// <summary>Whether the location is in S3 or on the local file system.</summary>
    public EndpointKind Kind { get; }

    /// <summary>The bucket, for an S3 location; otherwise <see langword="null"/>.</summary>
    public string? Bucket { get; }

    /// <summary>The key prefix (a folder: empty or ending with <c>/</c>) or object key, for an S3 location; otherwise empty.</summary>
    public string Prefix { get; }

    /// <summary>The absolute path, for a local location; otherwise <see langword="null"/>.</summary>
    public string? Path { get; }

    /// <summary>Whether the location is a folder (a prefix ending with <c>/</c>, a path ending with a separator).</summary>
    public bool IsFolder => Kind == EndpointKind.S3
        ? Prefix.Length == 0 || Prefix.EndsWith('/')
        : Path!.EndsWith(System.IO.Path.DirectorySeparatorChar) || Path.EndsWith(System.IO.Path.AltDirectorySeparatorChar);

    /// <summary>Creates an S3 folder location.</summary>
    /// <param name="bucket">The bucket name.</param>
    /// <param name="prefix">The key prefix; a trailing slash is added when missing.</param>
    /// <returns>The location.</returns>
    public static EndpointLocation S3(string bucket, string prefix = "")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(bucket);
        ArgumentNullException.ThrowIfNull(prefix);
        return new(EndpointKind.S3, bucket, EndpointText.FolderPrefix(prefix), null);
    }

    /// <summary>Creates a local folder location.</summary>
    /// <param name="path">The folder path; made absolute against the current directory.</param>
    /// <returns>The location.</returns>
    public static EndpointLocation Local(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return new(EndpointKind.Local, null, string.Empty, EndpointText.FolderPath(System.IO.Path.GetFullPath(path)));
    }

    /// <summary>Reads an <c>s3://bucket/prefix/</c> URI, a <c>file://</c> URI or a local path (made absolute).</summary>
    /// <param name="text">The text.</param>
    /// <returns>The folder location.</returns>
    /// <exception cref="FormatException">The text is none of the accepted forms.</exception>
    public static EndpointLocation Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, Environment.CurrentDirectory, out var location, out var error)
            ? location
            : throw new FormatException(error);
    }

    /// <summary>Reads an endpoint the way <see cref="Parse(string)"/> does, without throwing.</summary>
    /// <param name="text">The text.</param>
    /// <param name="location">The folder location, when the text is valid.</param>
    /// <returns>Whether the text is valid.</returns>
    public static bool TryParse(string? text, [NotNullWhen(true)] out EndpointLocation? location) =>
        TryParse(text, Environment.CurrentDirectory, out location, out _);

    internal static bool TryParse(
        string? text, string baseDirectory, [NotNullWhen(true)] out EndpointLocation? location, out string? error)
    {
        location = null;
        if (!EndpointText.TryRead(text, baseDirectory, out var bucket, out var prefix, out var path, out error))
        {
            return false;
        }

        location = bucket is not null
            ? new EndpointLocation(EndpointKind.S3, bucket, prefix, null)
            : new EndpointLocation(EndpointKind.Local, null, string.Empty, path);
        return true;
    }

    /// <summary>The location of a child of this folder: <c>Join("current/")</c> is a folder, <c>Join("a.toml")</c> a file.</summary>
    /// <param name="name">A relative name; <c>/</c> separates segments; <c>.</c> and <c>..</c> segments are refused.</param>
    /// <returns>The child location.</returns>
    /// <exception cref="ArgumentException">The name is empty, rooted or climbs out of the folder.</exception>
    /// <exception cref="InvalidOperationException">This location is a file.</exception>
    public EndpointLocation Join(string name)
    {
        EndpointText.CheckChildName(name);
        if (!IsFolder)
        {
            throw new InvalidOperationException($"Cannot join '{name}' to '{this}': it is a file, not a folder.");
        }

        return Kind == EndpointKind.S3
            ? new EndpointLocation(EndpointKind.S3, Bucket, Prefix + name, null)
            : new EndpointLocation(
                EndpointKind.Local, null, string.Empty, Path + name.Replace('/', System.IO.Path.DirectorySeparatorChar));
    }

    /// <summary>The URI (<c>s3://bucket/prefix/</c>) or absolute path.</summary>
    /// <returns>The text form.</returns>
    public override string ToString() => Kind == EndpointKind.S3 ? $"s3://{Bucket}/{Prefix}" : Path!;
}

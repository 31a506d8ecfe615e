using Amazon.S3;
using LakeCircle.Core.Archive;
using LakeCircle.Core.Locking;
using LakeCircle.Core.Sync;

namespace LakeCircle.Core.Gateways;

/// <summary>Creates the <see cref="IEndpointStore"/> of an <see cref="EndpointLocation"/>.</summary>
internal static class EndpointStore
{
    /// <summary>The store of a folder location: objects through <paramref name="client"/> for S3, files for a local folder.</summary>
    /// <param name="location">A folder location, such as the endpoint base.</param>
    /// <param name="client">The SDK client that reaches the endpoint's bucket (the caller keeps owning it); required for an S3 location.</param>
    /// <returns>The store.</returns>
    public static IEndpointStore For(EndpointLocation location, IAmazonS3? client = null)
    {
        ArgumentNullException.ThrowIfNull(location);
        if (!location.IsFolder)
        {
            throw new ArgumentException($"The location '{location}' is a file, not a folder.", nameof(location));
        }

        return location.Kind switch
        {
            EndpointKind.S3 => new S3EndpointStore(
                client ?? throw new ArgumentNullException(nameof(client), $"An S3 client is needed to reach '{location}'."),
                location.Bucket!,
                location.Prefix),
            _ => new LocalEndpointStore(location.Path!),
        };
    }

    /// <summary>The full text form of a folder under a store (<c>history/</c>), for messages.</summary>
    internal static string DescribeFolder(IEndpointStore store, string relativeFolder) =>
        $"{store.Location.ToString().TrimEnd('/', '\\')}/{relativeFolder}";

    /// <summary>Checks a relative key: not empty, not a folder, <c>/</c> separators, no <c>.</c> or <c>..</c> segment.</summary>
    internal static void CheckKey(string relativeKey)
    {
        ArgumentException.ThrowIfNullOrEmpty(relativeKey);
        if (relativeKey.EndsWith('/'))
        {
            throw new ArgumentException($"The key '{relativeKey}' names a folder, not a file.", nameof(relativeKey));
        }

        EndpointText.CheckChildName(relativeKey);
    }

    /// <summary>Checks a list prefix: empty, or a relative name (which may end with <c>/</c>).</summary>
    internal static void CheckPrefix(string relativePrefix)
    {
        ArgumentNullException.ThrowIfNull(relativePrefix);
        if (relativePrefix.Length > 0)
        {
            EndpointText.CheckChildName(relativePrefix);
        }
    }
}

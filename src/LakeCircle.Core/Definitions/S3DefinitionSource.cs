using Amazon.S3;
using LakeCircle.Core.Archive;
using LakeCircle.Core.Definitions.Reading;
using LakeCircle.Core.Gateways;
using LakeCircle.Core.Locking;
using LakeCircle.Core.Sync;

namespace LakeCircle.Core.Definitions;

/// <summary>
/// Reads every <c>*.toml</c> and <c>*.json</c> object under a prefix of a bucket, a few at a time, keeping key order.
/// Paths are reported as <c>s3://bucket/key</c>. Any other object is returned as <see cref="DefinitionDocument.OtherFile"/>
/// (named in a warning, never read), except folder markers (keys ending in <c>/</c>) and hidden names (a segment
/// starting with <c>.</c>), which are skipped silently as in a local folder.
/// </summary>
internal sealed class S3DefinitionSource : IDefinitionSource
{
    /// <summary>How many objects are read at once.</summary>
    internal const int MaxConcurrentReads = 4;

    private readonly IEndpointStore _store;
    private readonly string _folder;

    /// <summary>Creates the source over an SDK client, which the caller keeps owning.</summary>
    /// <param name="client">The SDK client that reaches the bucket.</param>
    /// <param name="bucket">The bucket holding the definitions.</param>
    /// <param name="prefix">The key prefix of the folder (a trailing slash is added when missing; may be empty).</param>
    public S3DefinitionSource(IAmazonS3 client, string bucket, string prefix)
        : this(new S3EndpointStore(client, bucket, prefix ?? ""))
    {
    }

    /// <summary>Creates the source over a store: the definition objects are its keys under <paramref name="folder"/>.</summary>
    /// <param name="store">The store (of the definition folder itself, or of the endpoint base).</param>
    /// <param name="folder">The folder of the definitions in the store, such as <c>definition/</c>; empty for the whole store.</param>
    internal S3DefinitionSource(IEndpointStore store, string folder = "")
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(folder);
        _store = store;
        _folder = folder;
    }

    /// <inheritdoc />
    public string Location => EndpointStore.DescribeFolder(_store, _folder);

    /// <inheritdoc />
    /// <exception cref="S3GatewayException">Listing or reading an object failed, or an object vanished while being read.</exception>
    public async Task<IReadOnlyList<DefinitionDocument>> ReadAsync(CancellationToken cancellationToken = default)
    {
        var listed = await _store.ListAsync(_folder, cancellationToken).ConfigureAwait(false);
        var keys = listed
            .Where(FormatWords.IsDefinitionName)
            .OrderBy(k => k, StringComparer.Ordinal)
            .ToArray();
        var documents = new DefinitionDocument[keys.Length];
        var options = new ParallelOptions { MaxDegreeOfParallelism = MaxConcurrentReads, CancellationToken = cancellationToken };
        await Parallel.ForAsync(0, keys.Length, options, async (i, token) =>
        {
            var content = await _store.TryReadAsync(keys[i], token).ConfigureAwait(false) ?? throw Vanished(keys[i]);
            documents[i] = new DefinitionDocument(_store.Describe(keys[i]), content);
        }).ConfigureAwait(false);
        var others = listed
            .Where(k => !FormatWords.IsDefinitionName(k) && !k.EndsWith('/') && !IsHidden(k))
            .Select(k => DefinitionDocument.OtherFile(_store.Describe(k)));
        return documents.Concat(others).OrderBy(d => d.Path, StringComparer.Ordinal).ToArray();
    }

    /// <summary>Whether a key below the folder has a segment starting with <c>.</c> (such as <c>.keep</c> or <c>.git/config</c>).</summary>
    private bool IsHidden(string key) =>
        key[(key.StartsWith(_folder, StringComparison.Ordinal) ? _folder.Length : 0)..].Split('/').Any(s => s.StartsWith('.'));

    // Listed, then deleted before it was read: reported as S3 reports the read of a missing key.
    private S3GatewayException Vanished(string relativeKey) => new(
        S3ErrorKind.NoSuchKey, S3Operations.GetObject, _store.Location.Bucket, "The specified key does not exist.", 404, "NoSuchKey",
        _store.Location.Prefix + relativeKey);
}

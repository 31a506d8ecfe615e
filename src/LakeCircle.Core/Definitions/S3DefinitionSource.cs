using LakeCircle.Core.Gateways;

namespace LakeCircle.Core.Definitions;

/// <summary>
/// Reads every <c>*.toml</c> object under a prefix of a bucket, a few at a time, keeping key order.
/// Paths are reported as <c>s3://bucket/key</c>.
/// </summary>
public sealed class S3DefinitionSource : IDefinitionSource
{
    /// <summary>How many objects are read at once.</summary>
    internal const int MaxConcurrentReads = 4;

    private readonly IS3Gateway _gateway;
    private readonly string _bucket;
    private readonly string _prefix;

    /// <summary>Creates the source.</summary>
    /// <param name="gateway">The S3 gateway.</param>
    /// <param name="bucket">The bucket holding the definitions.</param>
    /// <param name="prefix">The key prefix (may be empty).</param>
    public S3DefinitionSource(IS3Gateway gateway, string bucket, string prefix)
    {
        ArgumentNullException.ThrowIfNull(gateway);
        ArgumentException.ThrowIfNullOrEmpty(bucket);
        _gateway = gateway;
        _bucket = bucket;
        _prefix = prefix ?? "";
    }

    /// <inheritdoc />
    /// <exception cref="S3GatewayException">Listing or reading an object failed.</exception>
    public async Task<IReadOnlyList<DefinitionDocument>> ReadAsync(CancellationToken cancellationToken = default)
    {
        var keys = (await _gateway.ListObjectsAsync(_bucket, _prefix, cancellationToken).ConfigureAwait(false))
            .Where(k => k.EndsWith(".toml", StringComparison.OrdinalIgnoreCase))
            .OrderBy(k => k, StringComparer.Ordinal)
            .ToArray();
        var documents = new DefinitionDocument[keys.Length];
        var options = new ParallelOptions { MaxDegreeOfParallelism = MaxConcurrentReads, CancellationToken = cancellationToken };
        await Parallel.ForAsync(0, keys.Length, options, async (i, token) =>
        {
            var content = await _gateway.GetObjectAsync(_bucket, keys[i], token).ConfigureAwait(false);
            documents[i] = new DefinitionDocument($"s3://{_bucket}/{keys[i]}", content);
        }).ConfigureAwait(false);
        return documents;
    }
}

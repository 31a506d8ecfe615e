using LakeCircle.Core.Archive;
using LakeCircle.Core.Locking;
using LakeCircle.Core.Sync;

namespace LakeCircle.Core.Gateways;

/// <summary>
/// The few file operations LakeCircle performs under an endpoint folder (an S3 prefix or a local folder). Keys are
/// relative to the folder and use <c>/</c> between segments, such as <c>history/acme-logs/20260101T000000.000Z.json</c>.
/// </summary>
internal interface IEndpointStore
{
    /// <summary>The folder the keys are relative to.</summary>
    EndpointLocation Location { get; }

    /// <summary>Writes (or replaces) a file. Readers see the old content or the new one, never a part.</summary>
    Task WriteAsync(string relativeKey, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default);

    /// <summary>Reads a file, or returns <see langword="null"/> when it does not exist.</summary>
    Task<byte[]?> TryReadAsync(string relativeKey, CancellationToken cancellationToken = default);

    /// <summary>The keys that start with <paramref name="relativePrefix"/> (may be empty), in ordinal order.</summary>
    Task<IReadOnlyList<string>> ListAsync(string relativePrefix, CancellationToken cancellationToken = default);

    /// <summary>Creates a file only if none has the key; returns <see langword="false"/> when one already exists.</summary>
    Task<bool> CreateExclusiveAsync(string relativeKey, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default);

    /// <summary>Deletes a file (no error when it does not exist).</summary>
    Task DeleteAsync(string relativeKey, CancellationToken cancellationToken = default);

    /// <summary>The full text form of a key (<c>s3://bucket/prefix/key</c> or an absolute path), for messages.</summary>
    string Describe(string relativeKey);
}

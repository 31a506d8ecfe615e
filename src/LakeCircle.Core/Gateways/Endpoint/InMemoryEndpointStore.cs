using LakeCircle.Core.Archive;
using LakeCircle.Core.Locking;
using LakeCircle.Core.Sync;

namespace LakeCircle.Core.Gateways;

/// <summary>
/// An endpoint held in memory, for tests and embedding (<see cref="LakeCircleClientOptions.InMemoryEndpoint"/>): keys
/// mapped to bytes, such as <c>definition/logs.toml</c>, <c>lock.json</c>, <c>history/logs/….json</c>; thread-safe,
/// with an exclusive create and lists in ordinal order. Keys are relative, with <c>/</c> between segments and no
/// <c>.</c> or <c>..</c> segment; they are described as <c>memory://name/prefix/key</c>.
/// </summary>
public sealed class InMemoryEndpointStore : IEndpointStore
{
    private readonly Lock _gate = new();
    private readonly SortedDictionary<string, byte[]> _objects = new(StringComparer.Ordinal);
    private readonly string _name;

    /// <summary>Creates an empty store; write the definitions under <c>definition/</c> with <see cref="WriteAsync"/>.</summary>
    /// <param name="name">The store's name, for <see cref="Describe"/> and <see cref="Location"/>.</param>
    /// <param name="prefix">The prefix the keys are described under (a trailing slash is added when missing; may be empty).</param>
    public InMemoryEndpointStore(string name = "memory", string prefix = "")
    {
        Location = EndpointLocation.S3(name, prefix);
        _name = Location.Bucket!;
    }

    /// <summary>The S3-shaped location of the store: a bucket named after it, and its prefix.</summary>
    internal EndpointLocation Location { get; }

    EndpointLocation IEndpointStore.Location => Location;

    /// <summary>Every key held, in ordinal order (a copy).</summary>
    public IReadOnlyList<string> Keys
    {
        get
        {
            lock (_gate)
            {
                return [.. _objects.Keys];
            }
        }
    }

    /// <summary>Writes (or replaces) a key.</summary>
    /// <param name="relativeKey">The key, such as <c>definition/logs.toml</c>.</param>
    /// <param name="content">The content (copied).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A completed task; faulted with <see cref="ArgumentException"/> for a key that is not relative.</returns>
    public Task WriteAsync(string relativeKey, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default) =>
        Run(cancellationToken, () =>
        {
            EndpointStore.CheckKey(relativeKey);
            var copy = content.ToArray();
            lock (_gate)
            {
                _objects[relativeKey] = copy;
            }

            return true;
        });

    /// <summary>Reads a key.</summary>
    /// <param name="relativeKey">The key.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A copy of the content, or <see langword="null"/> when there is no such key.</returns>
    public Task<byte[]?> TryReadAsync(string relativeKey, CancellationToken cancellationToken = default) =>
        Run(cancellationToken, () =>
        {
            EndpointStore.CheckKey(relativeKey);
            lock (_gate)
            {
                return _objects.TryGetValue(relativeKey, out var content) ? content.ToArray() : null;
            }
        });

    /// <summary>The keys that start with a prefix, in ordinal order.</summary>
    /// <param name="relativePrefix">The prefix, such as <c>history/logs/</c>; empty for every key.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The keys.</returns>
    public Task<IReadOnlyList<string>> ListAsync(string relativePrefix, CancellationToken cancellationToken = default) =>
        Run(cancellationToken, () =>
        {
            EndpointStore.CheckPrefix(relativePrefix);
            lock (_gate)
            {
                return (IReadOnlyList<string>)[.. _objects.Keys.Where(k => k.StartsWith(relativePrefix, StringComparison.Ordinal))];
            }
        });

    /// <summary>Creates a key only if none exists (as S3's <c>If-None-Match: *</c>).</summary>
    /// <param name="relativeKey">The key.</param>
    /// <param name="content">The content (copied).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see langword="false"/> when the key already exists.</returns>
    public Task<bool> CreateExclusiveAsync(string relativeKey, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default) =>
        Run(cancellationToken, () =>
        {
            EndpointStore.CheckKey(relativeKey);
            var copy = content.ToArray();
            lock (_gate)
            {
                return _objects.TryAdd(relativeKey, copy);
            }
        });

    /// <summary>Deletes a key (no error when there is none).</summary>
    /// <param name="relativeKey">The key.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A completed task.</returns>
    public Task DeleteAsync(string relativeKey, CancellationToken cancellationToken = default) =>
        Run(cancellationToken, () =>
        {
            EndpointStore.CheckKey(relativeKey);
            lock (_gate)
            {
                return _objects.Remove(relativeKey);
            }
        });

    /// <summary>The full text form of a key, for messages: <c>memory://name/prefix/key</c>.</summary>
    /// <param name="relativeKey">The key.</param>
    /// <returns>The text.</returns>
    public string Describe(string relativeKey)
    {
        EndpointStore.CheckKey(relativeKey);
        return $"memory://{_name}/{Location.Prefix}{relativeKey}";
    }

    private static Task<T> Run<T>(CancellationToken cancellationToken, Func<T> action)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<T>(cancellationToken);
        }

        try
        {
            return Task.FromResult(action());
        }
        catch (ArgumentException e)
        {
            return Task.FromException<T>(e);
        }
    }
}

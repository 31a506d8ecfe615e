using LakeCircle.Core.Archive;
using LakeCircle.Core.Locking;
using LakeCircle.Core.Sync;

namespace LakeCircle.Core.Gateways;

/// <summary>
/// An <see cref="IEndpointStore"/> held in memory, for tests and embedding: keys mapped to bytes, thread-safe, with
/// an exclusive create and lists in ordinal order. Keys are checked as the other stores check them. Keys are described
/// as <c>memory://name/prefix/key</c>; <see cref="Location"/> is S3-shaped (a bucket named after the store, and its prefix).
/// </summary>
internal sealed class InMemoryEndpointStore : IEndpointStore
{
    private readonly Lock _gate = new();
    private readonly SortedDictionary<string, byte[]> _objects = new(StringComparer.Ordinal);
    private readonly string _name;

    /// <summary>Creates an empty store.</summary>
    /// <param name="name">The store's name, for <see cref="Describe"/> and <see cref="Location"/>.</param>
    /// <param name="prefix">The prefix the keys are described under (a trailing slash is added when missing; may be empty).</param>
    public InMemoryEndpointStore(string name = "memory", string prefix = "")
    {
        Location = EndpointLocation.S3(name, prefix);
        _name = Location.Bucket!;
    }

    /// <inheritdoc />
    public EndpointLocation Location { get; }

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

    /// <inheritdoc />
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

    /// <inheritdoc />
    public Task<byte[]?> TryReadAsync(string relativeKey, CancellationToken cancellationToken = default) =>
        Run(cancellationToken, () =>
        {
            EndpointStore.CheckKey(relativeKey);
            lock (_gate)
            {
                return _objects.TryGetValue(relativeKey, out var content) ? content.ToArray() : null;
            }
        });

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> ListAsync(string relativePrefix, CancellationToken cancellationToken = default) =>
        Run(cancellationToken, () =>
        {
            EndpointStore.CheckPrefix(relativePrefix);
            lock (_gate)
            {
                return (IReadOnlyList<string>)[.. _objects.Keys.Where(k => k.StartsWith(relativePrefix, StringComparison.Ordinal))];
            }
        });

    /// <inheritdoc />
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

    /// <inheritdoc />
    public Task DeleteAsync(string relativeKey, CancellationToken cancellationToken = default) =>
        Run(cancellationToken, () =>
        {
            EndpointStore.CheckKey(relativeKey);
            lock (_gate)
            {
                return _objects.Remove(relativeKey);
            }
        });

    /// <inheritdoc />
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

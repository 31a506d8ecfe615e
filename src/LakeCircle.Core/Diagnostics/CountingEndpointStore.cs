using LakeCircle.Core.Gateways;

namespace LakeCircle.Core.Diagnostics;

/// <summary>
/// An <see cref="IEndpointStore"/> decorator for an S3 endpoint (definitions, lock, archive, run records) that counts
/// each call as the S3 operation it is (a write or an exclusive create is a <c>PutObject</c>) in the tally of the run it
/// is made in, as <see cref="CountingS3Gateway"/> does for the account.
/// </summary>
internal sealed class CountingEndpointStore(IEndpointStore inner) : IEndpointStore
{
    /// <summary>The store whose calls are counted.</summary>
    public IEndpointStore Inner { get; } = inner ?? throw new ArgumentNullException(nameof(inner));

    /// <inheritdoc />
    public EndpointLocation Location => Inner.Location;

    /// <inheritdoc />
    public async Task WriteAsync(string relativeKey, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        var calls = Start(CallTally.PutObject);
        try
        {
            await Inner.WriteAsync(relativeKey, content, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            calls?.Ended();
        }
    }

    /// <inheritdoc />
    public async Task<byte[]?> TryReadAsync(string relativeKey, CancellationToken cancellationToken = default)
    {
        var calls = Start(CallTally.GetObject);
        try
        {
            return await Inner.TryReadAsync(relativeKey, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            calls?.Ended();
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<string>> ListAsync(string relativePrefix, CancellationToken cancellationToken = default)
    {
        var calls = Start(CallTally.ListObjects);
        try
        {
            return await Inner.ListAsync(relativePrefix, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            calls?.Ended();
        }
    }

    /// <inheritdoc />
    public async Task<bool> CreateExclusiveAsync(string relativeKey, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        var calls = Start(CallTally.PutObject);
        try
        {
            return await Inner.CreateExclusiveAsync(relativeKey, content, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            calls?.Ended();
        }
    }

    /// <inheritdoc />
    public async Task DeleteAsync(string relativeKey, CancellationToken cancellationToken = default)
    {
        var calls = Start(CallTally.DeleteObject);
        try
        {
            await Inner.DeleteAsync(relativeKey, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            calls?.Ended();
        }
    }

    /// <inheritdoc />
    public string Describe(string relativeKey) => Inner.Describe(relativeKey);

    private static CallTally? Start(int kind)
    {
        var calls = RunReporter.Current?.Calls;
        calls?.Started(kind);
        return calls;
    }
}

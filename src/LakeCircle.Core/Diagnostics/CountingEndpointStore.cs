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
    public Task WriteAsync(string relativeKey, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default) =>
        RunReporter.Current?.Calls is { } calls ? CountedWriteAsync(calls, relativeKey, content, cancellationToken) : Inner.WriteAsync(relativeKey, content, cancellationToken);

    private async Task CountedWriteAsync(CallTally calls, string relativeKey, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        calls.Started(CallTally.PutObject);
        try
        {
            await Inner.WriteAsync(relativeKey, content, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            calls.Ended();
        }
    }

    /// <inheritdoc />
    public Task<byte[]?> TryReadAsync(string relativeKey, CancellationToken cancellationToken = default) =>
        RunReporter.Current?.Calls is { } calls ? CountedTryReadAsync(calls, relativeKey, cancellationToken) : Inner.TryReadAsync(relativeKey, cancellationToken);

    private async Task<byte[]?> CountedTryReadAsync(CallTally calls, string relativeKey, CancellationToken cancellationToken)
    {
        calls.Started(CallTally.GetObject);
        try
        {
            return await Inner.TryReadAsync(relativeKey, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            calls.Ended();
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> ListAsync(string relativePrefix, CancellationToken cancellationToken = default) =>
        RunReporter.Current?.Calls is { } calls ? CountedListAsync(calls, relativePrefix, cancellationToken) : Inner.ListAsync(relativePrefix, cancellationToken);

    private async Task<IReadOnlyList<string>> CountedListAsync(CallTally calls, string relativePrefix, CancellationToken cancellationToken)
    {
        calls.Started(CallTally.ListObjects);
        try
        {
            return await Inner.ListAsync(relativePrefix, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            calls.Ended();
        }
    }

    /// <inheritdoc />
    public Task<bool> CreateExclusiveAsync(string relativeKey, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default) =>
        RunReporter.Current?.Calls is { } calls ? CountedCreateExclusiveAsync(calls, relativeKey, content, cancellationToken) : Inner.CreateExclusiveAsync(relativeKey, content, cancellationToken);

    private async Task<bool> CountedCreateExclusiveAsync(CallTally calls, string relativeKey, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        calls.Started(CallTally.PutObject);
        try
        {
            return await Inner.CreateExclusiveAsync(relativeKey, content, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            calls.Ended();
        }
    }

    /// <inheritdoc />
    public Task DeleteAsync(string relativeKey, CancellationToken cancellationToken = default) =>
        RunReporter.Current?.Calls is { } calls ? CountedDeleteAsync(calls, relativeKey, cancellationToken) : Inner.DeleteAsync(relativeKey, cancellationToken);

    private async Task CountedDeleteAsync(CallTally calls, string relativeKey, CancellationToken cancellationToken)
    {
        calls.Started(CallTally.DeleteObject);
        try
        {
            await Inner.DeleteAsync(relativeKey, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            calls.Ended();
        }
    }

    /// <inheritdoc />
    public string Describe(string relativeKey) => Inner.Describe(relativeKey);
}

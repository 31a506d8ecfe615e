namespace LakeCircle.Core.Gateways;

/// <summary>
/// The endpoint of a client created without one (for the account reads, export and snapshot, that need none): every
/// operation throws. The client refuses the calls that need an endpoint before reaching it; this is the backstop.
/// </summary>
internal sealed class NoEndpointStore : IEndpointStore
{
    public const string Message = "The client was created without an endpoint (LakeCircleClientOptions.Endpoint): s3://bucket/prefix/ or a local folder.";

    public static NoEndpointStore Instance { get; } = new();

    public EndpointLocation Location => throw Missing();

    public Task WriteAsync(string relativeKey, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default) => throw Missing();

    public Task<byte[]?> TryReadAsync(string relativeKey, CancellationToken cancellationToken = default) => throw Missing();

    public Task<IReadOnlyList<string>> ListAsync(string relativePrefix, CancellationToken cancellationToken = default) => throw Missing();

    public Task<bool> CreateExclusiveAsync(string relativeKey, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default) => throw Missing();

    public Task DeleteAsync(string relativeKey, CancellationToken cancellationToken = default) => throw Missing();

    public string Describe(string relativeKey) => "(no endpoint)/" + relativeKey;

    private static InvalidOperationException Missing() => new(Message);
}

using System.Collections.Concurrent;
using System.Text;
using LakeCircle.Core.Archive;
using LakeCircle.Core.Definitions;
using LakeCircle.Core.Gateways;
using LakeCircle.Core.Locking;
using LakeCircle.Core.Sync;
using Microsoft.Extensions.Logging;

namespace LakeCircle.Core.Tests.Support;

/// <summary>Clients over parts given directly: an account, definitions, an endpoint store and an account check.</summary>
internal static class TestClient
{
    public const string Account = "123456789012";

    /// <summary>
    /// A client over the given parts; the endpoint is an in-memory store unless given. The options default to the
    /// test account and region, a fixed fingerprint and owner, no secret values, and the given clock.
    /// </summary>
    public static LakeCircleClient Create(
        IS3Gateway gateway,
        IDefinitionSource definitions,
        IEndpointStore? endpoint = null,
        LakeCircleClientOptions? options = null,
        ICallerIdentity? identity = null)
    {
        return new LakeCircleClient(new ClientSources(gateway, definitions, endpoint ?? new MemoryEndpointStore(), identity), options ?? Options());
    }

    /// <summary>The options of a test run: the test account, region, fingerprint and owner, no secret values.</summary>
    public static LakeCircleClientOptions Options(TimeProvider? time = null, ILoggerFactory? loggers = null) => new()
    {
        Account = Account,
        Region = "eu-west-1",
        SettingsFingerprint = "0123456789ab",
        TimeProvider = time,
        Owner = "ci@runner:1",
        SecretValues = [],
        LoggerFactory = loggers,
    };
}

/// <summary>An endpoint store in memory (keys to bytes), for tests.</summary>
internal sealed class MemoryEndpointStore : IEndpointStore
{
    private readonly ConcurrentDictionary<string, byte[]> _files = new(StringComparer.Ordinal);

    public EndpointLocation Location { get; } = EndpointLocation.S3("memory-endpoint");

    public IReadOnlyDictionary<string, byte[]> Files => _files;

    public string Text(string key) => Encoding.UTF8.GetString(_files[key]);

    public Task WriteAsync(string relativeKey, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        _files[relativeKey] = content.ToArray();
        return Task.CompletedTask;
    }

    public Task<byte[]?> TryReadAsync(string relativeKey, CancellationToken cancellationToken = default) =>
        Task.FromResult(_files.TryGetValue(relativeKey, out var content) ? content.ToArray() : null);

    public Task<IReadOnlyList<string>> ListAsync(string relativePrefix, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<string>>(_files.Keys.Where(k => k.StartsWith(relativePrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList());

    public Task<bool> CreateExclusiveAsync(string relativeKey, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default) =>
        Task.FromResult(_files.TryAdd(relativeKey, content.ToArray()));

    public Task DeleteAsync(string relativeKey, CancellationToken cancellationToken = default)
    {
        _files.TryRemove(relativeKey, out _);
        return Task.CompletedTask;
    }

    public string Describe(string relativeKey) => "s3://memory-endpoint/" + relativeKey;
}

using LakeCircle.Core.Archive;
using LakeCircle.Core.Gateways;
using LakeCircle.Core.Locking;
using LakeCircle.Core.Model;
using LakeCircle.Core.Sync;
using LakeCircle.Core.Tests.Support;
using Microsoft.Extensions.Logging;
using static LakeCircle.Core.Tests.Support.WorkflowFixtures;

namespace LakeCircle.Core.Tests.Sync;

/// <summary>A gateway decorator that runs a hook before each lifecycle read (the n-th read of a bucket, counted from 1).</summary>
internal sealed class ReadHookGateway(IS3Gateway inner) : IS3Gateway
{
    private readonly Dictionary<string, int> _reads = new(StringComparer.Ordinal);
    private int _writes;

    public Action<string, int>? BeforeRead { get; set; }

    public int Writes => Volatile.Read(ref _writes);

    public Task<IReadOnlyList<string>> ListBucketsAsync(CancellationToken cancellationToken = default) => inner.ListBucketsAsync(cancellationToken);

    public Task<LifecycleConfiguration?> GetLifecycleAsync(string bucket, CancellationToken cancellationToken = default)
    {
        int n;
        lock (_reads)
        {
            n = _reads[bucket] = _reads.GetValueOrDefault(bucket) + 1;
        }

        BeforeRead?.Invoke(bucket, n);
        return inner.GetLifecycleAsync(bucket, cancellationToken);
    }

    public Task PutLifecycleAsync(string bucket, LifecycleConfiguration configuration, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _writes);
        return inner.PutLifecycleAsync(bucket, configuration, cancellationToken);
    }

    public Task DeleteLifecycleAsync(string bucket, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _writes);
        return inner.DeleteLifecycleAsync(bucket, cancellationToken);
    }

}

/// <summary>
/// A gateway decorator that runs a step before and after each lifecycle write (PUT or DELETE), on the write's token:
/// what a run does between the archive of the old configuration and the write, or right after the write.
/// </summary>
internal sealed class WriteHookGateway(IS3Gateway inner) : IS3Gateway
{
    public Func<string, CancellationToken, Task>? BeforeWrite { get; set; }

    public Func<string, CancellationToken, Task>? AfterWrite { get; set; }

    public Task<IReadOnlyList<string>> ListBucketsAsync(CancellationToken cancellationToken = default) => inner.ListBucketsAsync(cancellationToken);

    public Task<LifecycleConfiguration?> GetLifecycleAsync(string bucket, CancellationToken cancellationToken = default) =>
        inner.GetLifecycleAsync(bucket, cancellationToken);

    public Task PutLifecycleAsync(string bucket, LifecycleConfiguration configuration, CancellationToken cancellationToken = default) =>
        AroundAsync(bucket, () => inner.PutLifecycleAsync(bucket, configuration, cancellationToken), cancellationToken);

    public Task DeleteLifecycleAsync(string bucket, CancellationToken cancellationToken = default) =>
        AroundAsync(bucket, () => inner.DeleteLifecycleAsync(bucket, cancellationToken), cancellationToken);


    private async Task AroundAsync(string bucket, Func<Task> write, CancellationToken cancellationToken)
    {
        if (BeforeWrite is { } before)
        {
            await before(bucket, cancellationToken);
        }

        await write();
        if (AfterWrite is { } after)
        {
            await after(bucket, cancellationToken);
        }
    }
}

/// <summary>An endpoint store whose writes under a prefix fail (with <paramref name="failure"/>, or a full disk).</summary>
internal sealed class FailingStore(IEndpointStore inner, string failingPrefix, Exception? failure = null) : IEndpointStore
{
    public EndpointLocation Location => inner.Location;

    public Task WriteAsync(string relativeKey, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default) =>
        relativeKey.StartsWith(failingPrefix, StringComparison.Ordinal)
            ? throw failure ?? new IOException("No space left on device")
            : inner.WriteAsync(relativeKey, content, cancellationToken);

    public Task<byte[]?> TryReadAsync(string relativeKey, CancellationToken cancellationToken = default) => inner.TryReadAsync(relativeKey, cancellationToken);

    public Task<IReadOnlyList<string>> ListAsync(string relativePrefix, CancellationToken cancellationToken = default) => inner.ListAsync(relativePrefix, cancellationToken);

    public Task<bool> CreateExclusiveAsync(string relativeKey, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default) =>
        inner.CreateExclusiveAsync(relativeKey, content, cancellationToken);

    public Task DeleteAsync(string relativeKey, CancellationToken cancellationToken = default) => inner.DeleteAsync(relativeKey, cancellationToken);

    public string Describe(string relativeKey) => inner.Describe(relativeKey);
}

/// <summary>An endpoint store that tells each write (its key) to a callback before making it.</summary>
internal sealed class RecordingStore(IEndpointStore inner, Action<string> written) : IEndpointStore
{
    public EndpointLocation Location => inner.Location;

    public Task WriteAsync(string relativeKey, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        written(relativeKey);
        return inner.WriteAsync(relativeKey, content, cancellationToken);
    }

    public Task<byte[]?> TryReadAsync(string relativeKey, CancellationToken cancellationToken = default) => inner.TryReadAsync(relativeKey, cancellationToken);

    public Task<IReadOnlyList<string>> ListAsync(string relativePrefix, CancellationToken cancellationToken = default) => inner.ListAsync(relativePrefix, cancellationToken);

    public Task<bool> CreateExclusiveAsync(string relativeKey, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default) =>
        inner.CreateExclusiveAsync(relativeKey, content, cancellationToken);

    public Task DeleteAsync(string relativeKey, CancellationToken cancellationToken = default) => inner.DeleteAsync(relativeKey, cancellationToken);

    public string Describe(string relativeKey) => inner.Describe(relativeKey);
}

/// <summary>A caller identity with a fixed answer.</summary>
internal sealed class FixedIdentity(string? account) : ICallerIdentity
{
    public int Calls { get; private set; }

    public Task<string?> GetAccountAsync(CancellationToken cancellationToken = default)
    {
        Calls++;
        return Task.FromResult(account);
    }
}

/// <summary>A logger factory whose every logger is the one given (a <see cref="RecordingLogger"/>).</summary>
internal sealed class SingleLoggerFactory(ILogger logger) : ILoggerFactory
{
    public ILogger CreateLogger(string categoryName) => logger;

    public void AddProvider(ILoggerProvider provider) => throw new NotSupportedException();

    public void Dispose()
    {
    }
}

/// <summary>Accounts of writing-run tests, and what a run left at the endpoint.</summary>
internal static class WritingRunSupport
{
    public const string Account = Support.TestClient.Account;

    /// <summary>The standard account behind a gateway whose reads of <paramref name="lagging"/> never show a write.</summary>
    public static (InMemoryS3Gateway Memory, LaggingGateway Gateway, StaticDefinitionSource Definitions) Lagging(params string[] lagging)
    {
        var (memory, definitions) = Standard();
        var gateway = new LaggingGateway(memory) { StaleReads = int.MaxValue, Buckets = [.. lagging] };
        return (memory, gateway, definitions);
    }

    /// <summary>The one run record at the endpoint.</summary>
    public static async Task<RunRecord> SingleRecordAsync(IEndpointStore store)
    {
        var log = new RunLog(store, []);
        var keys = await log.ListAsync();
        keys.Should().ContainSingle("one run writes one record");
        return (await log.ReadAsync(keys[0]))!;
    }
}

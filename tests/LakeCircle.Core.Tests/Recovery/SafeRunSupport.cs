using LakeCircle.Core.Gateways;
using LakeCircle.Core.Model;
using LakeCircle.Core.Planning;
using LakeCircle.Core.Recovery;
using LakeCircle.Core.Workflows;

namespace LakeCircle.Core.Tests.Recovery;

/// <summary>A gateway decorator that runs a hook before each lifecycle read (the n-th read of a bucket, counted from 1).</summary>
internal sealed class ReadHookGateway(IS3Gateway inner) : IS3Gateway
{
    private readonly Dictionary<string, int> _reads = new(StringComparer.Ordinal);

    public Action<string, int>? BeforeRead { get; set; }

    public int Writes { get; private set; }

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
        Writes++;
        return inner.PutLifecycleAsync(bucket, configuration, cancellationToken);
    }

    public Task DeleteLifecycleAsync(string bucket, CancellationToken cancellationToken = default)
    {
        Writes++;
        return inner.DeleteLifecycleAsync(bucket, cancellationToken);
    }
}

/// <summary>An endpoint store whose writes under a prefix fail.</summary>
internal sealed class FailingStore(IEndpointStore inner, string failingPrefix) : IEndpointStore
{
    public EndpointLocation Location => inner.Location;

    public Task WriteAsync(string relativeKey, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default) =>
        relativeKey.StartsWith(failingPrefix, StringComparison.Ordinal)
            ? throw new IOException("No space left on device")
            : inner.WriteAsync(relativeKey, content, cancellationToken);

    public Task<byte[]?> TryReadAsync(string relativeKey, CancellationToken cancellationToken = default) => inner.TryReadAsync(relativeKey, cancellationToken);

    public Task<IReadOnlyList<string>> ListAsync(string relativePrefix, CancellationToken cancellationToken = default) => inner.ListAsync(relativePrefix, cancellationToken);

    public Task<bool> CreateExclusiveAsync(string relativeKey, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default) =>
        inner.CreateExclusiveAsync(relativeKey, content, cancellationToken);

    public Task DeleteAsync(string relativeKey, CancellationToken cancellationToken = default) => inner.DeleteAsync(relativeKey, cancellationToken);

    public string Describe(string relativeKey) => inner.Describe(relativeKey);
}

/// <summary>A write observer that runs a step before each write.</summary>
internal sealed class StepObserver(Func<BucketPlan, CancellationToken, Task> before) : IBucketWriteObserver
{
    public Task BeforeWriteAsync(BucketPlan plan, CancellationToken cancellationToken) => before(plan, cancellationToken);

    public Task AfterWriteAsync(BucketPlan plan, CancellationToken cancellationToken) => Task.CompletedTask;
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

/// <summary>Reads what a run left at the endpoint.</summary>
internal static class EndpointState
{
    public const string Account = "123456789012";

    public static async Task<RunRecord> SingleRecordAsync(IEndpointStore store)
    {
        var log = new RunLog(store, []);
        var keys = await log.ListAsync();
        keys.Should().ContainSingle("one run writes one record");
        return (await log.ReadAsync(keys[0]))!;
    }

    public static SafeRunOptions Options(TimeProvider time, ICallerIdentity? identity = null) => new()
    {
        Account = Account,
        Region = "eu-west-1",
        SettingsFingerprint = "0123456789ab",
        CallerIdentity = identity,
        Time = time,
        Owner = "ci@runner:1",
        SecretValues = [],
    };
}

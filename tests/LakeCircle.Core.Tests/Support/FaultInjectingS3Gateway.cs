using System.Collections.Concurrent;
using LakeCircle.Core.Gateways;
using LakeCircle.Core.Model;

namespace LakeCircle.Core.Tests.Support;

/// <summary>
/// An <see cref="IS3Gateway"/> decorator that fails a chosen fraction of calls per operation, from a fixed seed, with
/// the failures of <see cref="InjectedFault"/> (as <see cref="S3GatewayException"/>s of kind Transient, as the AWS
/// gateway maps them). A timed-out or reset write is applied first half of the time, as a real store may have done.
/// It can also kill the run: <see cref="KillWhen"/> is asked before and after each call, and when it answers true the
/// run's token source is cancelled and the call throws <see cref="OperationCanceledException"/> on that token, which
/// the workflow does not catch.
/// </summary>
internal sealed class FaultInjectingS3Gateway(IS3Gateway inner, int seed) : IS3Gateway
{
    private static readonly InjectedFault[] Kinds = Enum.GetValues<InjectedFault>();
    private readonly Random _random = new(seed);
    private readonly Lock _gate = new();
    private readonly ConcurrentDictionary<string, int> _calls = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _failures = new(StringComparer.Ordinal);

    /// <summary>The fraction of calls of each operation to fail (keyed by <see cref="S3Operations"/> names).</summary>
    public Dictionary<string, double> FailureRates { get; } = new(StringComparer.Ordinal);

    /// <summary>The fraction used for operations not in <see cref="FailureRates"/>.</summary>
    public double DefaultFailureRate { get; set; }

    /// <summary>The run's token source, cancelled when the run is killed.</summary>
    public CancellationTokenSource? Run { get; set; }

    /// <summary>Decides whether to kill the run at a point; null kills never.</summary>
    public Func<KillPoint, bool>? KillWhen { get; set; }

    /// <summary>The point the run was killed at, or null.</summary>
    public KillPoint? KilledAt { get; private set; }

    public int Calls => _calls.Values.Sum();

    public int Failures => _failures.Values.Sum();

    public int CallCount(string operation) => _calls.GetValueOrDefault(operation);

    public Task<IReadOnlyList<string>> ListBucketsAsync(CancellationToken cancellationToken = default) =>
        CallAsync(S3Operations.ListBuckets, null, false, t => inner.ListBucketsAsync(t), cancellationToken);

    public Task<LifecycleConfiguration?> GetLifecycleAsync(string bucket, CancellationToken cancellationToken = default) =>
        CallAsync(S3Operations.GetBucketLifecycleConfiguration, bucket, false, t => inner.GetLifecycleAsync(bucket, t), cancellationToken);

    public Task PutLifecycleAsync(string bucket, LifecycleConfiguration configuration, CancellationToken cancellationToken = default) =>
        CallAsync(S3Operations.PutBucketLifecycleConfiguration, bucket, true, async t =>
        {
            await inner.PutLifecycleAsync(bucket, configuration, t);
            return true;
        }, cancellationToken);

    public Task DeleteLifecycleAsync(string bucket, CancellationToken cancellationToken = default) =>
        CallAsync(S3Operations.DeleteBucketLifecycle, bucket, true, async t =>
        {
            await inner.DeleteLifecycleAsync(bucket, t);
            return true;
        }, cancellationToken);

    private async Task<T> CallAsync<T>(string operation, string? bucket, bool isWrite, Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        var number = _calls.AddOrUpdate(operation, 1, (_, n) => n + 1);
        Kill(new KillPoint(operation, bucket, number, After: false));
        var (fail, kind, applyFirst) = Draw(operation);
        if (fail)
        {
            _failures.AddOrUpdate(operation, 1, (_, n) => n + 1);
            if (isWrite && applyFirst && kind is InjectedFault.Timeout or InjectedFault.ConnectionReset)
            {
                await call(cancellationToken);
            }

            throw Fault(kind, operation, bucket);
        }

        var result = await call(cancellationToken);
        Kill(new KillPoint(operation, bucket, number, After: true));
        return result;
    }

    private (bool Fail, InjectedFault Kind, bool ApplyFirst) Draw(string operation)
    {
        var rate = FailureRates.GetValueOrDefault(operation, DefaultFailureRate);
        lock (_gate)
        {
            var fail = _random.NextDouble() < rate;
            return (fail, Kinds[_random.Next(Kinds.Length)], _random.Next(2) == 0);
        }
    }

    private void Kill(KillPoint point)
    {
        if (KilledAt is null && KillWhen?.Invoke(point) == true && Run is not null)
        {
            KilledAt = point;
            Run.Cancel();
            throw new OperationCanceledException("The run was killed at " + point, Run.Token);
        }
    }

    private static S3GatewayException Fault(InjectedFault kind, string operation, string? bucket) => kind switch
    {
        InjectedFault.SlowDown => new(S3ErrorKind.Transient, operation, bucket, "Please reduce your request rate.", 503, "SlowDown"),
        InjectedFault.InternalError => new(S3ErrorKind.Transient, operation, bucket, "We encountered an internal error. Please try again.", 500, "InternalError"),
        InjectedFault.Timeout => new(S3ErrorKind.Transient, operation, bucket, "The operation has timed out.", innerException: new TaskCanceledException("timeout")),
        _ => new(S3ErrorKind.Transient, operation, bucket, "Connection reset by peer.", innerException: new IOException("Connection reset by peer")),
    };
}

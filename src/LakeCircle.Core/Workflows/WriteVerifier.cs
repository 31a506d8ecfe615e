using LakeCircle.Core.Gateways;
using LakeCircle.Core.Model;
using LakeCircle.Core.Planning;

namespace LakeCircle.Core.Workflows;

/// <summary>
/// After each write, reads the bucket's configuration back until it means what was written (fingerprints, so a server
/// that reorders or reshapes is fine). S3 is eventually consistent: a read that still shows the previous configuration
/// is read again, until <c>timeout</c>. A read that shows neither the previous nor the written configuration twice in a
/// row is what the server kept: the bucket fails, naming the fields it did not keep, and its previous configuration is
/// written back (or deleted when it had none).
/// </summary>
internal sealed class WriteVerifier(IS3Gateway gateway, TimeSpan timeout, TimeSpan? pollInterval = null, TimeProvider? time = null) : IBucketWriteObserver
{
    private readonly TimeSpan _interval = pollInterval ?? TimeSpan.FromMilliseconds(250);
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    public Task BeforeWriteAsync(BucketPlan plan, CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task AfterWriteAsync(BucketPlan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var sent = plan.Action == BucketAction.Put ? plan.ConfigurationToPut : null;
        var previous = plan.Actual;
        var deadline = _time.GetUtcNow() + timeout;
        string? lastOther = null;
        LifecycleConfiguration? stored;
        while (true)
        {
            stored = await gateway.GetLifecycleAsync(plan.Bucket, cancellationToken).ConfigureAwait(false);
            if (ConfigurationComparison.SameMeaning(sent, stored))
            {
                return;
            }

            var stillPrevious = ConfigurationComparison.SameMeaning(previous, stored);
            var fingerprint = stored?.Fingerprint ?? "";
            if (!stillPrevious && fingerprint == lastOther)
            {
                break;
            }

            lastOther = stillPrevious ? null : fingerprint;
            if (_time.GetUtcNow() >= deadline)
            {
                break;
            }

            await Task.Delay(_interval, _time, cancellationToken).ConfigureAwait(false);
        }

        var differences = ConfigurationComparison.Differences(sent, stored);
        var what = sent is null ? "the lifecycle configuration is still there after the DELETE" : "the server did not keep what was written: " + string.Join("; ", differences);
        var restore = sent is null ? "" : await RestoreAsync(plan.Bucket, previous, cancellationToken).ConfigureAwait(false);
        throw new WriteVerificationException(plan.Bucket, $"verification failed, {what}{restore}", differences);
    }

    private async Task<string> RestoreAsync(string bucket, LifecycleConfiguration? previous, CancellationToken cancellationToken)
    {
        try
        {
            if (previous is null || previous.Rules.Count == 0)
            {
                await gateway.DeleteLifecycleAsync(bucket, cancellationToken).ConfigureAwait(false);
                return "; the written configuration was deleted (the bucket had none before)";
            }

            await gateway.PutLifecycleAsync(bucket, previous, cancellationToken).ConfigureAwait(false);
            return "; the previous configuration was restored";
        }
        catch (S3GatewayException e)
        {
            return "; restoring the previous configuration failed too: " + e.Message;
        }
    }
}

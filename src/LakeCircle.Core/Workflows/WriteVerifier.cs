using LakeCircle.Core.Gateways;
using LakeCircle.Core.Model;
using LakeCircle.Core.Planning;

namespace LakeCircle.Core.Workflows;

/// <summary>
/// After each write, reads the bucket's configuration back and compares it by meaning (fingerprints, so a server that
/// reorders or reshapes is fine) with what was written, until it has been seen as many times in a row as the
/// <see cref="VerificationPolicy"/> asks or its timeout passes. S3 is eventually consistent after a write, so:
/// <list type="bullet">
/// <item>what was written, seen as asked: applied;</item>
/// <item>a configuration that is neither the previous nor the written one, seen twice in a row (or still there on one
/// more read after the timeout): the server did not keep
/// what was sent — the bucket fails (<see cref="WriteVerificationException"/>) naming the fields it did not keep, and its
/// previous configuration is written back (or deleted when it had none);</item>
/// <item>otherwise at the timeout (reads still show the previous configuration, or the written one not often enough in
/// a row): applied, not yet visible (<see cref="WriteNotVisibleException"/>) — not a failure, nothing restored.</item>
/// </list>
/// </summary>
internal sealed class WriteVerifier(
    IS3Gateway gateway, VerificationPolicy policy, TimeProvider? time = null, Func<TimeSpan, CancellationToken, Task>? delay = null)
    : IBucketWriteObserver
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly Func<TimeSpan, CancellationToken, Task> _delay = delay ?? ((d, token) => Task.Delay(d, time ?? TimeProvider.System, token));

    /// <summary>The policy the verifier reads back with.</summary>
    public VerificationPolicy Policy => policy;

    public Task BeforeWriteAsync(BucketPlan plan, CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task AfterWriteAsync(BucketPlan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var sent = plan.Action == BucketAction.Put ? plan.ConfigurationToPut : null;
        var previous = plan.Actual;
        var deadline = _time.GetUtcNow() + policy.Timeout;
        var inRow = 0;
        var sightings = 0;
        var overtime = false;
        string? lastOther = null;
        LifecycleConfiguration? stored;
        while (true)
        {
            stored = await gateway.GetLifecycleAsync(plan.Bucket, cancellationToken).ConfigureAwait(false);
            if (ConfigurationComparison.SameMeaning(sent, stored))
            {
                sightings++;
                lastOther = null;
                if (++inRow >= policy.Sightings)
                {
                    return;
                }
            }
            else
            {
                inRow = 0;
                var fingerprint = ConfigurationComparison.SameMeaning(previous, stored) ? null : stored?.Fingerprint ?? "";
                if (fingerprint is not null && fingerprint == lastOther)
                {
                    break;
                }

                lastOther = fingerprint;
            }

            if (_time.GetUtcNow() >= deadline)
            {
                if (lastOther is null)
                {
                    throw new WriteNotVisibleException(plan.Bucket, NotVisible(sightings));
                }

                if (overtime)
                {
                    break;
                }

                // A third configuration seen once as time ran out: one more read tells a passing state from a kept one.
                overtime = true;
            }

            await _delay(policy.PollInterval, cancellationToken).ConfigureAwait(false);
        }

        var differences = ConfigurationComparison.Differences(sent, stored);
        var what = sent is null ? "the server shows another lifecycle configuration after the DELETE" : "the server did not keep what was written: " + string.Join("; ", differences);
        var restore = sent is null ? "" : await RestoreAsync(plan.Bucket, previous, cancellationToken).ConfigureAwait(false);
        throw new WriteVerificationException(plan.Bucket, $"verification failed, {what}{restore}", differences);
    }

    private string NotVisible(int sightings)
    {
        var after = "applied, not yet visible after " + VerificationPolicy.Describe(policy.Timeout);
        return !policy.WaitsForConsistency ? after + " (reads still show the previous configuration)"
            : sightings == 0 ? after + $" (reads still show the previous configuration; {policy.Sightings} sightings in a row were asked for)"
            : after + $" (seen {sightings} times, but not {policy.Sightings} times in a row)";
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

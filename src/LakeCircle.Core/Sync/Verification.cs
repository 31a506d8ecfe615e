using LakeCircle.Core.Gateways;
using LakeCircle.Core.Model;
using LakeCircle.Core.Planning;

namespace LakeCircle.Core.Sync;

/// <summary>
/// After a write, reads the bucket's configuration back and compares it by meaning
/// (<see cref="ConfigurationComparison.SameMeaning"/>) with what was written, until it has been seen as many times in a
/// row as the <see cref="VerificationPolicy"/> asks or its timeout passes. S3 is eventually consistent after a write, so:
/// <list type="bullet">
/// <item>what was written, seen as asked: <see cref="VerificationOutcome.Seen"/>;</item>
/// <item>a configuration that is neither the previous nor the written one, seen twice in a row (or still there on one
/// more read after the timeout): the server did not keep what was sent — <see cref="VerificationOutcome.Different"/>,
/// naming the fields it did not keep;</item>
/// <item>otherwise at the timeout (reads still show the previous configuration, or the written one not often enough in
/// a row): <see cref="VerificationOutcome.NotVisible"/> — applied, not yet visible; not a failure.</item>
/// </list>
/// It only reads: restoring the previous configuration on a difference is a step of the writing run.
/// </summary>
internal sealed class Verification(
    IS3Gateway gateway, VerificationPolicy policy, TimeProvider? time = null, Func<TimeSpan, CancellationToken, Task>? delay = null)
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly Func<TimeSpan, CancellationToken, Task> _delay = delay ?? ((d, token) => Task.Delay(d, time ?? TimeProvider.System, token));

    /// <summary>The policy the verification reads back with.</summary>
    public VerificationPolicy Policy => policy;

    /// <summary>Reads the bucket back until the write is seen as asked, a difference is sure, or the time is up.</summary>
    /// <param name="plan">The plan that was written (its <see cref="BucketPlan.Actual"/> is the previous configuration).</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <returns>What the reads showed.</returns>
    /// <exception cref="S3GatewayException">A read failed.</exception>
    public async Task<VerificationResult> CheckAsync(BucketPlan plan, CancellationToken cancellationToken)
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
                    return VerificationResult.Seen;
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
                    return new VerificationResult(VerificationOutcome.NotVisible, NotVisible(sightings), []);
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
        var what = sent is null
            ? "the server shows another lifecycle configuration after the DELETE"
            : "the server did not keep what was written: " + string.Join("; ", differences);
        return new VerificationResult(VerificationOutcome.Different, what, differences);
    }

    private string NotVisible(int sightings)
    {
        var after = "applied, not yet visible after " + VerificationPolicy.Describe(policy.Timeout);
        return !policy.WaitsForConsistency ? after + " (reads still show the previous configuration)"
            : sightings == 0 ? after + $" (reads still show the previous configuration; {policy.Sightings} sightings in a row were asked for)"
            : after + $" (seen {sightings} times, but not {policy.Sightings} times in a row)";
    }
}

/// <summary>What a <see cref="Verification"/> saw.</summary>
internal enum VerificationOutcome
{
    /// <summary>The written configuration was seen as asked.</summary>
    Seen,

    /// <summary>Reads still did not show the write as asked when the time was up; not a failure.</summary>
    NotVisible,

    /// <summary>The server keeps something else than what was written.</summary>
    Different,
}

/// <summary>The result of a <see cref="Verification"/>.</summary>
/// <param name="Outcome">What the reads showed.</param>
/// <param name="Message">For people: how long was waited, or what the server did not keep; empty when seen.</param>
/// <param name="Differences">The fields not kept, one entry each, when <see cref="VerificationOutcome.Different"/>.</param>
internal sealed record VerificationResult(VerificationOutcome Outcome, string Message, IReadOnlyList<string> Differences)
{
    /// <summary>Seen as asked.</summary>
    public static VerificationResult Seen { get; } = new(VerificationOutcome.Seen, "", []);
}

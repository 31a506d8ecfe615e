using System.Diagnostics;
using LakeCircle.Core.Gateways;
using LakeCircle.Core.Model;
using LakeCircle.Core.Planning;
using Microsoft.Extensions.Logging;

namespace LakeCircle.Core.Workflows;

/// <summary>
/// Applies the writes of a plan: per changed bucket exactly one PUT of the whole desired configuration, or one
/// DELETE when no rule is left; a bounded number in flight; one bucket's failure never stops the others. Per bucket:
/// the optional <see cref="IBucketPlanRefresher"/> (re-check), the observers' before-steps, the write, the after-steps.
/// A write the after-steps could not see yet (<see cref="WriteNotVisibleException"/>) is
/// <see cref="BucketResult.AppliedNotVisible"/>, with the reason in <see cref="BucketOutcome.Note"/>.
/// </summary>
internal sealed class PlanApplier(
    IS3Gateway gateway, IBucketWriteObserver observer, ILogger logger, int concurrency, IBucketPlanRefresher? refresher = null)
{
    public async Task<ValueList<BucketOutcome>> ApplyAsync(IReadOnlyList<BucketPlan> plans, CancellationToken cancellationToken)
    {
        var outcomes = new BucketOutcome[plans.Count];
        var options = new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, plans.Count), options, async (index, token) =>
        {
            using var scope = logger.BucketScope(plans[index].Bucket);
            outcomes[index] = await ApplyBucketAsync(plans[index], cancellationToken, token).ConfigureAwait(false);
        }).ConfigureAwait(false);
        return outcomes.ToValueList();
    }

    /// <summary>The outcomes of a sync stopped before its first write: every planned write skipped.</summary>
    public static ValueList<BucketOutcome> Skip(IEnumerable<BucketPlan> plans, string reason) =>
        plans.Select(p => new BucketOutcome { Bucket = p.Bucket, Action = p.Action, Result = BucketResult.Skipped, Error = reason })
            .ToValueList();

    private async Task<BucketOutcome> ApplyBucketAsync(BucketPlan plan, CancellationToken runToken, CancellationToken token)
    {
        var started = Stopwatch.GetTimestamp();
        var action = plan.Action;
        string? note = null;
        BucketOutcome Result(BucketResult result, string? error = null)
        {
            if (error is not null)
            {
                logger.WriteFailed(error);
            }

            return new BucketOutcome
            {
                Bucket = plan.Bucket,
                Action = action,
                Result = result,
                Error = error,
                Note = note,
                Duration = Stopwatch.GetElapsedTime(started),
            };
        }

        if (refresher is not null)
        {
            try
            {
                (plan, note) = await refresher.RefreshAsync(plan, token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException || !runToken.IsCancellationRequested)
            {
                return Result(BucketResult.Failed, "not written, the re-check before the write failed: " + e.Message);
            }

            if (plan.Action == BucketAction.None)
            {
                return Result(BucketResult.Applied);
            }

            action = plan.Action;
        }

        try
        {
            await observer.BeforeWriteAsync(plan, token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !runToken.IsCancellationRequested)
        {
            return Result(BucketResult.Failed, "not written, the step before the write failed: " + e.Message);
        }

        try
        {
            await WriteAsync(plan, token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !runToken.IsCancellationRequested)
        {
            return Result(BucketResult.Failed, e.Message);
        }

        try
        {
            await observer.AfterWriteAsync(plan, token).ConfigureAwait(false);
        }
        catch (WriteNotVisibleException e)
        {
            note = note is null ? e.Message : $"{e.Message}; {note}";
            logger.AppliedNotVisible(e.Message);
            return Result(BucketResult.AppliedNotVisible);
        }
        catch (Exception e) when (e is not OperationCanceledException || !runToken.IsCancellationRequested)
        {
            return Result(BucketResult.Failed, e is WriteVerificationException ? e.Message : "written, but the step after the write failed: " + e.Message);
        }

        var outcome = Result(BucketResult.Applied);
        logger.Applied((long)outcome.Duration.TotalMilliseconds);
        return outcome;
    }

    private async Task WriteAsync(BucketPlan plan, CancellationToken token)
    {
        if (plan.Action == BucketAction.Delete)
        {
            logger.Deleting();
            await gateway.DeleteLifecycleAsync(plan.Bucket, token).ConfigureAwait(false);
            return;
        }

        var configuration = plan.ConfigurationToPut
            ?? throw new InvalidOperationException($"The plan of bucket '{plan.Bucket}' has no configuration to write.");
        logger.Putting(configuration.Rules.Count);
        await gateway.PutLifecycleAsync(plan.Bucket, configuration, token).ConfigureAwait(false);
    }
}

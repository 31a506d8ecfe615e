using LakeCircle.Core.Diagnostics;
using LakeCircle.Core.Gateways;
using LakeCircle.Core.Locking;
using LakeCircle.Core.Model;
using LakeCircle.Core.Planning;
using LakeCircle.Core.Sync;

namespace LakeCircle.Core.Archive;

/// <summary>Builds the <see cref="RunRecord"/> of a <see cref="WritingRun"/> from its journal: plan, results and progress.</summary>
internal static class RunRecords
{
    public static RunRecord Build(string action, DateTimeOffset finishedAt, ClientSettings settings, RunJournal run, RunOutcome outcome)
    {
        // Every managed bucket's outcome; buckets without definition are only counted (the plan's bucketsUnmanaged).
        var buckets = (outcome.Plan?.Buckets ?? ValueList<BucketPlan>.Empty)
            .Where(p => p.Status != BucketStatus.Unmanaged)
            .ToDictionary(p => p.Bucket, RunBucketRecord.FromPlan, StringComparer.Ordinal);

        // What went to the write (after a re-plan) is what the record tells.
        foreach (var (bucket, (plan, written)) in run.Writes)
        {
            buckets[bucket] = RunBucketRecord.FromPlan(plan) with
            {
                Status = buckets.TryGetValue(bucket, out var planned) ? planned.Status : plan.Status,
                Result = written ? RunBucketResult.Applied : RunBucketResult.Failed,
                Error = written ? null : "stopped between the save of the old configuration and the end of the write; read the bucket to know whether it was written.",
            };
        }

        foreach (var result in outcome.Buckets)
        {
            var known = buckets.GetValueOrDefault(result.Bucket)
                ?? new RunBucketRecord { Bucket = result.Bucket, Status = BucketStatus.Change, PlannedAction = result.Action };
            buckets[result.Bucket] = known with { Result = Map(result.Result), Error = result.Error, Note = result.Note };
        }

        if (outcome.Buckets.Count == 0)
        {
            // Cancelled or stopped midway: planned writes that never started were skipped.
            foreach (var (bucket, record) in buckets.Where(b => b.Value.PlannedAction != BucketAction.None && b.Value.Result is null).ToList())
            {
                buckets[bucket] = record with { Result = RunBucketResult.Skipped };
            }
        }

        foreach (var (bucket, version) in run.Saved)
        {
            if (buckets.TryGetValue(bucket, out var record))
            {
                buckets[bucket] = record with { HistoryKey = version.Key };
            }
        }

        var errors = new List<string>();
        errors.AddRange(outcome.Refusal is null ? [] : [outcome.Refusal]);
        errors.AddRange(outcome.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()));
        errors.AddRange(outcome.Error is { } error ? [error] : []);
        errors.AddRange(outcome.Errors);
        return new RunRecord
        {
            RunId = run.RunId,
            Action = action,
            SettingsFingerprint = settings.SettingsFingerprint,
            Account = settings.Account,
            Region = settings.Region,
            Owner = settings.Owner ?? RunLock.DefaultOwner,
            StartedAt = run.StartedAt,
            FinishedAt = finishedAt,
            Succeeded = errors.Count == 0 && outcome.Succeeded,
            DefinitionsFingerprint = run.Planned?.DefinitionsFingerprint,
            PlanSha256 = run.Planned?.Saved?.Sha256,
            Plan = outcome.Plan?.Summary,
            Buckets = buckets.Values.OrderBy(b => b.Bucket, StringComparer.Ordinal).ToValueList(),
            Errors = errors.ToValueList(),
        };
    }

    private static RunBucketResult Map(BucketResult result) => result switch
    {
        BucketResult.Applied => RunBucketResult.Applied,
        BucketResult.Failed => RunBucketResult.Failed,
        BucketResult.AppliedNotVisible => RunBucketResult.AppliedNotVisible,
        _ => RunBucketResult.Skipped,
    };
}

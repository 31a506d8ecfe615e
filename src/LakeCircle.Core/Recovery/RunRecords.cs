using LakeCircle.Core.Model;
using LakeCircle.Core.Planning;
using LakeCircle.Core.Workflows;

namespace LakeCircle.Core.Recovery;

/// <summary>Builds the <see cref="RunRecord"/> of a <see cref="GuardedRun"/> from its plan, results and progress.</summary>
internal static class RunRecords
{
    public static RunRecord Build(string runId, string action, DateTimeOffset startedAt, DateTimeOffset finishedAt, SafeRunOptions options, RunState run)
    {
        var sync = run.Sync;
        var buckets = (sync?.Plan?.Buckets ?? ValueList<BucketPlan>.Empty)
            .ToDictionary(p => p.Bucket, RunBucketRecord.FromPlan, StringComparer.Ordinal);

        // What went to the write (after a re-plan) is what the record tells.
        foreach (var (bucket, (plan, written)) in run.Progress.Buckets)
        {
            buckets[bucket] = RunBucketRecord.FromPlan(plan) with
            {
                Status = buckets.TryGetValue(bucket, out var planned) ? planned.Status : plan.Status,
                Result = written ? RunBucketResult.Applied : RunBucketResult.Failed,
                Error = written ? null : "stopped between the save of the old configuration and the end of the write; read the bucket to know whether it was written.",
            };
        }

        foreach (var result in sync?.Buckets ?? ValueList<BucketOutcome>.Empty)
        {
            var known = buckets.GetValueOrDefault(result.Bucket)
                ?? new RunBucketRecord { Bucket = result.Bucket, Status = BucketStatus.Change, PlannedAction = result.Action };
            buckets[result.Bucket] = known with { Result = Map(result.Result), Error = result.Error, Note = result.Note };
        }

        if (sync is null || sync.Buckets.Count == 0)
        {
            // Cancelled or stopped midway: planned writes that never started were skipped.
            foreach (var (bucket, record) in buckets.Where(b => b.Value.PlannedAction != BucketAction.None && b.Value.Result is null).ToList())
            {
                buckets[bucket] = record with { Result = RunBucketResult.Skipped };
            }
        }

        foreach (var (bucket, version) in run.Archiving.Saved)
        {
            if (buckets.TryGetValue(bucket, out var record))
            {
                buckets[bucket] = record with { HistoryKey = version.Key };
            }
        }

        var errors = new List<string>();
        errors.AddRange(run.Refusal is null ? [] : [run.Refusal]);
        errors.AddRange(sync?.Diagnostics.Select(d => d.ToString()) ?? []);
        errors.AddRange(sync?.Error is { } error ? [error] : []);
        errors.AddRange(run.Errors);
        return new RunRecord
        {
            RunId = runId,
            Action = action,
            SettingsFingerprint = options.SettingsFingerprint,
            Account = options.Account,
            Region = options.Region,
            Owner = options.Owner ?? RunLock.DefaultOwner,
            StartedAt = startedAt,
            FinishedAt = finishedAt,
            Succeeded = errors.Count == 0 && sync?.Succeeded == true,
            Plan = sync?.Plan?.Summary,
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

using LakeCircle.Core.Planning;

namespace LakeCircle.Core.Tests.Faults;

/// <summary>
/// What a fault run left: convergence, whether every original configuration can still be found, and whether a rollback
/// of each changed bucket would put its original back (the configuration from before the last change that was applied).
/// </summary>
internal sealed record Recoverability(int Converged, int Lost, IReadOnlyList<string> RollbackNotOriginal, IReadOnlyList<string> UnmanagedTouched, bool PlansNoChange)
{
    public static async Task<Recoverability> CheckAsync(FaultWorld world, IReadOnlyList<string> planned)
    {
        var check = await world.PlanAsync();
        var converged = check.Plan!.Buckets.Count(b => world.Originals.ContainsKey(b.Bucket) && b.Action == BucketAction.None && b.Status == BucketStatus.InSync);
        var archive = world.Archive;
        var lost = 0;
        var rollbackWrong = new List<string>();
        await using var client = world.Client(world.Store);
        foreach (var (bucket, original) in world.Originals)
        {
            var now = world.Store.PeekLifecycle(bucket);
            var history = await archive.ListHistoryAsync(bucket);
            var oldest = history.Count == 0 ? null : await archive.ReadAsync(history[^1].Key);
            var unchanged = FaultWorld.Fingerprint(now) == FaultWorld.Fingerprint(original)
                && now?.TransitionDefaultMinimumObjectSize == original?.TransitionDefaultMinimumObjectSize;
            var inHistory = oldest is not null && FaultWorld.Fingerprint(oldest.Configuration) == FaultWorld.Fingerprint(original)
                && oldest.Configuration?.TransitionDefaultMinimumObjectSize == original?.TransitionDefaultMinimumObjectSize;
            if (!unchanged && !inHistory)
            {
                lost++;
            }

            if (planned.Contains(bucket))
            {
                var rollback = (await client.PlanRollbackAsync(bucket)).RestoredVersion;
                if (rollback is null || FaultWorld.Fingerprint(rollback.Configuration) != FaultWorld.Fingerprint(original)
                    || rollback.Configuration?.TransitionDefaultMinimumObjectSize != original?.TransitionDefaultMinimumObjectSize)
                {
                    rollbackWrong.Add(bucket);
                }
            }
        }

        var touched = world.Unmanaged.Where(u => !Equals(world.Store.PeekLifecycle(u.Key), u.Value)).Select(u => u.Key).ToList();
        return new Recoverability(converged, lost, rollbackWrong, touched, check.Succeeded && !check.HasChanges);
    }
}

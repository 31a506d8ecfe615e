using LakeCircle.Core.Planning;

namespace LakeCircle.Core.Tests.Faults;

/// <summary>What a fault run left: convergence and whether every original configuration can still be found.</summary>
internal sealed record Recoverability(int Converged, int Lost, IReadOnlyList<string> PreviousNotOriginal, IReadOnlyList<string> UnmanagedTouched, bool PlansNoChange)
{
    public static async Task<Recoverability> CheckAsync(FaultWorld world, IReadOnlyList<string> planned)
    {
        var check = await world.PlanAsync();
        var converged = check.Plan!.Buckets.Count(b => world.Originals.ContainsKey(b.Bucket) && b.Action == BucketAction.None && b.Status == BucketStatus.InSync);
        var archive = world.Archive;
        var lost = 0;
        var previousWrong = new List<string>();
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
                var previous = await archive.ReadPreviousAsync(bucket);
                if (previous is null || FaultWorld.Fingerprint(previous.Configuration) != FaultWorld.Fingerprint(original)
                    || previous.Configuration?.TransitionDefaultMinimumObjectSize != original?.TransitionDefaultMinimumObjectSize)
                {
                    previousWrong.Add(bucket);
                }
            }
        }

        var touched = world.Unmanaged.Where(u => !Equals(world.Store.PeekLifecycle(u.Key), u.Value)).Select(u => u.Key).ToList();
        return new Recoverability(converged, lost, previousWrong, touched, check.Succeeded && !check.HasChanges);
    }
}

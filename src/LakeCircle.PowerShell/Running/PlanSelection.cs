using LakeCircle.Core.Model;
using LakeCircle.Core.Planning;

namespace LakeCircle.PowerShell.Running;

/// <summary>Narrows a plan to the buckets a user confirmed.</summary>
internal static class PlanSelection
{
    /// <summary>
    /// The plan without the buckets in <paramref name="declined"/> (and its summary counted again), so that applying it
    /// writes only the others; the other buckets (in sync, missing, unmanaged, unreadable) stay as they are.
    /// </summary>
    /// <param name="outcome">The plan.</param>
    /// <param name="declined">The buckets not to write.</param>
    /// <returns>The narrowed plan, or <paramref name="outcome"/> itself when nothing is declined.</returns>
    public static PlanOutcome Without(PlanOutcome outcome, IReadOnlySet<string> declined)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(declined);
        if (outcome.Plan is not { } plan || declined.Count == 0)
        {
            return outcome;
        }

        var kept = plan.Buckets.Where(b => !(b.HasChanges && declined.Contains(b.Bucket))).ToList();
        return outcome with { Plan = plan with { Buckets = kept.ToValueList(), Summary = PlanSummary.Of(kept) } };
    }
}

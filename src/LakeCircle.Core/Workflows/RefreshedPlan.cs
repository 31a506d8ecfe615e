using LakeCircle.Core.Planning;

namespace LakeCircle.Core.Workflows;

/// <summary>What an <see cref="IBucketPlanRefresher"/> decided for a bucket just before its write.</summary>
/// <param name="Plan">The plan to write; <see cref="BucketAction.None"/> when the bucket needs no write any more.</param>
/// <param name="Note">Why the plan was replaced, for the run's report, or <see langword="null"/> when it was not.</param>
internal sealed record RefreshedPlan(BucketPlan Plan, string? Note = null);

namespace LakeCircle.Core.Sync;

/// <summary>How many bucket writes of a run were applied, failed, skipped, or applied but not yet visible.</summary>
/// <param name="Applied">Buckets whose write was made (and, when verified, read back).</param>
/// <param name="Failed">Buckets whose write failed.</param>
/// <param name="Skipped">Buckets whose write was not attempted.</param>
/// <param name="AppliedNotVisible">Buckets whose write was made but not yet visible when verification timed out (not failures).</param>
public sealed record RunSummary(int Applied, int Failed, int Skipped, int AppliedNotVisible = 0);

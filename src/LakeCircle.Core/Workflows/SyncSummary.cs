namespace LakeCircle.Core.Workflows;

/// <summary>How many bucket writes of a sync were applied, failed or skipped.</summary>
/// <param name="Applied">Buckets whose write was made.</param>
/// <param name="Failed">Buckets whose write failed.</param>
/// <param name="Skipped">Buckets whose write was not attempted.</param>
public sealed record SyncSummary(int Applied, int Failed, int Skipped);

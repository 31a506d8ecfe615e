namespace LakeCircle.PowerShell.Running;

/// <summary>One progress report, turned into a <c>ProgressRecord</c> on the pipeline thread.</summary>
/// <param name="ActivityId">1 for reading the definitions and the account, 2 for writing buckets.</param>
/// <param name="Activity">What goes on, such as <c>LakeCircle: reading buckets</c>.</param>
/// <param name="Status">Where it is, such as <c>3 of 5 buckets read</c>.</param>
/// <param name="CurrentOperation">The bucket at hand, or <see langword="null"/>.</param>
/// <param name="Percent">0 to 100, or -1 when unknown.</param>
/// <param name="Completed">Whether the activity is over (its bar is removed).</param>
internal sealed record ProgressUpdate(int ActivityId, string Activity, string Status, string? CurrentOperation, int Percent, bool Completed);

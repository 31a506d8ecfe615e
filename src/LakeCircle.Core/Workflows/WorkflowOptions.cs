namespace LakeCircle.Core.Workflows;

/// <summary>
/// How a <see cref="LifecycleWorkflow"/> runs: which buckets, how many calls in flight, and the guards that stop a
/// sync before its first write. Mutable; the workflow copies the values when it is created.
/// </summary>
public sealed class WorkflowOptions
{
    /// <summary>The default for <see cref="ReadConcurrency"/>.</summary>
    public const int DefaultReadConcurrency = 16;

    /// <summary>The default for <see cref="WriteConcurrency"/>.</summary>
    public const int DefaultWriteConcurrency = 2;

    /// <summary>
    /// The buckets to work on, by name; empty (the default) means every defined bucket. A name here without a
    /// definition stops the run with an error. When narrowed, buckets without a definition are not reported.
    /// </summary>
    public IList<string> Buckets { get; } = new List<string>();

    /// <summary>How many lifecycle reads may be in flight at once (default 16, at least 1).</summary>
    public int ReadConcurrency { get; set; } = DefaultReadConcurrency;

    /// <summary>
    /// How many lifecycle writes may be in flight at once (default 2, at least 1). Kept low because some servers
    /// serialise lifecycle writes and stall when they clash.
    /// </summary>
    public int WriteConcurrency { get; set; } = DefaultWriteConcurrency;

    /// <summary>
    /// The most buckets a sync may change (PUT or DELETE); a plan with more stops before the first write.
    /// <see langword="null"/> (the default) means no limit.
    /// </summary>
    public int? MaxChanges { get; set; }

    /// <summary>
    /// The most lifecycle configurations a sync may delete; a plan with more stops before the first write.
    /// <see langword="null"/> (the default) means no limit.
    /// </summary>
    public int? MaxDeletions { get; set; }

    /// <summary>The default for <see cref="VerifyTimeout"/>: 10 seconds.</summary>
    public static readonly TimeSpan DefaultVerifyTimeout = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Whether a sync reads each written configuration back and compares it by meaning with what it sent (default
    /// <see langword="true"/>). A server that did not keep it (such as one that drops size filters) fails the bucket,
    /// naming the fields it did not keep, and the bucket's previous configuration is written back.
    /// </summary>
    public bool VerifyWrites { get; set; } = true;

    /// <summary>
    /// How long a sync keeps reading a written configuration back while the previous one still shows (default 10 s).
    /// When it still shows then, the bucket is <see cref="BucketResult.AppliedNotVisible"/>: not a failure, not restored.
    /// </summary>
    public TimeSpan VerifyTimeout { get; set; } = DefaultVerifyTimeout;

    /// <summary>The default for <see cref="WaitTimeout"/>: 60 seconds.</summary>
    public static readonly TimeSpan DefaultWaitTimeout = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Whether a sync, after each write, keeps reading the bucket back until the written configuration has been seen
    /// several times in a row (seen consistently: S3 is eventually consistent after a write) or
    /// <see cref="WaitTimeout"/> passes, which makes the bucket <see cref="BucketResult.AppliedNotVisible"/>
    /// (default <see langword="false"/>: the first sighting within <see cref="VerifyTimeout"/> is enough). Implies
    /// the read-back of <see cref="VerifyWrites"/>.
    /// </summary>
    public bool WaitForConsistency { get; set; }

    /// <summary>How long <see cref="WaitForConsistency"/> keeps reading back (default 60 s); replaces <see cref="VerifyTimeout"/> then.</summary>
    public TimeSpan WaitTimeout { get; set; } = DefaultWaitTimeout;

    /// <summary>The fingerprint of the settings the run was started with, shown in the run's log scope; optional.</summary>
    public string? SettingsFingerprint { get; set; }

    /// <summary>The account ID, shown in the account's log scope; optional.</summary>
    public string? Account { get; set; }

    /// <summary>The region, shown in the account's log scope; optional.</summary>
    public string? Region { get; set; }
}

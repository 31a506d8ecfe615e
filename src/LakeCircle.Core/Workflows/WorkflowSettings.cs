namespace LakeCircle.Core.Workflows;

/// <summary>A validated, immutable copy of <see cref="WorkflowOptions"/>, taken when a workflow is created.</summary>
internal sealed record WorkflowSettings
{
    public IReadOnlyList<string> Buckets { get; init; } = [];

    public int ReadConcurrency { get; init; } = WorkflowOptions.DefaultReadConcurrency;

    public int WriteConcurrency { get; init; } = WorkflowOptions.DefaultWriteConcurrency;

    public int? MaxChanges { get; init; }

    public int? MaxDeletions { get; init; }

    public bool VerifyWrites { get; init; } = true;

    public TimeSpan VerifyTimeout { get; init; } = WorkflowOptions.DefaultVerifyTimeout;

    public bool WaitForConsistency { get; init; }

    public TimeSpan WaitTimeout { get; init; } = WorkflowOptions.DefaultWaitTimeout;

    public string? SettingsFingerprint { get; init; }

    public string? Account { get; init; }

    public string? Region { get; init; }

    public static WorkflowSettings From(WorkflowOptions? options)
    {
        if (options is null)
        {
            return new WorkflowSettings();
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(options.ReadConcurrency, 1, nameof(options.ReadConcurrency));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.WriteConcurrency, 1, nameof(options.WriteConcurrency));
        if (options.MaxChanges is { } maxChanges)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(maxChanges, nameof(options.MaxChanges));
        }

        if (options.MaxDeletions is { } maxDeletions)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(maxDeletions, nameof(options.MaxDeletions));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(options.VerifyTimeout, TimeSpan.Zero, nameof(options.VerifyTimeout));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.WaitTimeout, TimeSpan.Zero, nameof(options.WaitTimeout));
        return new WorkflowSettings
        {
            Buckets = options.Buckets.Where(b => !string.IsNullOrWhiteSpace(b)).Distinct(StringComparer.Ordinal).ToArray(),
            ReadConcurrency = options.ReadConcurrency,
            WriteConcurrency = options.WriteConcurrency,
            MaxChanges = options.MaxChanges,
            MaxDeletions = options.MaxDeletions,
            VerifyWrites = options.VerifyWrites,
            VerifyTimeout = options.VerifyTimeout,
            WaitForConsistency = options.WaitForConsistency,
            WaitTimeout = options.WaitTimeout,
            SettingsFingerprint = options.SettingsFingerprint,
            Account = options.Account,
            Region = options.Region,
        };
    }
}

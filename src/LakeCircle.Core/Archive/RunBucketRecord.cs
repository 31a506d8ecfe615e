using LakeCircle.Core.Gateways;
using LakeCircle.Core.Locking;
using LakeCircle.Core.Planning;
using LakeCircle.Core.Sync;

namespace LakeCircle.Core.Archive;

/// <summary>One bucket in a <see cref="RunRecord"/>: what was planned for it and what became of it.</summary>
internal sealed record RunBucketRecord
{
    /// <summary>The bucket name.</summary>
    public required string Bucket { get; init; }

    /// <summary>How the bucket stood against its definition.</summary>
    public required BucketStatus Status { get; init; }

    /// <summary>The planned write: put, delete or none.</summary>
    public required BucketAction PlannedAction { get; init; }

    /// <summary>Rules to add, remove and change.</summary>
    public int RulesAdded { get; init; }

    /// <summary>Rules to remove.</summary>
    public int RulesRemoved { get; init; }

    /// <summary>Rules to change.</summary>
    public int RulesChanged { get; init; }

    /// <summary>The fingerprint of the configuration found, or <see langword="null"/> when it had none.</summary>
    public string? ActualFingerprint { get; init; }

    /// <summary>The fingerprint of the configuration written, or <see langword="null"/> for a delete or no write.</summary>
    public string? DesiredFingerprint { get; init; }

    /// <summary>Where the replaced configuration was saved (a key under <c>history/</c>), when it was.</summary>
    public string? HistoryKey { get; init; }

    /// <summary>What became of the write, or <see langword="null"/> when none was planned or the run only planned.</summary>
    public RunBucketResult? Result { get; init; }

    /// <summary>Why the bucket failed (a message, never credentials), or <see langword="null"/>.</summary>
    public string? Error { get; init; }

    /// <summary>Something worth knowing about the write, such as a re-plan before it, or <see langword="null"/>.</summary>
    public string? Note { get; init; }

    /// <summary>The record of a bucket's plan, before any write.</summary>
    public static RunBucketRecord FromPlan(BucketPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return new RunBucketRecord
        {
            Bucket = plan.Bucket,
            Status = plan.Status,
            PlannedAction = plan.Action,
            RulesAdded = plan.Added.Count,
            RulesRemoved = plan.Removed.Count,
            RulesChanged = plan.Changed.Count,
            ActualFingerprint = plan.Actual?.Fingerprint,
            DesiredFingerprint = plan.Action == BucketAction.Put ? plan.ConfigurationToPut?.Fingerprint : null,
            Error = plan.Error,
        };
    }
}

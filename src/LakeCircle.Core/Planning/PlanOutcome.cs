using LakeCircle.Core.Diagnostics;
using LakeCircle.Core.Model;
using LakeCircle.Core.Sync;

namespace LakeCircle.Core.Planning;

/// <summary>
/// What <see cref="LakeCircleClient.PlanAsync"/> (or <see cref="LakeCircleClient.PlanRollbackAsync"/>) found: either
/// the problems that stopped it (invalid definitions, an unknown bucket in the selection, an account that could not be
/// listed, no stored version to roll back to) or the plan. Pass it to <see cref="LakeCircleClient.ApplyAsync"/> to apply it.
/// </summary>
public sealed record PlanOutcome
{
    /// <summary>
    /// The problems in the definitions or the bucket selection: when any is an error there is no plan; warnings
    /// (<see cref="Diagnostic.Severity"/>) come with the plan.
    /// </summary>
    public ValueList<Diagnostic> Diagnostics { get; init; } = ValueList<Diagnostic>.Empty;

    /// <summary>The plan, or <see langword="null"/> when the run stopped before reading the account's lifecycles.</summary>
    public AccountPlan? Plan { get; init; }

    /// <summary>An account-level failure (such as the bucket list that could not be read), or <see langword="null"/>.</summary>
    public string? Error { get; init; }

    /// <summary>For a rollback plan: the stored version it puts back; otherwise <see langword="null"/>.</summary>
    public HistoryEntry? RestoredVersion { get; init; }

    /// <summary>The account the plan is for (as given to the client, or the snapshot's), or <see langword="null"/> when unknown.</summary>
    public string? Account { get; init; }

    /// <summary>The region the plan is for (as given to the client, or the snapshot's), or <see langword="null"/> when unknown.</summary>
    public string? Region { get; init; }

    /// <summary>
    /// The fingerprint of every bucket definition the plan was computed from (SHA-256 over each defined bucket's name
    /// and configuration fingerprint, docs/fingerprint.md), or <see langword="null"/> when the definitions were not
    /// read (invalid, or a rollback plan).
    /// </summary>
    public string? DefinitionsFingerprint { get; init; }

    /// <summary>
    /// For a plan read from a file (<see cref="LakeCircleClient.ReadPlanAsync"/>): the file's identity and origin;
    /// otherwise <see langword="null"/>. <see cref="LakeCircleClient.ApplyAsync"/> applies such a plan exactly: a bucket
    /// whose configuration changed since the plan was made is refused, not re-planned.
    /// </summary>
    public SavedPlan? Saved { get; init; }

    /// <summary>The bucket selection the plan was made for (<see langword="null"/>: every defined bucket).</summary>
    internal ValueList<string>? Selection { get; init; }

    /// <summary>
    /// When the plan was made from a definition location that holds no definition: that location. Such a plan is never
    /// applied (<see cref="Definitions.EmptyDefinitions"/>).
    /// </summary>
    internal string? NoDefinitionsUnder { get; init; }

    /// <summary>When errors stopped the plan: how many defined buckets had none (for the stop message).</summary>
    internal int ValidDefinitions { get; init; }

    /// <summary>Whether applying this plan is a rollback (archive reasons and run record say so).</summary>
    internal bool IsRollback => RestoredVersion is not null;

    /// <summary>Whether the plan would change at least one bucket.</summary>
    public bool HasChanges => Plan?.HasChanges == true;

    /// <summary>
    /// Whether the plan is complete: valid definitions, the account read, and no bucket whose lifecycle could not
    /// be read. Pending changes and warnings do not make a plan fail.
    /// </summary>
    public bool Succeeded => !Diagnostics.HasErrors() && Error is null && Plan is not null && Plan.Summary.BucketsFailed == 0;
}

namespace LakeCircle.Core.Sync;

/// <summary>How a writing run (sync, apply, rollback) ended, as a whole.</summary>
public enum RunStatus
{
    /// <summary>Every planned write was applied (or applied and not yet visible), and the run's own steps went through.</summary>
    Succeeded,

    /// <summary>
    /// The run did not start: the credentials belong to another account, or another run holds the lock. Nothing was
    /// read from the account and nothing was written; see <see cref="RunOutcome.Refusal"/>.
    /// </summary>
    Refused,

    /// <summary>
    /// The run stopped before its first write: invalid definitions (<see cref="RunOutcome.Diagnostics"/>), an account
    /// that could not be listed, or a guard such as the change limit (<see cref="RunOutcome.Error"/>). Nothing was written.
    /// </summary>
    Stopped,

    /// <summary>
    /// The run wrote what it could, but at least one bucket failed or could not be read, or one of the run's own steps
    /// (lock, run record) failed; see <see cref="RunOutcome.Buckets"/> and <see cref="RunOutcome.Errors"/>.
    /// </summary>
    Failed,
}

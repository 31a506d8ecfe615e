namespace LakeCircle.Core.Sync;

/// <summary>The state of the endpoint's lock as <see cref="LakeCircleClient.UnlockAsync"/> left it.</summary>
public enum UnlockStatus
{
    /// <summary>There is no lock: a writing run may start.</summary>
    NoLock,

    /// <summary>A run holds the lock and nothing was removed (no force).</summary>
    Held,

    /// <summary>The lock file cannot be read and nothing was removed (no force).</summary>
    Unreadable,

    /// <summary>The lock was removed (force), whoever held it.</summary>
    Removed,
}

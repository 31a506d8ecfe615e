using LakeCircle.Core.Gateways;
using LakeCircle.Core.Locking;
using LakeCircle.Core.Sync;

namespace LakeCircle.Core.Archive;

/// <summary>Why a configuration was archived (the <c>reason</c> of an archive file).</summary>
internal static class ArchiveReasons
{
    /// <summary>Captured from the bucket just before a sync replaced or deleted it (<c>previous/</c>, <c>history/</c>).</summary>
    public const string BeforeSync = "before-sync";

    /// <summary>Captured from the bucket just before a rollback replaced or deleted it (<c>previous/</c>, <c>history/</c>).</summary>
    public const string BeforeRollback = "before-rollback";

    /// <summary>Written by a sync to the bucket (<c>current/</c>).</summary>
    public const string AfterSync = "after-sync";

    /// <summary>Written by a rollback to the bucket (<c>current/</c>).</summary>
    public const string AfterRollback = "after-rollback";
}

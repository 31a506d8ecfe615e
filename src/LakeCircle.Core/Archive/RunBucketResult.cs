using LakeCircle.Core.Gateways;
using LakeCircle.Core.Locking;
using LakeCircle.Core.Sync;

namespace LakeCircle.Core.Archive;

/// <summary>What became of a bucket's planned write in a run.</summary>
internal enum RunBucketResult
{
    /// <summary>The write was made.</summary>
    Applied,

    /// <summary>The write (or the save before it) failed; see the bucket's error.</summary>
    Failed,

    /// <summary>The write was not attempted (a guard stopped the run, or it was cancelled).</summary>
    Skipped,

    /// <summary>The write was made, but reads still showed the previous configuration when verification timed out (not restored).</summary>
    AppliedNotVisible,
}

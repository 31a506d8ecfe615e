namespace LakeCircle.Core.Diagnostics;

/// <summary>Where a run is, as <see cref="RunProgress.Stage"/> tells it.</summary>
public enum RunStage
{
    /// <summary>Reading the definitions.</summary>
    ReadingDefinitions,

    /// <summary>Listing the account's buckets.</summary>
    ListingBuckets,

    /// <summary>Reading the lifecycle configuration of each managed bucket.</summary>
    ReadingBuckets,

    /// <summary>The plan is made (a dry run ends here; a writing run checks its guards next).</summary>
    Planned,

    /// <summary>Writing the buckets to change (each one re-read, archived, written and verified).</summary>
    Writing,

    /// <summary>The run is over, whatever its outcome: the last report of a run.</summary>
    Finished,
}

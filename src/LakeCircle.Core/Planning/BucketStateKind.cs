namespace LakeCircle.Core.Planning;

/// <summary>What is known about a bucket's lifecycle before planning; see <see cref="BucketState"/>.</summary>
internal enum BucketStateKind
{
    /// <summary>The bucket is not in the account.</summary>
    Missing,

    /// <summary>The bucket exists and has no lifecycle configuration.</summary>
    NoLifecycle,

    /// <summary>The bucket exists and has a lifecycle configuration.</summary>
    Configured,

    /// <summary>The bucket's lifecycle configuration could not be read.</summary>
    Failed,

    /// <summary>The bucket exists in a region outside the run's regions; it is not read.</summary>
    OtherRegion,
}

namespace LakeCircle.Core.Planning;

/// <summary>The outcome of comparing one bucket's definition with its actual state.</summary>
public enum BucketStatus
{
    /// <summary>The bucket differs from its definition; its <see cref="BucketPlan.Action"/> says how to fix it.</summary>
    Change,

    /// <summary>The bucket already matches its definition.</summary>
    InSync,

    /// <summary>The bucket is defined but not in the account; it is reported, never created.</summary>
    Missing,

    /// <summary>The bucket is in the account without a definition; it is left alone.</summary>
    Unmanaged,

    /// <summary>The bucket's actual state could not be read; nothing is planned for it.</summary>
    Error,

    /// <summary>
    /// The bucket is defined and in the account, in a region outside the run's regions
    /// (<see cref="LakeCircleClientOptions.Regions"/>, named by <see cref="BucketPlan.Region"/>): it is not read and not
    /// written. Not an error: a run over its region plans it.
    /// </summary>
    OtherRegion,
}

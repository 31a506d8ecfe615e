namespace LakeCircle.Core.Impact;

/// <summary>A bucket's versioning state, which decides what expiring a current version does.</summary>
public enum BucketVersioning
{
    /// <summary>Versioning was never enabled: an expired object is permanently deleted.</summary>
    Unversioned = 0,

    /// <summary>Versioning is enabled: an expired current version gets a delete marker and becomes noncurrent.</summary>
    Enabled = 1,

    /// <summary>Versioning is suspended: an expired current version gets a delete marker (the null version is removed).</summary>
    Suspended = 2,
}

namespace LakeCircle.Core.Impact;

/// <summary>What a lifecycle action does to an object version.</summary>
public enum ScheduledActionKind
{
    /// <summary>The version moves to <see cref="ScheduledAction.StorageClass"/>.</summary>
    Transition = 0,

    /// <summary>The current version of a versioned bucket expires: S3 adds a delete marker and the version becomes noncurrent.</summary>
    CreateDeleteMarker = 1,

    /// <summary>The version is permanently deleted.</summary>
    Delete = 2,

    /// <summary>An expired object delete marker is removed.</summary>
    RemoveDeleteMarker = 3,
}

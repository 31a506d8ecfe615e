namespace LakeCircle.Core.Sync;

/// <summary>What <see cref="LakeCircleClient.UnlockAsync"/> found at the endpoint's lock, and what it did.</summary>
public sealed record UnlockOutcome
{
    /// <summary>What was found or done.</summary>
    public required UnlockStatus Status { get; init; }

    /// <summary>Where the lock lives (<c>s3://…/lock.json</c> or a path), for people.</summary>
    public required string Location { get; init; }

    /// <summary>Who holds (or held) the lock: owner, run, since and until when; <see langword="null"/> when unknown or none.</summary>
    public string? Holder { get; init; }

    /// <summary>Why the lock could not be read, when <see cref="Status"/> is <see cref="UnlockStatus.Unreadable"/>.</summary>
    public string? Problem { get; init; }
}

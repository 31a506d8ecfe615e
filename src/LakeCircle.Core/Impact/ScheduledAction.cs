namespace LakeCircle.Core.Impact;

/// <summary>One step of an object version's lifecycle schedule, and the rule that decides it.</summary>
public sealed record ScheduledAction
{
    /// <summary>What happens.</summary>
    public required ScheduledActionKind Kind { get; init; }

    /// <summary>When it happens: midnight UTC of the day S3 makes the version eligible.</summary>
    public required DateTimeOffset Date { get; init; }

    /// <summary>The target storage class of a <see cref="ScheduledActionKind.Transition"/>, otherwise <see langword="null"/>.</summary>
    public string? StorageClass { get; init; }

    /// <summary>The ID of the rule that decides the step (empty when the rule has none).</summary>
    public required string RuleId { get; init; }

    /// <summary>Whether the step is a noncurrent-version action (counted from when the version became noncurrent).</summary>
    public bool Noncurrent { get; init; }
}

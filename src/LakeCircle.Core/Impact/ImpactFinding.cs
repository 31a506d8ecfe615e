namespace LakeCircle.Core.Impact;

/// <summary>One thing a change does to a set of object versions, in words.</summary>
public sealed record ImpactFinding
{
    /// <summary>How the change affects these versions.</summary>
    public required ImpactKind Kind { get; init; }

    /// <summary>The versions affected, in words, for example <c>current versions under `logs/` larger than 1 MiB</c>.</summary>
    public required string Objects { get; init; }

    /// <summary>What happens to them now, for example <c>deleted after 30 days</c> or <c>never deleted</c>.</summary>
    public required string Before { get; init; }

    /// <summary>What happens to them under the desired configuration, for example <c>deleted after 7 days</c>.</summary>
    public required string After { get; init; }

    /// <summary>The whole sentence: <c>{Objects} are {After} instead of {Before}</c>.</summary>
    public string Text => $"{Objects}: {After} instead of {Before}";
}

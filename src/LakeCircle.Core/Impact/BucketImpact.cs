using LakeCircle.Core.Model;

namespace LakeCircle.Core.Impact;

/// <summary>What replacing a bucket's lifecycle configuration does to its data, made by <see cref="ImpactAnalyzer.Compare"/>.</summary>
public sealed record BucketImpact
{
    /// <summary>An impact that changes nothing.</summary>
    public static BucketImpact None { get; } = new();

    /// <summary>The worst kind among <see cref="Findings"/> (<see cref="ImpactKind.None"/> when there are none).</summary>
    public ImpactKind Kind { get; init; }

    /// <summary>What the change does, worst first.</summary>
    public ValueList<ImpactFinding> Findings { get; init; } = ValueList<ImpactFinding>.Empty;

    /// <summary>Whether some object version is deleted sooner, or where it was not before.</summary>
    public bool IsDestructive => Kind == ImpactKind.Destructive;
}

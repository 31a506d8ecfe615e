using LakeCircle.Core.Impact;
using LakeCircle.Core.Model;
using LakeCircle.Core.Planning;
using LakeCircle.Core.Rendering;

namespace LakeCircle.PowerShell;

/// <summary>
/// One bucket of a plan, as <c>Get-LakeCirclePlan</c> writes it: what differs between its definition and the bucket,
/// and the one action that removes the difference.
/// </summary>
public sealed class PlanBucket
{
    internal PlanBucket(BucketPlan plan)
    {
        Name = plan.Bucket;
        Status = plan.Status;
        Region = plan.Region;
        Action = plan.Action;
        Added = plan.Added;
        Removed = plan.Removed;
        Changed = plan.Changed;
        Unchanged = plan.Unchanged;
        ConfigurationChanges = plan.ConfigurationChanges;
        Actual = plan.Actual;
        Desired = plan.Desired;
        Error = plan.Error;
        Impact = plan.Impact;
        Protected = plan.Protected;
        Details = Render(plan);
    }

    /// <summary>The bucket name.</summary>
    public string Name { get; }

    /// <summary>
    /// <c>Change</c>, <c>InSync</c>, <c>Missing</c> (defined, not in the account), <c>Unmanaged</c> (no definition),
    /// <c>Error</c> (unreadable) or <c>OtherRegion</c> (in a region outside the run's regions, not read).
    /// </summary>
    public BucketStatus Status { get; }

    /// <summary>The bucket's region where the account's listing told it, or <see langword="null"/>.</summary>
    public string? Region { get; }

    /// <summary>What a sync does: <c>Put</c> (the whole desired configuration), <c>Delete</c> (no rule left) or <c>None</c>.</summary>
    public BucketAction Action { get; }

    /// <summary>Whether a sync changes the bucket.</summary>
    public bool HasChanges => Action != BucketAction.None;

    /// <summary>Rules only the definition has.</summary>
    public IReadOnlyList<LifecycleRule> Added { get; }

    /// <summary>Rules only the bucket has.</summary>
    public IReadOnlyList<LifecycleRule> Removed { get; }

    /// <summary>Rules both have under one ID with a different meaning, each with the fields that differ.</summary>
    public IReadOnlyList<RuleChange> Changed { get; }

    /// <summary>Rules both have with the same ID and meaning.</summary>
    public IReadOnlyList<LifecycleRule> Unchanged { get; }

    /// <summary>Configuration-level differences, such as <c>TransitionDefaultMinimumObjectSize</c>.</summary>
    public IReadOnlyList<FieldChange> ConfigurationChanges { get; }

    /// <summary>Every field that differs: the configuration's, then each changed rule's (named <c>rule-id: Field</c>).</summary>
    public IReadOnlyList<FieldChange> FieldChanges =>
        [.. ConfigurationChanges, .. Changed.SelectMany(c => c.Fields.Select(f => f with { Field = $"{c.Id}: {f.Field}" }))];

    /// <summary>The bucket's configuration now, or <see langword="null"/> (none, missing or unreadable).</summary>
    public LifecycleConfiguration? Actual { get; }

    /// <summary>The configuration the definition declares, or <see langword="null"/> for an unmanaged bucket.</summary>
    public LifecycleConfiguration? Desired { get; }

    /// <summary>Why the bucket could not be read, when <see cref="Status"/> is <c>Error</c>.</summary>
    public string? Error { get; }

    /// <summary>What the change does to the bucket's data: its <c>Kind</c> and the <c>Findings</c> in words, worst first.</summary>
    public BucketImpact Impact { get; }

    /// <summary><c>None</c>, <c>RetainsLonger</c>, <c>ArchivesSooner</c> or <c>Destructive</c> (some object version deleted sooner).</summary>
    public ImpactKind ImpactKind => Impact.Kind;

    /// <summary>Whether a sync deletes some object version of the bucket sooner than now.</summary>
    public bool IsDestructive => Impact.IsDestructive;

    /// <summary>Whether the bucket's definition marks it protected: a sync refuses a destructive change to it unless allowed by name.</summary>
    public bool Protected { get; }

    /// <summary>The bucket as <c>lakecircle dryrun</c> prints it: a header and one line per rule and field.</summary>
    public string Details { get; }

    /// <inheritdoc />
    public override string ToString() => Details;

    /// <summary>The bucket's text as the command line renders it, without colours and without the last line break.</summary>
    /// <param name="plan">The bucket's plan.</param>
    /// <returns>The text.</returns>
    internal static string Render(BucketPlan plan)
    {
        using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture) { NewLine = "\n" };
        TextBucketRenderer.Render(plan, writer, new TextStyle(color: false));
        return writer.ToString().TrimEnd('\n');
    }
}

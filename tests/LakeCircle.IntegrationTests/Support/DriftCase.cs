using LakeCircle.Core.Model;

namespace LakeCircle.IntegrationTests.Support;

/// <summary>
/// A managed bucket of the end-to-end account: the configuration it holds before the sync (drift made with the raw
/// API, or none) and the one its definition declares.
/// </summary>
internal sealed record DriftCase(string Bucket, string Kind, LifecycleConfiguration? Before, LifecycleConfiguration Desired)
{
    /// <summary>The plan's status for the bucket (<c>in-sync</c> or <c>change</c>).</summary>
    public string ExpectedStatus => Kind == "in-sync" ? "in-sync" : "change";

    /// <summary>The plan's action for the bucket (<c>none</c>, <c>put</c> or <c>delete</c>).</summary>
    public string ExpectedAction => Kind == "in-sync" ? "none" : Desired.Rules.Count == 0 ? "delete" : "put";

    /// <summary>What the bucket holds after the sync: the desired configuration, or none after a delete.</summary>
    public LifecycleConfiguration? After => Desired.Rules.Count == 0 ? null : Desired;

    /// <summary>
    /// Twenty cases over <paramref name="buckets"/>: 4 in sync, 6 with a rule's status flipped, 4 without lifecycle,
    /// 2 whose definition declares no rule (a delete), 2 with an extra rule, 2 with entirely other rules.
    /// </summary>
    public static IReadOnlyList<DriftCase> For(IReadOnlyList<string> buckets) =>
        [.. buckets.Select((bucket, i) => Case(bucket, i, RuleShapes.Mix(i)))];

    private static DriftCase Case(string bucket, int index, LifecycleConfiguration mix) => index switch
    {
        < 4 => new(bucket, "in-sync", mix, mix),
        < 10 => new(bucket, "edited", mix with { Rules = mix.Rules.Select((r, i) => i == 0 ? Flip(r) : r).ToValueList() }, mix),
        < 14 => new(bucket, "absent", null, mix),
        < 16 => new(bucket, "emptied", mix, LifecycleConfiguration.Empty),
        < 18 => new(bucket, "extra", mix with { Rules = mix.Rules.Append(Stray(legacy: mix.Rules.Any(r => r.Prefix is not null))).ToValueList() }, mix),
        _ => new(bucket, "replaced", LifecycleConfiguration.Of(Stray(legacy: false)), mix),
    };

    private static LifecycleRule Flip(LifecycleRule rule) =>
        rule with { Status = rule.Status == RuleStatus.Enabled ? RuleStatus.Disabled : RuleStatus.Enabled };

    // A legacy rule-level Prefix cannot share a configuration with rules that have a Filter.
    private static LifecycleRule Stray(bool legacy) => legacy
        ? new LifecycleRule { Id = "stray", Prefix = "stray/", Expiration = new LifecycleExpiration { Days = 99 } }
        : new LifecycleRule { Id = "stray", Filter = new LifecycleFilter { Prefix = "stray/" }, Expiration = new LifecycleExpiration { Days = 99 } };
}

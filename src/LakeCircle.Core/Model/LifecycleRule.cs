using LakeCircle.Core.Fingerprinting;

namespace LakeCircle.Core.Model;

/// <summary>
/// One lifecycle rule, with every field of the S3 schema. Immutable; equality compares every field exactly
/// (use <see cref="Fingerprint"/> to compare by meaning).
/// </summary>
public sealed record LifecycleRule
{
    // The canonical form, computed once per instance; no part of the rule's value (see CanonicalSlot).
    private CanonicalSlot<RuleCanonical> _canonical;

    /// <summary>Creates a rule with the defaults (an enabled rule without ID, filter or action).</summary>
    public LifecycleRule()
    {
    }

    // A `with` copy takes every field but the cached canonical form, which the changed fields may no longer match.
    private LifecycleRule(LifecycleRule original)
    {
        Id = original.Id;
        Status = original.Status;
        Filter = original.Filter;
        Prefix = original.Prefix;
        Expiration = original.Expiration;
        Transitions = original.Transitions;
        NoncurrentVersionExpiration = original.NoncurrentVersionExpiration;
        NoncurrentVersionTransitions = original.NoncurrentVersionTransitions;
        AbortIncompleteMultipartUpload = original.AbortIncompleteMultipartUpload;
    }

    /// <summary>
    /// The rule's unique ID (at most 255 characters). A rule read from a definition without an ID is given a
    /// deterministic one by <see cref="WithDerivedIdIfMissing"/>, because S3 would invent a random one.
    /// </summary>
    public string? Id { get; init; }

    /// <summary><c>Enabled</c> or <c>Disabled</c>; see <see cref="RuleStatus"/>.</summary>
    public string Status { get; init; } = RuleStatus.Enabled;

    /// <summary>The rule's filter, or <see langword="null"/> when the rule has none.</summary>
    public LifecycleFilter? Filter { get; init; }

    /// <summary>The legacy rule-level prefix (deprecated by S3 in favour of <see cref="Filter"/>), or <see langword="null"/>.</summary>
    public string? Prefix { get; init; }

    /// <summary>The expiration of current versions, or <see langword="null"/>.</summary>
    public LifecycleExpiration? Expiration { get; init; }

    /// <summary>The transitions of current versions.</summary>
    public ValueList<LifecycleTransition> Transitions { get; init; } = ValueList<LifecycleTransition>.Empty;

    /// <summary>The expiration of noncurrent versions, or <see langword="null"/>.</summary>
    public NoncurrentVersionExpiration? NoncurrentVersionExpiration { get; init; }

    /// <summary>The transitions of noncurrent versions.</summary>
    public ValueList<NoncurrentVersionTransition> NoncurrentVersionTransitions { get; init; } = ValueList<NoncurrentVersionTransition>.Empty;

    /// <summary>The clean-up of incomplete multipart uploads, or <see langword="null"/>.</summary>
    public AbortIncompleteMultipartUpload? AbortIncompleteMultipartUpload { get; init; }

    /// <summary>
    /// The SHA-256 fingerprint (64 lowercase hex digits) of the rule's canonical form, ID included: two rules with
    /// the same meaning have the same fingerprint. See <c>docs/fingerprint.md</c>.
    /// </summary>
    public string Fingerprint => CanonicalForm.RuleFingerprint(this);

    /// <summary>The SHA-256 fingerprint of the rule's canonical form without its ID: what the rule does.</summary>
    public string ContentFingerprint => CanonicalForm.RuleContentFingerprint(this);

    /// <summary>
    /// The ID LakeCircle gives a rule declared without one: <c>lc-</c> and the first 16 hex digits of
    /// <see cref="ContentFingerprint"/>. Stable across runs and machines, so the rule converges.
    /// </summary>
    public string DerivedId => CanonicalForm.DerivedId(this);

    /// <summary>Returns this rule, with <see cref="DerivedId"/> as its ID when it has none.</summary>
    /// <returns>A rule with an ID.</returns>
    public LifecycleRule WithDerivedIdIfMissing() => string.IsNullOrEmpty(Id) ? this with { Id = DerivedId } : this;

    /// <summary>This instance's cached canonical form (see <see cref="CanonicalForm"/>).</summary>
    internal RuleCanonical Canonical => _canonical.Get();
}

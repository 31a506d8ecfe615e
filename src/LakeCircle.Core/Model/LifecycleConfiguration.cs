using LakeCircle.Core.Fingerprinting;

namespace LakeCircle.Core.Model;

/// <summary>
/// A bucket's whole lifecycle configuration: its rules and the configuration-level
/// <see cref="TransitionDefaultMinimumObjectSize"/>. Immutable; equality compares exactly
/// (use <see cref="Fingerprint"/> to compare by meaning).
/// </summary>
public sealed record LifecycleConfiguration
{
    // The fingerprint, computed once per instance; no part of the configuration's value (see CanonicalSlot).
    private CanonicalSlot<ConfigurationCanonical> _canonical;

    /// <summary>Creates a configuration without rules.</summary>
    public LifecycleConfiguration()
    {
    }

    // A `with` copy takes every field but the cached fingerprint, which the changed fields may no longer match.
    private LifecycleConfiguration(LifecycleConfiguration original)
    {
        Rules = original.Rules;
        TransitionDefaultMinimumObjectSize = original.TransitionDefaultMinimumObjectSize;
    }

    /// <summary>A configuration without rules (what a bucket without lifecycle has).</summary>
    public static LifecycleConfiguration Empty { get; } = new();

    /// <summary>The rules (S3 accepts at most 1000).</summary>
    public ValueList<LifecycleRule> Rules { get; init; } = ValueList<LifecycleRule>.Empty;

    /// <summary>
    /// <c>all_storage_classes_128K</c> or <c>varies_by_storage_class</c> (see <see cref="TransitionDefaultMinimumObjectSizes"/>),
    /// or <see langword="null"/> when not stated: a definition that leaves it unset keeps the bucket's current value.
    /// </summary>
    public string? TransitionDefaultMinimumObjectSize { get; init; }

    /// <summary>
    /// The SHA-256 fingerprint of the configuration's canonical form (rule order does not count).
    /// See <c>docs/fingerprint.md</c>.
    /// </summary>
    public string Fingerprint => CanonicalForm.ConfigurationFingerprint(this);

    /// <summary>Creates a configuration from rules.</summary>
    /// <param name="rules">The rules.</param>
    /// <returns>The configuration.</returns>
    public static LifecycleConfiguration Of(params LifecycleRule[] rules) => new() { Rules = ValueList.Of(rules) };

    /// <summary>This instance's cached canonical form (see <see cref="CanonicalForm"/>).</summary>
    internal ConfigurationCanonical Canonical => _canonical.Get();
}

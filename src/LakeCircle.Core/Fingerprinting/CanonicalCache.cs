namespace LakeCircle.Core.Fingerprinting;

/// <summary>
/// The fingerprints of one rule instance, computed at most once (rules are immutable): the fingerprint of its canonical
/// form with the ID, and the content fingerprint and derived ID. Filled lazily; threads that race compute the same
/// values, so whichever write wins is right.
/// </summary>
internal sealed class RuleCanonical
{
    public string? Fingerprint;
    public string? ContentFingerprint;
    public string? DerivedId;
}

/// <summary>The canonical form of one configuration instance: its fingerprint, computed at most once.</summary>
internal sealed class ConfigurationCanonical
{
    public string? Fingerprint;
}

/// <summary>
/// Where a model record keeps its cached canonical form. It takes no part in the record's value: any two slots are
/// equal and hash alike, so record equality and hash codes stay those of the fields. A record that holds one declares
/// its own copy constructor that leaves the slot empty, so that a <c>with</c> copy never carries the original's values.
/// </summary>
/// <typeparam name="T">The cached form.</typeparam>
internal struct CanonicalSlot<T> : IEquatable<CanonicalSlot<T>>
    where T : class, new()
{
    private T? _value;

    /// <summary>The cached form, created empty on first use (once, even when threads race).</summary>
    public T Get() => Volatile.Read(ref _value) ?? Interlocked.CompareExchange(ref _value, new T(), null) ?? _value!;

    public static bool operator ==(CanonicalSlot<T> left, CanonicalSlot<T> right) => left.Equals(right);

    public static bool operator !=(CanonicalSlot<T> left, CanonicalSlot<T> right) => !left.Equals(right);

    public readonly bool Equals(CanonicalSlot<T> other) => true;

    public override readonly bool Equals(object? obj) => obj is CanonicalSlot<T>;

    public override readonly int GetHashCode() => 0;
}

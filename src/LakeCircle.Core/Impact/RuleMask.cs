namespace LakeCircle.Core.Impact;

/// <summary>A set of rule indices as bits, compared by value (a dictionary key for "which rules select these objects").</summary>
internal sealed class RuleMask : IEquatable<RuleMask>
{
    private readonly ulong[] _bits;

    private RuleMask(ulong[] bits) => _bits = bits;

    public static RuleMask All(int count)
    {
        var mask = new RuleMask(new ulong[(count + 63) / 64]);
        for (var i = 0; i < count; i++)
        {
            mask._bits[i / 64] |= 1UL << (i % 64);
        }

        return mask;
    }

    public static RuleMask Where(int count, Func<int, bool> predicate)
    {
        var mask = new RuleMask(new ulong[(count + 63) / 64]);
        for (var i = 0; i < count; i++)
        {
            if (predicate(i))
            {
                mask._bits[i / 64] |= 1UL << (i % 64);
            }
        }

        return mask;
    }

    public RuleMask Copy() => new((ulong[])_bits.Clone());

    public void Clear(int index) => _bits[index / 64] &= ~(1UL << (index % 64));

    public bool Contains(int index) => (_bits[index / 64] & (1UL << (index % 64))) != 0;

    public static RuleMask And(RuleMask a, RuleMask b, RuleMask c)
    {
        var bits = new ulong[a._bits.Length];
        for (var i = 0; i < bits.Length; i++)
        {
            bits[i] = a._bits[i] & b._bits[i] & c._bits[i];
        }

        return new RuleMask(bits);
    }

    public bool Equals(RuleMask? other) => other is not null && _bits.AsSpan().SequenceEqual(other._bits);

    public override bool Equals(object? obj) => Equals(obj as RuleMask);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var word in _bits)
        {
            hash.Add(word);
        }

        return hash.ToHashCode();
    }
}

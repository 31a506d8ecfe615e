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

    /// <summary>
    /// The whole sentence, for example <c>objects under `logs/` are deleted after 7 days instead of after 30 days</c>
    /// (a verb both sides share is said once).
    /// </summary>
    public string Text => $"{Objects} are {After} instead of {Shortened(Before, After)}";

    /// <summary>What <paramref name="before"/> says beyond the words it shares with <paramref name="after"/>.</summary>
    private static string Shortened(string before, string after)
    {
        const string Never = "never ";
        if (before.StartsWith(Never, StringComparison.Ordinal) && after.StartsWith(before[Never.Length..], StringComparison.Ordinal))
        {
            return "never";
        }

        var b = before.Split(' ');
        var a = after.Split(' ');
        var common = 0;
        while (common < b.Length - 1 && common < a.Length && string.Equals(a[common], b[common], StringComparison.Ordinal))
        {
            common++;
        }

        return string.Join(' ', b[common..]);
    }
}

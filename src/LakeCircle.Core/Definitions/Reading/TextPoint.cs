namespace LakeCircle.Core.Definitions.Reading;

/// <summary>A 1-based line and column in a definition file.</summary>
internal readonly record struct TextPoint(int Line, int Column)
{
    /// <summary>The start of a file.</summary>
    public static TextPoint Start { get; } = new(1, 1);

    public override string ToString() => $"{Line}:{Column}";
}

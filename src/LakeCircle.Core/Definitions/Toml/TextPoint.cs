namespace LakeCircle.Core.Definitions.Toml;

/// <summary>A 1-based line and column in a definition file.</summary>
internal readonly record struct TextPoint(int Line, int Column)
{
    /// <summary>The start of a file.</summary>
    public static TextPoint Start { get; } = new(1, 1);

    /// <summary>Converts Tomlyn's 0-based position.</summary>
    public static TextPoint From(Tomlyn.Syntax.TextPosition position) => new(position.Line + 1, position.Column + 1);

    public override string ToString() => $"{Line}:{Column}";
}

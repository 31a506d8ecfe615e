using Spectre.Console;

namespace LakeCircle.Cli.Progress;

/// <summary>
/// Standard error as a terminal a progress line can be drawn on: whether it takes ANSI sequences (detected for the real
/// console) and its width (the console's own when <see langword="null"/>). Tests give one over a plain writer.
/// </summary>
internal sealed record ErrorTerminal
{
    /// <summary>The real console's standard error (only used when it is not redirected).</summary>
    public static ErrorTerminal Console { get; } = new();

    /// <summary>Whether ANSI sequences are understood: detected for the real console.</summary>
    public AnsiSupport Ansi { get; init; } = AnsiSupport.Detect;

    /// <summary>The width in columns, or <see langword="null"/> for the console's own.</summary>
    public int? Width { get; init; }

    /// <summary>A Spectre.Console console over <paramref name="writer"/> with this terminal's capabilities.</summary>
    public IAnsiConsole Open(TextWriter writer, bool color)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = Ansi,
            ColorSystem = color ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        if (Width is { } width)
        {
            console.Profile.Width = width;
        }

        return console;
    }
}

namespace LakeCircle.Cli;

/// <summary><c>--color auto|always|never</c>: whether plans and logs are coloured.</summary>
internal sealed class ColorChoice
{
    /// <summary>The values <c>--color</c> accepts.</summary>
    public static readonly string[] Values = ["auto", "always", "never"];

    /// <summary><c>auto</c> (the default: colour on a terminal without <c>NO_COLOR</c>), <c>always</c> or <c>never</c>.</summary>
    public string Mode { get; set; } = "auto";

    /// <summary>
    /// The log format to use: with <c>always</c>, <c>TREE</c> and <c>TEXT</c> become their colour forms; with
    /// <c>never</c> the colour forms become plain; <c>JSON</c> never has colour.
    /// </summary>
    public Configuration.LogFormat LogFormat(Configuration.LogFormat format) => (Mode, format) switch
    {
        ("always", Configuration.LogFormat.Tree) => Configuration.LogFormat.ColorTree,
        ("always", Configuration.LogFormat.Text) => Configuration.LogFormat.ColorText,
        ("never", Configuration.LogFormat.ColorTree) => Configuration.LogFormat.Tree,
        ("never", Configuration.LogFormat.ColorText) => Configuration.LogFormat.Text,
        _ => format,
    };

    /// <summary>Whether to colour, given whether the stream is a colour terminal.</summary>
    public bool Decide(bool terminal) => Mode switch
    {
        "always" => true,
        "never" => false,
        _ => terminal,
    };
}

using System.CommandLine;

namespace LakeCircle.Cli.Commands;

/// <summary>Options shared by several commands, created per command.</summary>
internal static class CommonOptions
{
    public const string Text = "text";
    public const string Json = "json";

    /// <summary><c>--output text|json</c>: text for people (default), JSON for machines.</summary>
    public static Option<string> Output()
    {
        var option = new Option<string>("--output", "-o")
        {
            Description = "Output format: text (default) or json.",
            DefaultValueFactory = _ => Text,
        };
        option.AcceptOnlyFromAmong(Text, Json);
        return option;
    }

    /// <summary>
    /// <c>--quiet</c>, <c>-q</c>: nothing on standard error when all goes well; errors still are, and warnings stay in
    /// the report on standard output. For the endpoint commands it is the log level ERROR (as <c>LCC_APP_LEVEL=ERROR</c>).
    /// </summary>
    public static Option<bool> Quiet() => new("--quiet", "-q")
    {
        Description = "Write nothing to standard error when all goes well, only errors; warnings stay in the report on "
            + "standard output (the log level ERROR, as LCC_APP_LEVEL=ERROR; not with --log-level).",
    };
}

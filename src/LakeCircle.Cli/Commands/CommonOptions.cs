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
}

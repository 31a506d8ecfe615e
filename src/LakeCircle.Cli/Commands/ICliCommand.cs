using System.CommandLine;

namespace LakeCircle.Cli.Commands;

/// <summary>One <c>lakecircle</c> subcommand: builds its <see cref="Command"/> with options and action.</summary>
internal interface ICliCommand
{
    /// <summary>Command lines shown at the end of the command's help, one or two.</summary>
    IReadOnlyList<string> Examples { get; }

    /// <summary>Creates the command.</summary>
    Command Create();
}

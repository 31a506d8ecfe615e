using System.CommandLine;

namespace LakeCircle.Cli.Commands;

/// <summary>One <c>lakecircle</c> subcommand: builds its <see cref="Command"/> with options and action.</summary>
internal interface ICliCommand
{
    /// <summary>Creates the command.</summary>
    Command Create();
}

using System.CommandLine;

namespace LakeCircle.Cli.Commands;

/// <summary>
/// The flags of the commands that read the account alone (<c>export</c>, <c>snapshot</c>): the account flags, the log
/// flags, <c>--output</c> and a repeatable <c>--bucket</c>, no <c>--endpoint</c>; and their own <c>--out</c> and <c>--force</c>.
/// </summary>
internal static class AccountCommand
{
    /// <summary>The groups of flags both commands add to the account and log flags.</summary>
    public const RunOptionGroups Groups = RunOptionGroups.Output | RunOptionGroups.Buckets;

    /// <summary>Creates the run options (no <c>--endpoint</c>) with the description of <c>--bucket</c> these commands have.</summary>
    public static RunOptions Options()
    {
        var options = new RunOptions(Groups, withEndpoint: false);
        options.Buckets!.Description = "Only this bucket (it must be in the account); repeat the flag for several. [default: every bucket of the account]";
        return options;
    }

    /// <summary><c>--out PATH</c>, required.</summary>
    public static Option<string> Out(string helpName, string description) => new("--out")
    {
        HelpName = helpName,
        Description = description,
        Required = true,
    };

    /// <summary><c>--force</c>: existing files are replaced.</summary>
    public static Option<bool> Force(string description) => new("--force") { Description = description };
}

using System.CommandLine;
using LakeCircle.Cli.Commands;

namespace LakeCircle.Cli.Recovery;

/// <summary>
/// The flags of <c>history</c>, <c>rollback</c> and <c>unlock</c>: those of sync (so the same variables and flags find
/// the endpoint and the account), with the ones that only steer a whole sync hidden.
/// </summary>
internal static class EndpointOptions
{
    public static RunOptions AddTo(Command command)
    {
        var options = new RunOptions();
        options.AddTo(command);
        foreach (var option in new Option[]
                 {
                     options.Params, options.Concurrency, options.WriteConcurrency, options.MaxChanges, options.MaxDeletions, options.DetailedExitCode,
                     options.Wait, options.WaitTimeout,
                 })
        {
            option.Hidden = true;
        }

        return options;
    }

    /// <summary>Requires exactly one <c>--bucket</c>.</summary>
    public static void RequireOneBucket(Command command, RunOptions options)
    {
        options.Buckets.Description = "The bucket (required, once).";
        command.Validators.Add(result =>
        {
            if (result.GetValue(options.Buckets) is not { Length: 1 })
            {
                result.AddError($"{command.Name} needs exactly one --bucket NAME.");
            }
        });
    }
}

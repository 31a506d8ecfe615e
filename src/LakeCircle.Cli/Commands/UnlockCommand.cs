using System.CommandLine;
using LakeCircle.Cli.Recovery;
using LakeCircle.Core.Configuration;
using LakeCircle.Core.Recovery;

namespace LakeCircle.Cli.Commands;

/// <summary><c>lakecircle unlock [--force]</c>: shows who holds the endpoint's sync lock, and with <c>--force</c> removes it.</summary>
internal sealed class UnlockCommand(CliContext context) : ICliCommand
{
    /// <summary>The flags of unlock besides the endpoint, account and log flags (and its own <c>--force</c>): none.</summary>
    public const RunOptionGroups Groups = RunOptionGroups.None;

    public IReadOnlyList<string> Examples { get; } =
    [
        "lakecircle unlock --endpoint s3://acme-config/lakecircle/ --account 123456789012 --region eu-west-1",
        "lakecircle unlock --endpoint s3://acme-config/lakecircle/ --account 123456789012 --region eu-west-1 --force",
    ];

    public Command Create()
    {
        var force = new Option<bool>("--force") { Description = "Remove the lock, whoever holds it. Only when no sync runs (after a crash)." };
        var command = new Command(
            "unlock",
            "Show who holds the endpoint's sync lock (lock.json); with --force, remove it. Exit code 0 when there is no lock "
            + "(any more), 1 when a lock is held and --force was not given, or on an error.")
        {
            force,
        };
        var options = new RunOptions(Groups);
        options.AddTo(command);
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            RunArguments.From(parseResult, options, WorkAction.Sync),
            parseResult.GetValue(force),
            parseResult.InvocationConfiguration.Output,
            parseResult.InvocationConfiguration.Error,
            cancellationToken));
        return command;
    }

    private async Task<int> RunAsync(RunArguments arguments, bool force, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        using var session = await EndpointSession.OpenAsync(context, arguments, "lakecircle unlock", error, cancellationToken).ConfigureAwait(false);
        if (session is null)
        {
            return ExitCodes.Error;
        }

        var runLock = new RunLock(session.Endpoint, logger: session.Loggers.CreateLogger("LakeCircle.Lock"));
        var where = session.Endpoint.Describe(RunLock.Key);
        try
        {
            if (!force)
            {
                RunLockHolder? holder;
                try
                {
                    holder = await runLock.ReadAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (InvalidDataException e)
                {
                    await output.WriteLineAsync($"The lock {where} cannot be read ({e.Message}); remove it with 'lakecircle unlock --force'.").ConfigureAwait(false);
                    return ExitCodes.Error;
                }

                if (holder is null)
                {
                    await output.WriteLineAsync($"No lock at {where}.").ConfigureAwait(false);
                    return ExitCodes.Ok;
                }

                await output.WriteLineAsync($"The lock {where} is held by {holder}. If no sync runs, remove it with 'lakecircle unlock --force'.").ConfigureAwait(false);
                return ExitCodes.Error;
            }

            var removed = await runLock.ForceUnlockAsync(cancellationToken).ConfigureAwait(false);
            await output.WriteLineAsync(removed is null ? $"No readable lock at {where}; any file there is removed." : $"Removed the lock {where} held by {removed}.")
                .ConfigureAwait(false);
            return ExitCodes.Ok;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or Core.Gateways.S3GatewayException)
        {
            await error.WriteLineAsync("error: " + e.Message).ConfigureAwait(false);
            return ExitCodes.Error;
        }
    }
}

using System.CommandLine;
using LakeCircle.Cli.Configuration;
using LakeCircle.Cli.Running;
using LakeCircle.Core.Rendering;
using LakeCircle.Core.Sync;

namespace LakeCircle.Cli.Commands;

/// <summary><c>lakecircle unlock [--force]</c>: shows who holds the endpoint's sync lock, and with <c>--force</c> removes it.</summary>
internal sealed class UnlockCommand(CliContext context) : ICliCommand
{
    /// <summary>The flags of unlock besides the endpoint, account and log flags (and its own <c>--force</c>).</summary>
    public const RunOptionGroups Groups = RunOptionGroups.Output;

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
        var session = await EndpointSession.OpenAsync(context, arguments, "lakecircle unlock", output, error, cancellationToken).ConfigureAwait(false);
        if (session is null)
        {
            return ExitCodes.Error;
        }

        await using var closing = session.ConfigureAwait(false);

        try
        {
            var unlock = await session.Client.UnlockAsync(force, cancellationToken).ConfigureAwait(false);
            var where = unlock.Location;
            var (message, exitCode) = unlock.Status switch
            {
                UnlockStatus.NoLock => ($"No lock at {where}.", ExitCodes.Ok),
                UnlockStatus.Held => ($"The lock {where} is held by {unlock.Holder}. If no sync runs, remove it with 'lakecircle unlock --force'.", ExitCodes.Error),
                UnlockStatus.Unreadable => ($"The lock {where} cannot be read ({unlock.Problem}); remove it with 'lakecircle unlock --force'.", ExitCodes.Error),
                _ => (unlock.Holder is null ? $"No readable lock at {where}; any file there is removed." : $"Removed the lock {where} held by {unlock.Holder}.", ExitCodes.Ok),
            };
            if (session.Settings.Output == OutputFormat.Json)
            {
                var document = new UnlockDocument(new LockState(Status(unlock.Status), where, unlock.Holder, unlock.Problem), message);
                var failure = exitCode == ExitCodes.Ok ? null : JsonEnvelope.Error("locked", message);
                await session.WriteJsonAsync(exitCode == ExitCodes.Ok, failure, document).ConfigureAwait(false);
                return exitCode;
            }

            await output.WriteLineAsync(SafeText.Escape(message)).ConfigureAwait(false);
            return exitCode;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or Core.Gateways.S3GatewayException)
        {
            await Output.ErrorLine.WriteAsync(error, e.Message).ConfigureAwait(false);
            await session.WriteJsonErrorAsync("failed", e.Message).ConfigureAwait(false);
            return ExitCodes.Error;
        }
    }

    private static string Status(UnlockStatus status) => status switch
    {
        UnlockStatus.NoLock => "none",
        UnlockStatus.Held => "held",
        UnlockStatus.Unreadable => "unreadable",
        _ => "removed",
    };

    /// <summary>The members of the JSON document after its head: the lock as found (or removed), and the sentence the text output prints.</summary>
    private sealed record UnlockDocument(LockState Lock, string Message);

    private sealed record LockState(string Status, string Location, string? Holder, string? Problem);
}

using System.CommandLine;
using LakeCircle.Cli.Configuration;
using LakeCircle.Cli.Running;
using LakeCircle.Core.Export;
using LakeCircle.Core.Rendering;

namespace LakeCircle.Cli.Commands;

/// <summary>
/// <c>lakecircle snapshot --out account.json</c>: captures the account's lifecycle configurations in the snapshot
/// format that <c>--snapshot</c> reads, for offline review, tests and comparing an account over time.
/// </summary>
internal sealed class SnapshotCommand(CliContext context) : ICliCommand
{
    public IReadOnlyList<string> Examples { get; } =
    [
        "lakecircle snapshot --out account.json --account 123456789012 --region eu-west-1",
        "lakecircle snapshot --out account.json --account 123456789012 --region eu-west-1 --bucket acme-logs --force -o json",
    ];

    public Command Create()
    {
        var file = AccountCommand.Out("FILE", "The snapshot file to write (its folder is created when missing). [required]");
        var force = AccountCommand.Force("Replace an existing file. Without it, an existing file stops the snapshot, nothing written.");
        var command = new Command(
            "snapshot",
            "Capture the account's lifecycle configurations (every bucket, or those of --bucket) in a snapshot file, the format "
            + "--snapshot reads back exactly: for offline review, tests, and comparing an account over time (the same account gives "
            + "the same bytes). Reads the account only; no endpoint. Exit code 0, or 1 on an error.")
        {
            file, force,
        };
        var options = AccountCommand.Options();
        options.AddTo(command);
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            RunArguments.From(parseResult, options, WorkAction.DryRun),
            parseResult.GetValue(file)!,
            parseResult.GetValue(options.Buckets!) is { Length: > 0 } buckets ? [.. buckets.Select(b => b.Trim())] : null,
            parseResult.GetValue(force),
            parseResult.InvocationConfiguration.Output,
            parseResult.InvocationConfiguration.Error,
            cancellationToken));
        return command;
    }

    private async Task<int> RunAsync(
        RunArguments arguments, string path, IReadOnlyList<string>? buckets, bool force, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var session = await EndpointSession.OpenAsync(context, arguments, "lakecircle snapshot", output, error, cancellationToken).ConfigureAwait(false);
        if (session is null)
        {
            return ExitCodes.Error;
        }

        await using var closing = session.ConfigureAwait(false);
        SnapshotOutcome outcome;
        try
        {
            outcome = await session.Client.SnapshotAsync(path, buckets, force, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            var message = e is UnauthorizedAccessException ? $"Cannot write '{path}': permission denied." : e.Message;
            await Output.ErrorLine.WriteAsync(error, message).ConfigureAwait(false);
            await session.WriteJsonErrorAsync("failed", message).ConfigureAwait(false);
            return ExitCodes.Error;
        }

        foreach (var problem in outcome.Errors)
        {
            await Output.ErrorLine.WriteAsync(error, problem).ConfigureAwait(false);
        }

        var summary = outcome.Succeeded
            ? $"Wrote the snapshot of {outcome.Buckets.Count} {(outcome.Buckets.Count == 1 ? "bucket" : "buckets")} ({outcome.WithLifecycle} with lifecycle) to {outcome.Path}{(outcome.Replaced ? ", replacing the file" : "")}."
            : $"Nothing was written to {outcome.Path}.";
        if (session.Settings.Output == OutputFormat.Json)
        {
            var failure = outcome.Succeeded ? null
                : JsonEnvelope.Error(outcome.Errors.Any(e => e.Contains("already exists", StringComparison.Ordinal)) ? "exists" : "failed", summary, outcome.Errors);
            await session.WriteJsonAsync(outcome.Succeeded, failure, new SnapshotDocument(outcome.Path, [.. outcome.Buckets], outcome.WithLifecycle, outcome.Replaced))
                .ConfigureAwait(false);
            return outcome.Succeeded ? ExitCodes.Ok : ExitCodes.Error;
        }

        await output.WriteLineAsync(SafeText.Escape(summary)).ConfigureAwait(false);
        return outcome.Succeeded ? ExitCodes.Ok : ExitCodes.Error;
    }

    /// <summary>The members of the JSON document after its head.</summary>
    private sealed record SnapshotDocument(string Path, List<string> Buckets, int WithLifecycle, bool Replaced);
}

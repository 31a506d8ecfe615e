using System.CommandLine;
using System.Globalization;
using LakeCircle.Cli.Configuration;
using LakeCircle.Cli.Running;
using LakeCircle.Core.Archive;
using LakeCircle.Core.Gateways;
using LakeCircle.Core.Locking;
using LakeCircle.Core.Rendering;
using LakeCircle.Core.Sync;

namespace LakeCircle.Cli.Commands;

/// <summary><c>lakecircle history --bucket NAME</c>: lists the stored versions of a bucket's configuration, newest first.</summary>
internal sealed class HistoryCommand(CliContext context) : ICliCommand
{
    /// <summary>The flags of history besides the endpoint, account and log flags.</summary>
    public const RunOptionGroups Groups = RunOptionGroups.Output | RunOptionGroups.OneBucket;

    public IReadOnlyList<string> Examples { get; } =
    [
        "lakecircle history --bucket acme-logs --endpoint s3://acme-config/lakecircle/ --account 123456789012 --region eu-west-1",
        "lakecircle history --bucket acme-logs --endpoint ./endpoint --snapshot account.json -o json",
    ];

    public Command Create()
    {
        var command = new Command(
            "history",
            "List the stored versions of a bucket's lifecycle configuration (endpoint history/), newest first: time, reason, "
            + "whether the write that followed was applied, refused or never known, rule count and fingerprint. Pass a time to 'rollback --to' to put one back. Exit code 0, or 1 on an error.");
        var options = new RunOptions(Groups);
        options.AddTo(command);
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            RunArguments.From(parseResult, options, WorkAction.DryRun),
            parseResult.GetValue(options.Buckets!)![0],
            parseResult.InvocationConfiguration.Output,
            parseResult.InvocationConfiguration.Error,
            cancellationToken));
        return command;
    }

    private async Task<int> RunAsync(RunArguments arguments, string bucket, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var session = await EndpointSession.OpenAsync(context, arguments, "lakecircle history", output, error, cancellationToken).ConfigureAwait(false);
        if (session is null)
        {
            return ExitCodes.Error;
        }

        await using var closing = session.ConfigureAwait(false);

        IReadOnlyList<HistoryEntry> entries;
        try
        {
            entries = await session.Client.GetHistoryAsync(bucket, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException or Core.Gateways.S3GatewayException)
        {
            await Output.ErrorLine.WriteAsync(error, e.Message).ConfigureAwait(false);
            await session.WriteJsonErrorAsync("failed", e.Message).ConfigureAwait(false);
            return ExitCodes.Error;
        }

        var rows = entries
            .Select(e => new HistoryRow(ArchiveTime.ToText(e.CapturedAt), e.Reason, Write(e.Replaced), e.Configuration?.Rules.Count ?? 0, e.ShortFingerprint, e.Location))
            .ToList();
        if (session.Settings.Output == OutputFormat.Json)
        {
            await session.WriteJsonAsync(succeeded: true, error: null, new HistoryDocument(bucket, rows)).ConfigureAwait(false);
            return ExitCodes.Ok;
        }

        if (rows.Count == 0)
        {
            await output.WriteLineAsync(SafeText.Escape($"No stored versions of bucket '{bucket}' under {session.Payload.Require(PayloadKeys.EndpointHistory)}{bucket}/.")).ConfigureAwait(false);
            return ExitCodes.Ok;
        }

        await output.WriteLineAsync($"{"TIME",-21}  {"REASON",-15}  {"WRITE",-8}  {"RULES",5}  FINGERPRINT").ConfigureAwait(false);
        foreach (var row in rows)
        {
            await output.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture, $"{SafeText.Escape(row.Time),-21}  {SafeText.Escape(row.Reason),-15}  {row.Write,-8}  {row.Rules,5}  {SafeText.Escape(row.Fingerprint)}")).ConfigureAwait(false);
        }

        return ExitCodes.Ok;
    }

    /// <summary>What became of the write that followed the capture: the version was replaced, stayed in place, or the run never knew.</summary>
    private static string Write(bool? replaced) => replaced switch { true => "applied", false => "refused", null => "unknown" };

    /// <summary>The members of the JSON document after its head: the bucket and its versions, newest first.</summary>
    private sealed record HistoryDocument(string Bucket, IReadOnlyList<HistoryRow> Versions);

    private sealed record HistoryRow(string Time, string Reason, string Write, int Rules, string Fingerprint, string File);
}

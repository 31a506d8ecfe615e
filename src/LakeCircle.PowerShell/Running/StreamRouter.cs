using Microsoft.Extensions.Logging;

namespace LakeCircle.PowerShell.Running;

/// <summary>
/// Sends the library's log events to PowerShell's streams through a <see cref="CmdletPump"/>: Trace and Debug to the
/// debug stream, Information to the verbose stream, Warning to the warning stream, and Error and Critical to the verbose
/// stream marked <c>error:</c> — the command reports failures as error records from the outcome, so they are not
/// reported twice. Events below the level shown are dropped, but still move the progress bars.
/// </summary>
internal sealed class StreamRouter
{
    private readonly CmdletPump _pump;
    private readonly LogLevel _shown;

    /// <summary>Creates a router.</summary>
    /// <param name="pump">Where messages are queued.</param>
    /// <param name="shown">The lowest level written to a stream (from <c>-LogLevel</c> / <c>LCC_APP_LEVEL</c>, lowered by <c>-Debug</c>).</param>
    /// <param name="progress">Derives progress from the events.</param>
    public StreamRouter(CmdletPump pump, LogLevel shown, ProgressTracker progress)
    {
        _pump = pump;
        _shown = shown;
        Progress = progress;
    }

    /// <summary>The progress derived from the events.</summary>
    public ProgressTracker Progress { get; }

    /// <summary>The stream an event of <paramref name="level"/> goes to, and how its line starts.</summary>
    /// <param name="level">The level.</param>
    /// <returns>The stream and the prefix.</returns>
    public static (PumpStream Stream, string Prefix) StreamOf(LogLevel level) => level switch
    {
        LogLevel.Trace or LogLevel.Debug => (PumpStream.Debug, string.Empty),
        LogLevel.Information => (PumpStream.Verbose, string.Empty),
        LogLevel.Warning => (PumpStream.Warning, string.Empty),
        _ => (PumpStream.Verbose, "error: "),
    };

    /// <summary>Queues the stream message and the progress of one event.</summary>
    /// <param name="entry">The event.</param>
    public void Receive(LogEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (entry.Level >= _shown)
        {
            var (stream, prefix) = StreamOf(entry.Level);
            _pump.Post(new PumpMessage(stream, prefix + entry.Text));
        }

        if (Progress.Observe(entry) is { } update)
        {
            _pump.Post(new PumpMessage(PumpStream.Progress, update.Status, update));
        }
    }
}

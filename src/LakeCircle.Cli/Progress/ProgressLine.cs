using LakeCircle.Core.Diagnostics;
using Spectre.Console;

namespace LakeCircle.Cli.Progress;

/// <summary>
/// The one live progress line of a run on a terminal's standard error, drawn with Spectre.Console: the stage with its
/// buckets read, planned or written, those failed, the calls in flight, the time so far and an estimate of the rest. Every other write
/// to standard error goes through <see cref="Wrap"/>, under the same lock: the line is erased, the text written, and
/// the line drawn again below it. The line is erased when the run ends (before its result is printed on standard
/// output), when the terminal is released (<see cref="Dispose"/>) and when the process exits, so it is never left on
/// screen.
/// </summary>
/// <remarks>
/// <see cref="Report"/> is called on the run's threads: it keeps the report and draws only at a new run or stage, and
/// then only when no other write holds the lock (it never waits, except for the end of the run). Otherwise a timer
/// draws, at most every <see cref="Refresh"/>, when something changed or another second passed.
/// </remarks>
internal sealed class ProgressLine : IProgress<RunProgress>, IDisposable
{
    /// <summary>The shortest time between two draws: 100 ms, ten a second.</summary>
    public static readonly TimeSpan Refresh = TimeSpan.FromMilliseconds(100);

    private readonly Lock _gate = new();
    private readonly IAnsiConsole _console;
    private readonly TextWriter _writer;
    private readonly bool _color;
    private readonly TimeProvider _time;
    private readonly TimeSpan _refresh;
    private ITimer? _timer;
    private RunProgress? _latest;
    private RunProgress? _drawnReport;
    private long _drawnSecond = -1;
    private bool _active, _drawn, _disposed;
    private bool _atLineStart = true;
    private int _drawnLength;
    private long _lastDraw, _runStart, _stageStart;
    private RunStage _stage;
    private int _doneAtStageStart;

    /// <summary>Creates the line over a console; nothing is drawn before the first report.</summary>
    /// <param name="console">Where the line is drawn (standard error).</param>
    /// <param name="writer">The writer under <paramref name="console"/>, where the other text goes.</param>
    /// <param name="color">Whether the line has colours (<c>--color</c>, <c>NO_COLOR</c>).</param>
    /// <param name="time">The clock of the elapsed time and the estimate; the system clock by default.</param>
    /// <param name="refresh">The shortest time between draws and the timer's period; zero or <see cref="Timeout.InfiniteTimeSpan"/> for no timer (tests draw with <see cref="Tick"/>).</param>
    public ProgressLine(IAnsiConsole console, TextWriter writer, bool color, TimeProvider? time = null, TimeSpan? refresh = null)
    {
        _console = console;
        _writer = writer;
        _color = color;
        _time = time ?? TimeProvider.System;
        _refresh = refresh ?? Refresh;
        Separator = console.Profile.Capabilities.Unicode ? " · " : " | ";
        AppDomain.CurrentDomain.ProcessExit += OnProcessExit;
    }

    /// <summary>
    /// The line of a run on standard error when it is a terminal (<see cref="CliContext.ErrorTerminal"/>) and the run
    /// talks there (not <c>--quiet</c>, whose level is ERROR); else <see langword="null"/>.
    /// </summary>
    public static ProgressLine? For(CliContext context, Microsoft.Extensions.Logging.LogLevel level, TextWriter error) =>
        context.ErrorTerminal is { } terminal && level < Microsoft.Extensions.Logging.LogLevel.Error
            ? new ProgressLine(terminal.Open(error, context.ErrorIsTerminal), error, context.ErrorIsTerminal)
            : null;

    /// <summary>Between the parts of the line: a middle dot, or a bar where the terminal has no Unicode.</summary>
    internal string Separator { get; }

    /// <summary>Whether the line is on screen now.</summary>
    internal bool IsDrawn
    {
        get
        {
            lock (_gate)
            {
                return _drawn;
            }
        }
    }

    /// <summary>Standard error for everything else: each write erases the line first and draws it again after.</summary>
    public TextWriter Wrap(TextWriter error) => new ProgressWriter(error, this);

    /// <inheritdoc />
    public void Report(RunProgress value)
    {
        ArgumentNullException.ThrowIfNull(value);
        Volatile.Write(ref _latest, value);
        if (value.Stage == RunStage.Finished)
        {
            lock (_gate)
            {
                Erase();
                _active = false;
            }

            return;
        }

        // A new run or a new stage is drawn at once, unless a write holds the lock (the timer draws it then).
        if (!_gate.TryEnter())
        {
            return;
        }

        try
        {
            if (_disposed)
            {
                return;
            }

            var now = _time.GetTimestamp();
            var newRun = !_active;
            if (newRun)
            {
                // A run starts (or the next one, after a question answered on its own line).
                _active = true;
                _atLineStart = true;
                _runStart = now;
                _timer ??= _refresh <= TimeSpan.Zero || _refresh == Timeout.InfiniteTimeSpan ? null : _time.CreateTimer(_ => Tick(), null, _refresh, _refresh);
            }

            var newStage = Track(value, now, newRun);
            if (!_drawn || newStage || _time.GetElapsedTime(_lastDraw, now) >= _refresh)
            {
                Draw(value, now);
            }
        }
        finally
        {
            _gate.Exit();
        }
    }

    /// <summary>The timer's draw: when something changed since the last one, or another second passed.</summary>
    internal void Tick()
    {
        lock (_gate)
        {
            if (!_active || _disposed || Volatile.Read(ref _latest) is not { } latest)
            {
                return;
            }

            var now = _time.GetTimestamp();
            Track(latest, now, newRun: false);
            if (!_drawn || !ReferenceEquals(latest, _drawnReport) || (long)_time.GetElapsedTime(_runStart, now).TotalSeconds != _drawnSecond)
            {
                Draw(latest, now);
            }
        }
    }

    /// <summary>Writes text above the line: erase it, write, and draw it again when the text ended its line.</summary>
    internal void WriteAbove<TState>(TState state, Action<TextWriter, TState> write, bool endsLine)
    {
        lock (_gate)
        {
            Erase();
            write(_writer, state);
            _atLineStart = endsLine;
            if (_active && !_disposed && Volatile.Read(ref _latest) is { } latest)
            {
                var now = _time.GetTimestamp();
                if (_time.GetElapsedTime(_lastDraw, now) >= _refresh)
                {
                    Draw(latest, now);
                }
            }
        }
    }

    /// <summary>Where the text written last left the cursor (tests).</summary>
    internal bool AtLineStart
    {
        get
        {
            lock (_gate)
            {
                return _atLineStart;
            }
        }
    }

    /// <summary>Erases the line for good.</summary>
    public void Dispose()
    {
        AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
        ITimer? timer;
        lock (_gate)
        {
            Erase();
            _active = false;
            _disposed = true;
            timer = _timer;
            _timer = null;
        }

        timer?.Dispose();
    }

    /// <summary>The line of a report, as plain text (what <see cref="Draw"/> writes, without colours).</summary>
    internal string Compose(RunProgress progress, TimeSpan elapsed, TimeSpan inStage, int width) =>
        string.Concat(Segments(progress, elapsed, inStage, width).Select(s => s.Text));

    private void Draw(RunProgress progress, long now)
    {
        if (!_atLineStart)
        {
            return;
        }

        var width = _console.Profile.Width;
        var segments = Segments(progress, _time.GetElapsedTime(_runStart, now), _time.GetElapsedTime(_stageStart, now), width);
        Erase();
        _writer.Write('\r');
        foreach (var (text, style) in segments)
        {
            _console.Write(new Text(text, _color ? style : Style.Plain));
        }

        _drawn = true;
        _drawnLength = segments.Sum(s => s.Text.Length);
        _drawnReport = progress;
        _drawnSecond = (long)_time.GetElapsedTime(_runStart, now).TotalSeconds;
        _lastDraw = now;
        _writer.Flush();
    }

    private void Erase()
    {
        if (!_drawn)
        {
            return;
        }

        if (_console.Profile.Capabilities.Ansi)
        {
            _console.WriteAnsi(w =>
            {
                w.Write("\r");
                w.EraseInLine(2);
            });
        }
        else
        {
            _writer.Write("\r" + new string(' ', _drawnLength) + "\r");
        }

        _drawn = false;
        _writer.Flush();
    }

    /// <summary>Notes when the stage of <paramref name="progress"/> started (for its estimate); whether it is a new one.</summary>
    private bool Track(RunProgress progress, long now, bool newRun)
    {
        if (!newRun && progress.Stage == _stage)
        {
            return false;
        }

        _stage = progress.Stage;
        _stageStart = now;
        _doneAtStageStart = Done(progress);
        return true;
    }

    /// <summary>The buckets done in the stage that has a count to reach.</summary>
    private static int Done(RunProgress progress) => progress.Stage switch
    {
        RunStage.ReadingBuckets => progress.BucketsRead,
        RunStage.Writing => progress.BucketsWritten + progress.BucketsFailed,
        _ => 0,
    };

    private List<(string Text, Style Style)> Segments(RunProgress progress, TimeSpan elapsed, TimeSpan inStage, int width)
    {
        var failed = progress.BucketsFailed;
        var estimate = progress.Stage switch
        {
            RunStage.ReadingBuckets => ProgressText.Estimate(Done(progress) - _doneAtStageStart, progress.BucketsToRead - _doneAtStageStart, inStage),
            RunStage.Writing => ProgressText.Estimate(Done(progress) - _doneAtStageStart, progress.BucketsToWrite, inStage),
            _ => null,
        };
        var counts = ProgressText.Counts(progress, Separator);
        var tail = (counts is null ? "" : Separator + counts) + Separator + ProgressText.InFlight(progress) + Separator + ProgressText.Elapsed(elapsed)
            + (estimate is null ? "" : Separator + estimate);
        var segments = new List<(string Text, Style Style)> { (ProgressText.Head(progress), new Style(Color.Aqua, decoration: Decoration.Bold)) };
        if (failed > 0 && counts is not null)
        {
            // The failures in red: the tail up to them plain, then them.
            var at = tail.IndexOf("failed ", StringComparison.Ordinal);
            var end = tail.IndexOf(Separator, at, StringComparison.Ordinal);
            segments.Add((tail[..at], Style.Plain));
            segments.Add((tail[at..end], new Style(Color.Red)));
            segments.Add((tail[end..], Style.Plain));
        }
        else
        {
            segments.Add((tail, Style.Plain));
        }

        // One line, never wrapped: cut to the width less one column (a character in the last column moves the cursor on some terminals).
        var room = Math.Max(1, width - 1);
        for (var i = 0; i < segments.Count; i++)
        {
            if (segments[i].Text.Length >= room)
            {
                segments[i] = (segments[i].Text[..room], segments[i].Style);
                segments.RemoveRange(i + 1, segments.Count - i - 1);
                break;
            }

            room -= segments[i].Text.Length;
        }

        return segments;
    }

    private void OnProcessExit(object? sender, EventArgs e)
    {
        if (_gate.TryEnter(TimeSpan.FromMilliseconds(200)))
        {
            try
            {
                Erase();
                _active = false;
            }
            finally
            {
                _gate.Exit();
            }
        }
    }
}

using Microsoft.Extensions.Logging;

namespace LakeCircle.Core.Diagnostics;

/// <summary>
/// The progress of one run: its bucket counts, its S3 calls (<see cref="CallTally"/>) and its clock, reported to the
/// caller's <see cref="IProgress{T}"/> at each step and, at the end, the calls by kind in one INFO event. The run's code
/// reaches it as <see cref="Current"/>, which flows with the run's async calls (its parallel reads and writes, its lock
/// renewal) and with nothing else, so two runs on one client never count each other's calls.
/// </summary>
/// <remarks>
/// Reporting is cheap: counts are interlocked adds, and a report is one <see cref="RunProgress"/> built and handed to the
/// sink under a short lock (never held across an await), so that the sink sees the counts grow in order. A sink that
/// throws is never let into the run: its failure is logged once as a warning and it is not called again in that run.
/// </remarks>
internal sealed class RunReporter
{
    private static readonly AsyncLocal<RunReporter?> Active = new();

    private readonly IProgress<RunProgress>? _sink;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly long _started;
    private readonly Lock _reporting = new();
    private int _stage;
    private int _toRead, _read, _planned, _toWrite, _written, _failed;
    private bool _sinkFailed;

    private RunReporter(IProgress<RunProgress>? sink, ILogger logger, TimeProvider time)
    {
        _sink = sink;
        _logger = logger;
        _time = time;
        _started = time.GetTimestamp();
    }

    /// <summary>The reporter of the run whose code is running, or <see langword="null"/> outside a run.</summary>
    public static RunReporter? Current => Active.Value;

    /// <summary>The run's S3 calls.</summary>
    public CallTally Calls { get; } = new();

    /// <summary>
    /// Starts the reporter of a run, unless the code runs inside one already (a rollback plans, then applies: one run):
    /// then <see langword="null"/>, and the outer run reports and counts.
    /// </summary>
    public static RunReporter? Begin(IProgress<RunProgress>? sink, ILogger logger, TimeProvider time)
    {
        if (Active.Value is not null)
        {
            return null;
        }

        var reporter = new RunReporter(sink, logger, time);
        Active.Value = reporter;
        return reporter;
    }

    /// <summary>Ends the run: the last report (<see cref="RunStage.Finished"/>) and the INFO event of its calls.</summary>
    public void End()
    {
        Volatile.Write(ref _stage, (int)RunStage.Finished);
        Report();
        _logger.S3Calls(Calls.Counts.ToString(), Calls.MaxInFlight);
        Active.Value = null;
    }

    /// <summary>The run enters <paramref name="stage"/>.</summary>
    public void Stage(RunStage stage)
    {
        Volatile.Write(ref _stage, (int)stage);
        Report();
    }

    /// <summary>The account is listed: <paramref name="buckets"/> managed buckets to read.</summary>
    public void Reading(int buckets)
    {
        Volatile.Write(ref _toRead, buckets);
        Stage(RunStage.ReadingBuckets);
    }

    /// <summary>One bucket was read (or its read failed).</summary>
    public void BucketRead(bool failed)
    {
        Interlocked.Increment(ref _read);
        if (failed)
        {
            Interlocked.Increment(ref _failed);
        }

        Report();
    }

    /// <summary>The plan is made: <paramref name="buckets"/> managed buckets, <paramref name="toWrite"/> of them to change.</summary>
    public void Planned(int buckets, int toWrite)
    {
        Volatile.Write(ref _planned, buckets);
        Volatile.Write(ref _toWrite, toWrite);
        Stage(RunStage.Planned);
    }

    /// <summary>The writes start: <paramref name="toWrite"/> buckets (the plan's, or fewer when a guard left some out).</summary>
    public void Writing(int toWrite)
    {
        Volatile.Write(ref _toWrite, toWrite);
        Stage(RunStage.Writing);
    }

    /// <summary>One bucket's write starts (its re-read, archive, write and verification).</summary>
    public void WriteStarted() => Report();

    /// <summary>One bucket's write ended: written or failed.</summary>
    public void WriteEnded(bool failed)
    {
        if (failed)
        {
            Interlocked.Increment(ref _failed);
        }
        else
        {
            Interlocked.Increment(ref _written);
        }

        Report();
    }

    /// <summary>What the run has done so far.</summary>
    public RunProgress Snapshot() => new()
    {
        Stage = (RunStage)Volatile.Read(ref _stage),
        BucketsToRead = Volatile.Read(ref _toRead),
        BucketsRead = Volatile.Read(ref _read),
        BucketsPlanned = Volatile.Read(ref _planned),
        BucketsToWrite = Volatile.Read(ref _toWrite),
        BucketsWritten = Volatile.Read(ref _written),
        BucketsFailed = Volatile.Read(ref _failed),
        CallsInFlight = Calls.InFlight,
        MaxCallsInFlight = Calls.MaxInFlight,
        Calls = Calls.Counts,
        Elapsed = _time.GetElapsedTime(_started),
    };

    private void Report()
    {
        if (_sink is null || Volatile.Read(ref _sinkFailed))
        {
            return;
        }

        lock (_reporting)
        {
            if (_sinkFailed)
            {
                return;
            }

            try
            {
                _sink.Report(Snapshot());
            }
            catch (Exception e)
            {
                // The caller's handler must never break the run (nor its record and lock release).
                _sinkFailed = true;
                _logger.ProgressFailed(e.GetType().Name, e.Message);
            }
        }
    }
}

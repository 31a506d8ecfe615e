using System.Globalization;

namespace LakeCircle.PowerShell.Running;

/// <summary>
/// Derives progress from the library's log events, which it has no progress hook for: the definitions read
/// (event 100), each bucket read (112 missing, 113 unreadable, 114 read), the plan made (126), each write started
/// (131 PUT, 132 DELETE) and ended (133 applied, 134 failed), and the run's end (135).
/// </summary>
internal sealed class ProgressTracker
{
    /// <summary>The activity of reading the definitions and the account.</summary>
    public const int ReadActivity = 1;

    /// <summary>The activity of writing buckets.</summary>
    public const int WriteActivity = 2;

    private readonly Lock _gate = new();
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);
    private readonly HashSet<string> _written = new(StringComparer.Ordinal);
    private readonly string _name;
    private int? _reads;
    private bool _reading;
    private bool _writing;

    /// <summary>Creates a tracker whose activities are named after <paramref name="name"/>, such as <c>LakeCircle plan</c>.</summary>
    /// <param name="name">The command's activity name.</param>
    /// <param name="expectedReads">How many buckets will be read, when the command knows (a bucket selection).</param>
    public ProgressTracker(string name, int? expectedReads = null)
    {
        _name = name;
        _reads = expectedReads;
    }

    /// <summary>How many buckets the writing run will write (set from the plan before the run starts).</summary>
    public int ExpectedWrites { get; set; }

    /// <summary>The progress an event shows, or <see langword="null"/> when it shows none.</summary>
    /// <param name="entry">The event.</param>
    /// <returns>The update.</returns>
    public ProgressUpdate? Observe(LogEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        lock (_gate)
        {
            switch (entry.EventId)
            {
                case 100:
                    _reads ??= entry.Number("BucketCount");
                    _reading = true;
                    return Read("Definitions read", null);
                case 110:
                    _reading = true;
                    return Read("Reading lifecycle configurations", null);
                case 112 or 113 or 114 when entry.Bucket is { } bucket:
                    _reading = true;
                    _read.Add(bucket);
                    return Read(Count(_read.Count, _reads, "read"), bucket);
                case 126:
                    return Finish(ReadActivity);
                case 131 or 132 when entry.Bucket is { } bucket:
                    _writing = true;
                    return Write(Count(_written.Count, ExpectedWrites, "written"), (entry.EventId == 131 ? "Writing " : "Deleting the configuration of ") + bucket);
                case 133 or 134 when entry.Bucket is { } bucket:
                    _writing = true;
                    _written.Add(bucket);
                    return Write(Count(_written.Count, ExpectedWrites, "written"), bucket);
                case 135:
                    return Finish(WriteActivity);
                default:
                    return null;
            }
        }
    }

    /// <summary>The updates that close every activity still open (when the command's call ends, however it ended).</summary>
    /// <returns>The updates, possibly none.</returns>
    public IReadOnlyList<ProgressUpdate> Close()
    {
        lock (_gate)
        {
            var updates = new List<ProgressUpdate>();
            if (Finish(ReadActivity) is { } read)
            {
                updates.Add(read);
            }

            if (Finish(WriteActivity) is { } write)
            {
                updates.Add(write);
            }

            return updates;
        }
    }

    private ProgressUpdate Read(string status, string? bucket) =>
        new(ReadActivity, _name + ": reading buckets", status, bucket, Percent(_read.Count, _reads), Completed: false);

    private ProgressUpdate Write(string status, string? bucket) =>
        new(WriteActivity, _name + ": writing buckets", status, bucket, Percent(_written.Count, ExpectedWrites), Completed: false);

    private ProgressUpdate? Finish(int activity)
    {
        if (activity == ReadActivity && _reading)
        {
            _reading = false;
            return new(ReadActivity, _name + ": reading buckets", "Done", null, 100, Completed: true);
        }

        if (activity == WriteActivity && _writing)
        {
            _writing = false;
            return new(WriteActivity, _name + ": writing buckets", "Done", null, 100, Completed: true);
        }

        return null;
    }

    private static int Percent(int done, int? total) =>
        total is > 0 ? Math.Min(100, done * 100 / total.Value) : -1;

    private static string Count(int done, int? total, string verb) =>
        total is > 0
            ? string.Create(CultureInfo.InvariantCulture, $"{done} of {total} buckets {verb}")
            : string.Create(CultureInfo.InvariantCulture, $"{done} buckets {verb}");
}

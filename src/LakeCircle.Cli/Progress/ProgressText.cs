using System.Globalization;
using LakeCircle.Core.Diagnostics;

namespace LakeCircle.Cli.Progress;

/// <summary>The words of the progress line: what a run is doing, its counts, its time and an estimate of the rest.</summary>
internal static class ProgressText
{
    /// <summary>
    /// The head of the line: the stage with its own count — buckets read of those to read, planned and to write, written
    /// of those to write (with the buckets planned).
    /// </summary>
    public static string Head(RunProgress progress) => progress.Stage switch
    {
        RunStage.ReadingDefinitions => "Reading definitions",
        RunStage.ListingBuckets => "Listing buckets",
        RunStage.ReadingBuckets => string.Create(CultureInfo.InvariantCulture, $"Reading buckets {progress.BucketsRead}/{progress.BucketsToRead}"),
        RunStage.Planned => string.Create(CultureInfo.InvariantCulture, $"Planned {progress.BucketsPlanned} buckets, {progress.BucketsToWrite} to write"),
        RunStage.Writing => string.Create(CultureInfo.InvariantCulture, $"Writing {progress.BucketsWritten}/{progress.BucketsToWrite}"),
        _ => "Done",
    };

    /// <summary>What follows the head in the stages that count buckets: the buckets planned (writing), and those failed.</summary>
    public static string? Counts(RunProgress progress, string separator) => progress.Stage switch
    {
        RunStage.ReadingBuckets => string.Create(CultureInfo.InvariantCulture, $"failed {progress.BucketsFailed}"),
        RunStage.Writing => string.Create(CultureInfo.InvariantCulture, $"planned {progress.BucketsPlanned}{separator}failed {progress.BucketsFailed}"),
        _ => null,
    };

    /// <summary>The calls in flight.</summary>
    public static string InFlight(RunProgress progress) =>
        string.Create(CultureInfo.InvariantCulture, $"{progress.CallsInFlight} in flight");

    /// <summary>Elapsed time as <c>m:ss</c>, or <c>h:mm:ss</c> from an hour on.</summary>
    public static string Elapsed(TimeSpan elapsed) => elapsed.TotalHours >= 1
        ? string.Create(CultureInfo.InvariantCulture, $"{(int)elapsed.TotalHours}:{elapsed.Minutes:D2}:{elapsed.Seconds:D2}")
        : string.Create(CultureInfo.InvariantCulture, $"{elapsed.Minutes}:{elapsed.Seconds:D2}");

    /// <summary>
    /// The rest of the stage from its rate so far: <c>~12 s left</c>; <c>estimating</c> while nothing is done yet;
    /// <see langword="null"/> for a stage without a count to reach (definitions, the bucket list, the plan).
    /// </summary>
    /// <param name="done">Buckets done in the stage.</param>
    /// <param name="total">Buckets of the stage.</param>
    /// <param name="inStage">How long the stage has gone on.</param>
    public static string? Estimate(int done, int total, TimeSpan inStage)
    {
        if (total <= 0)
        {
            return null;
        }

        if (done <= 0 || inStage <= TimeSpan.Zero)
        {
            return "estimating";
        }

        var left = TimeSpan.FromTicks((long)(inStage.Ticks * ((double)(total - done) / done)));
        return done >= total ? "done"
            : left.TotalMinutes < 1 ? string.Create(CultureInfo.InvariantCulture, $"~{Math.Max(1, Math.Ceiling(left.TotalSeconds))} s left")
            : left.TotalHours < 1 ? string.Create(CultureInfo.InvariantCulture, $"~{Math.Ceiling(left.TotalMinutes)} min left")
            : string.Create(CultureInfo.InvariantCulture, $"~{left.TotalHours:0.#} h left");
    }
}

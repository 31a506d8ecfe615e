using LakeCircle.PowerShell.Running;
using Microsoft.Extensions.Logging;

namespace LakeCircle.PowerShell.Tests;

public sealed class ProgressTrackerTests
{
    private static LogEntry Event(int id, string? bucket = null, params (string Key, object? Value)[] fields) =>
        new(LogLevel.Information, id, "text", bucket, fields.ToDictionary(f => f.Key, f => f.Value));

    [Test]
    public void Reads_count_against_the_defined_buckets_and_close_at_the_plan()
    {
        var tracker = new ProgressTracker("LakeCircle plan");

        tracker.Observe(Event(100, null, ("DocumentCount", 5), ("BucketCount", 4)))!.Percent.Should().Be(0);
        var read = tracker.Observe(Event(114, "acme-logs"))!;
        read.Should().Be(new ProgressUpdate(ProgressTracker.ReadActivity, "LakeCircle plan: reading buckets", "1 of 4 buckets read", "acme-logs", 25, false));
        tracker.Observe(Event(112, "acme-archive"))!.Percent.Should().Be(50);
        tracker.Observe(Event(114, "acme-logs"))!.Percent.Should().Be(50, "a bucket counts once");

        var done = tracker.Observe(Event(126))!;
        done.Completed.Should().BeTrue();
        tracker.Close().Should().BeEmpty("the activity is closed already");
    }

    [Test]
    public void A_selection_sets_how_many_reads_to_expect()
    {
        var tracker = new ProgressTracker("LakeCircle plan", expectedReads: 1);
        tracker.Observe(Event(100, null, ("BucketCount", 4)));

        tracker.Observe(Event(114, "acme-logs"))!.Percent.Should().Be(100);
    }

    [Test]
    public void Writes_count_against_the_expected_writes_and_close_when_the_run_ends()
    {
        var tracker = new ProgressTracker("LakeCircle sync") { ExpectedWrites = 2 };

        var started = tracker.Observe(Event(131, "acme-backups"))!;
        started.ActivityId.Should().Be(ProgressTracker.WriteActivity);
        started.CurrentOperation.Should().Be("Writing acme-backups");
        tracker.Observe(Event(134, "acme-backups"))!.Status.Should().Be("1 of 2 buckets written");
        tracker.Observe(Event(133, "acme-datalake"))!.Percent.Should().Be(100);

        var closed = tracker.Close();
        closed.Should().ContainSingle().Which.Should().Match<ProgressUpdate>(u => u.Completed && u.ActivityId == ProgressTracker.WriteActivity);
    }

    [Test]
    public void Other_events_show_no_progress()
    {
        var tracker = new ProgressTracker("LakeCircle plan");

        tracker.Observe(Event(120, "acme-logs")).Should().BeNull();
        tracker.Observe(Event(114)).Should().BeNull("a read without its bucket scope cannot be counted");
        tracker.Close().Should().BeEmpty();
    }
}

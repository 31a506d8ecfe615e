using LakeCircle.Core.Impact;
using LakeCircle.Core.Planning;
using LakeCircle.Core.Rendering;

namespace LakeCircle.Cli.Output;

/// <summary>
/// The members of <c>lakecircle explain -o json</c> after the head of every document (<see cref="JsonOutput"/>):
/// <c>{"bucket","status","versioning","object":{...},"scheduleChanges","current":{"steps":[...],"deletedOn","dependsOnTags"},"desired":{...}}</c>.
/// A schedule the explanation has not (an unmanaged bucket's desired one, a bucket not read) is left out.
/// </summary>
internal static class ExplanationJson
{
    public static ExplanationDocument Of(ObjectExplanation e) => new(
        e.Bucket,
        PlanLogging.Status(e.Status),
        Versioning(e.Versioning),
        new ObjectJson(
            e.Object.Key,
            e.Object.Size,
            e.Object.Tags?.ToDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal),
            e.Object.Created.ToUniversalTime().ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            e.Object.IsCurrent,
            e.Object.NoncurrentSince is { } since ? TextExplanationRenderer.Date(since) : null,
            e.Object.IsCurrent ? null : e.Object.NewerNoncurrentVersions,
            e.Object.IsDeleteMarker,
            e.Object.StorageClass),
        e.ScheduleChanges,
        Schedule(e.Current),
        Schedule(e.Desired));

    private static ScheduleJson? Schedule(ObjectSchedule? schedule) => schedule is null
        ? null
        : new ScheduleJson(
            [.. schedule.Actions.Select(a => new StepJson(
                TextExplanationRenderer.Date(a.Date), Action(a.Kind), a.StorageClass, a.RuleId, a.Noncurrent, TextExplanationRenderer.Step(a)))],
            schedule.Deletion is { } deletion ? TextExplanationRenderer.Date(deletion.Date) : null,
            [.. schedule.DependsOnTags]);

    private static string Action(ScheduledActionKind kind) => kind switch
    {
        ScheduledActionKind.Transition => "transition",
        ScheduledActionKind.CreateDeleteMarker => "create-delete-marker",
        ScheduledActionKind.Delete => "delete",
        _ => "remove-delete-marker",
    };

    private static string Versioning(BucketVersioning versioning) => versioning switch
    {
        BucketVersioning.Enabled => "enabled",
        BucketVersioning.Suspended => "suspended",
        _ => "unversioned",
    };

    internal sealed record ExplanationDocument(
        string Bucket, string Status, string Versioning, ObjectJson Object, bool ScheduleChanges, ScheduleJson? Current, ScheduleJson? Desired);

    internal sealed record ObjectJson(
        string Key, long Size, Dictionary<string, string>? Tags, string Created, bool IsCurrent, string? NoncurrentSince, int? NewerNoncurrentVersions,
        bool IsDeleteMarker, string StorageClass);

    internal sealed record ScheduleJson(List<StepJson> Steps, string? DeletedOn, List<string> DependsOnTags);

    internal sealed record StepJson(string Date, string Action, string? StorageClass, string Rule, bool Noncurrent, string Text);
}

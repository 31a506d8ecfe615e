using LakeCircle.Core.Model;

namespace LakeCircle.Core.Impact;

/// <summary>What a lifecycle configuration does to one object version, in date order.</summary>
public sealed record ObjectSchedule
{
    /// <summary>The object version evaluated.</summary>
    public required ObjectVersion Object { get; init; }

    /// <summary>The steps, in date order; the last is a deletion when the version is ever deleted.</summary>
    public ValueList<ScheduledAction> Actions { get; init; } = ValueList<ScheduledAction>.Empty;

    /// <summary>
    /// The IDs of enabled rules whose filter matches the version except for tags, when its tags are unknown:
    /// the schedule leaves them out, and says here that the real one may differ.
    /// </summary>
    public ValueList<string> DependsOnTags { get; init; } = ValueList<string>.Empty;

    /// <summary>The step that permanently deletes the version or turns it into a delete marker, or <see langword="null"/>.</summary>
    public ScheduledAction? Removal =>
        Actions.FirstOrDefault(a => a.Kind is ScheduledActionKind.Delete or ScheduledActionKind.CreateDeleteMarker);

    /// <summary>The step that permanently deletes the version, or <see langword="null"/>.</summary>
    public ScheduledAction? Deletion => Actions.FirstOrDefault(a => a.Kind == ScheduledActionKind.Delete);

    /// <summary>The storage class the version is in on <paramref name="date"/>, or <see langword="null"/> once it is deleted.</summary>
    /// <param name="date">The date.</param>
    /// <returns>The storage class, or <see langword="null"/>.</returns>
    public string? StorageClassOn(DateTimeOffset date)
    {
        var storageClass = Object.StorageClass;
        foreach (var action in Actions)
        {
            if (action.Date > date)
            {
                break;
            }

            if (action.Kind == ScheduledActionKind.Transition)
            {
                storageClass = action.StorageClass ?? storageClass;
            }
            else if (action.Kind is ScheduledActionKind.Delete or ScheduledActionKind.RemoveDeleteMarker)
            {
                return null;
            }
        }

        return storageClass;
    }
}

using LakeCircle.Core.Model;

namespace LakeCircle.Core.Gateways.Json;

/// <summary>
/// Maps between the model and the AWS JSON shapes. Exact both ways: every field, absent stays absent, so a
/// configuration written and read back equals the original.
/// </summary>
internal static class LifecycleJsonMapper
{
    public static LifecycleConfigurationDto ToDto(LifecycleConfiguration configuration) => new()
    {
        TransitionDefaultMinimumObjectSize = configuration.TransitionDefaultMinimumObjectSize,
        Rules = [.. configuration.Rules.Select(ToDto)],
    };

    public static LifecycleConfiguration FromDto(LifecycleConfigurationDto dto) => new()
    {
        TransitionDefaultMinimumObjectSize = dto.TransitionDefaultMinimumObjectSize,
        Rules = dto.Rules.Select(FromDto).ToValueList(),
    };

    private static LifecycleRuleDto ToDto(LifecycleRule rule) => new()
    {
        Id = rule.Id,
        Prefix = rule.Prefix,
        Filter = rule.Filter is { } f ? ToDto(f) : null,
        Status = rule.Status,
        Expiration = rule.Expiration is { } e ? new() { Date = e.Date, Days = e.Days, ExpiredObjectDeleteMarker = e.ExpiredObjectDeleteMarker } : null,
        Transitions = rule.Transitions.Count == 0 ? null
            : [.. rule.Transitions.Select(t => new LifecycleTransitionDto { Date = t.Date, Days = t.Days, StorageClass = t.StorageClass })],
        NoncurrentVersionTransitions = rule.NoncurrentVersionTransitions.Count == 0 ? null
            : [.. rule.NoncurrentVersionTransitions.Select(t => new NoncurrentVersionTransitionDto { NoncurrentDays = t.NoncurrentDays, NewerNoncurrentVersions = t.NewerNoncurrentVersions, StorageClass = t.StorageClass })],
        NoncurrentVersionExpiration = rule.NoncurrentVersionExpiration is { } n
            ? new() { NoncurrentDays = n.NoncurrentDays, NewerNoncurrentVersions = n.NewerNoncurrentVersions } : null,
        AbortIncompleteMultipartUpload = rule.AbortIncompleteMultipartUpload is { } a ? new() { DaysAfterInitiation = a.DaysAfterInitiation } : null,
    };

    private static LifecycleRule FromDto(LifecycleRuleDto dto) => new()
    {
        Id = dto.Id,
        Prefix = dto.Prefix,
        Filter = dto.Filter is { } f ? FromDto(f) : null,
        Status = dto.Status,
        Expiration = dto.Expiration is { } e ? new() { Date = e.Date, Days = e.Days, ExpiredObjectDeleteMarker = e.ExpiredObjectDeleteMarker } : null,
        Transitions = dto.Transitions?.Select(t => new LifecycleTransition { Date = t.Date, Days = t.Days, StorageClass = t.StorageClass }).ToValueList()
            ?? ValueList<LifecycleTransition>.Empty,
        NoncurrentVersionTransitions = dto.NoncurrentVersionTransitions?
            .Select(t => new NoncurrentVersionTransition { NoncurrentDays = t.NoncurrentDays, NewerNoncurrentVersions = t.NewerNoncurrentVersions, StorageClass = t.StorageClass })
            .ToValueList() ?? ValueList<NoncurrentVersionTransition>.Empty,
        NoncurrentVersionExpiration = dto.NoncurrentVersionExpiration is { } n
            ? new() { NoncurrentDays = n.NoncurrentDays, NewerNoncurrentVersions = n.NewerNoncurrentVersions } : null,
        AbortIncompleteMultipartUpload = dto.AbortIncompleteMultipartUpload is { } a ? new() { DaysAfterInitiation = a.DaysAfterInitiation } : null,
    };

    private static LifecycleFilterDto ToDto(LifecycleFilter filter) => new()
    {
        Prefix = filter.Prefix,
        Tag = filter.Tag is { } tag ? ToDto(tag) : null,
        ObjectSizeGreaterThan = filter.ObjectSizeGreaterThan,
        ObjectSizeLessThan = filter.ObjectSizeLessThan,
        And = filter.And is { } and
            ? new()
            {
                Prefix = and.Prefix,
                Tags = and.Tags.Count == 0 ? null : [.. and.Tags.Select(ToDto)],
                ObjectSizeGreaterThan = and.ObjectSizeGreaterThan,
                ObjectSizeLessThan = and.ObjectSizeLessThan,
            }
            : null,
    };

    private static LifecycleFilter FromDto(LifecycleFilterDto dto) => new()
    {
        Prefix = dto.Prefix,
        Tag = dto.Tag is { } tag ? new LifecycleTag(tag.Key, tag.Value) : null,
        ObjectSizeGreaterThan = dto.ObjectSizeGreaterThan,
        ObjectSizeLessThan = dto.ObjectSizeLessThan,
        And = dto.And is { } and
            ? new()
            {
                Prefix = and.Prefix,
                Tags = and.Tags?.Select(t => new LifecycleTag(t.Key, t.Value)).ToValueList() ?? ValueList<LifecycleTag>.Empty,
                ObjectSizeGreaterThan = and.ObjectSizeGreaterThan,
                ObjectSizeLessThan = and.ObjectSizeLessThan,
            }
            : null,
    };

    private static LifecycleTagDto ToDto(LifecycleTag tag) => new() { Key = tag.Key, Value = tag.Value };
}

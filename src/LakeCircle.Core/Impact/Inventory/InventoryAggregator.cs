using LakeCircle.Core.Model;

namespace LakeCircle.Core.Impact.Inventory;

/// <summary>
/// Counts what two configurations do to a stream of object versions: fixed memory (counters per horizon and storage
/// class, per tag rule, and a few example keys), whatever the number of versions.
/// </summary>
internal sealed class InventoryAggregator
{
    /// <summary>The horizons, in days from now.</summary>
    public static readonly int[] HorizonDays = [1, 7, 30, 365];

    /// <summary>The most example keys kept.</summary>
    public const int MaxExamples = 10;

    private readonly Func<LifecycleConfiguration, ObjectVersion, BucketVersioning, ObjectSchedule> _evaluate;
    private readonly BucketVersioning _versioning;
    private readonly DateTimeOffset _now;
    private readonly DateTimeOffset[] _limits;
    private readonly Tally _current;
    private readonly Tally _desired;
    private readonly List<string> _examples = [];
    private long _scanned;
    private long _scannedBytes;
    private long _currentVersions;
    private long _noncurrentVersions;
    private long _deleteMarkers;
    private long _unknown;
    private long _unknownBytes;
    private long _changed;
    private long _changedBytes;

    public InventoryAggregator(
        LifecycleConfiguration current, LifecycleConfiguration desired, BucketVersioning versioning, DateTimeOffset now,
        Func<LifecycleConfiguration, ObjectVersion, BucketVersioning, ObjectSchedule>? evaluate = null)
    {
        _evaluate = evaluate ?? LifecycleEvaluator.Evaluate;
        _versioning = versioning;
        _now = now;
        _limits = [.. HorizonDays.Select(d => now.AddDays(d))];
        _current = new Tally(current, HorizonDays.Length);
        _desired = new Tally(desired, HorizonDays.Length);
    }

    /// <summary>Counts one version.</summary>
    public void Add(InventoryVersion item)
    {
        var version = item.Version;
        _scanned++;
        _scannedBytes += version.Size;
        if (version.IsDeleteMarker)
        {
            _deleteMarkers++;
        }

        if (version.IsCurrent)
        {
            _currentVersions++;
        }
        else
        {
            _noncurrentVersions++;
        }

        if (item.NoncurrentSinceUnknown)
        {
            _unknown++;
            _unknownBytes += version.Size;
            return;
        }

        var before = _evaluate(_current.Configuration, version, _versioning);
        var after = _evaluate(_desired.Configuration, version, _versioning);
        _current.Add(before, _limits);
        _desired.Add(after, _limits);
        if (!SameFate(before, after))
        {
            _changed++;
            _changedBytes += version.Size;
            if (_examples.Count < MaxExamples)
            {
                _examples.Add(version.Key);
            }
        }
    }

    /// <summary>The counts so far.</summary>
    public InventoryImpactReport ToReport(string bucket, bool configurationChanges) => new()
    {
        Bucket = bucket,
        Now = _now,
        Versioning = _versioning,
        ConfigurationChanges = configurationChanges,
        Scanned = new InventoryCount(_scanned, _scannedBytes),
        CurrentVersions = _currentVersions,
        NoncurrentVersions = _noncurrentVersions,
        DeleteMarkers = _deleteMarkers,
        NoncurrentSinceUnknown = new InventoryCount(_unknown, _unknownBytes),
        Current = _current.ToImpact(),
        Desired = _desired.ToImpact(),
        FateChanged = new InventoryCount(_changed, _changedBytes),
        FateChangedExamples = _examples.ToValueList(),
    };

    /// <summary>Whether two schedules do the same steps on the same dates to the same classes (which rule decides does not matter).</summary>
    internal static bool SameFate(ObjectSchedule before, ObjectSchedule after)
    {
        if (before.Actions.Count != after.Actions.Count)
        {
            return false;
        }

        for (var i = 0; i < before.Actions.Count; i++)
        {
            var (a, b) = (before.Actions[i], after.Actions[i]);
            if (a.Kind != b.Kind || a.Date != b.Date || !string.Equals(a.StorageClass, b.StorageClass, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The counters of one configuration.</summary>
    private sealed class Tally(LifecycleConfiguration configuration, int horizons)
    {
        private readonly long[] _deleted = new long[horizons];
        private readonly long[] _deletedBytes = new long[horizons];
        private readonly long[] _permanent = new long[horizons];
        private readonly long[] _permanentBytes = new long[horizons];
        private readonly Dictionary<string, (long[] Objects, long[] Bytes)> _moved = new(StringComparer.Ordinal);
        private readonly Dictionary<string, (long Objects, long Bytes)> _byRule = new(StringComparer.Ordinal);
        private long _tagged;
        private long _taggedBytes;

        public LifecycleConfiguration Configuration { get; } = configuration;

        public void Add(ObjectSchedule schedule, DateTimeOffset[] limits)
        {
            var size = schedule.Object.Size;
            var storageClass = schedule.Object.StorageClass;
            var removed = false;
            foreach (var action in schedule.Actions)
            {
                if (action.Kind == ScheduledActionKind.Transition && action.StorageClass is { } target)
                {
                    if (!string.Equals(target, storageClass, StringComparison.Ordinal))
                    {
                        if (!_moved.TryGetValue(target, out var counts))
                        {
                            counts = (new long[limits.Length], new long[limits.Length]);
                            _moved[target] = counts;
                        }

                        for (var h = 0; h < limits.Length; h++)
                        {
                            if (action.Date <= limits[h])
                            {
                                counts.Objects[h]++;
                                counts.Bytes[h] += size;
                            }
                        }

                        storageClass = target;
                    }

                    continue;
                }

                if (action.Kind is ScheduledActionKind.Delete or ScheduledActionKind.CreateDeleteMarker)
                {
                    // The first removal counts as deleted; after a delete marker the version lives on as noncurrent
                    // (its transitions still count) until a permanent deletion, which ends the schedule.
                    for (var h = 0; h < limits.Length && !removed; h++)
                    {
                        if (action.Date <= limits[h])
                        {
                            _deleted[h]++;
                            _deletedBytes[h] += size;
                        }
                    }

                    removed = true;
                    if (action.Kind == ScheduledActionKind.Delete)
                    {
                        for (var h = 0; h < limits.Length; h++)
                        {
                            if (action.Date <= limits[h])
                            {
                                _permanent[h]++;
                                _permanentBytes[h] += size;
                            }
                        }

                        break;
                    }
                }
            }

            if (schedule.DependsOnTags.Count > 0)
            {
                _tagged++;
                _taggedBytes += size;
                foreach (var rule in schedule.DependsOnTags)
                {
                    var counts = _byRule.GetValueOrDefault(rule);
                    _byRule[rule] = (counts.Objects + 1, counts.Bytes + size);
                }
            }
        }

        public InventoryConfigurationImpact ToImpact() => new()
        {
            Horizons = HorizonDays.Select((days, h) => new InventoryHorizon
            {
                Days = days,
                Deleted = new InventoryCount(_deleted[h], _deletedBytes[h]),
                PermanentlyDeleted = new InventoryCount(_permanent[h], _permanentBytes[h]),
                Transitioned = new SortedDictionary<string, InventoryCount>(
                    _moved.Where(m => m.Value.Objects[h] > 0).ToDictionary(m => m.Key, m => new InventoryCount(m.Value.Objects[h], m.Value.Bytes[h]), StringComparer.Ordinal),
                    StringComparer.Ordinal),
            }).ToValueList(),
            DependsOnTags = new InventoryCount(_tagged, _taggedBytes),
            DependsOnTagsByRule = new SortedDictionary<string, InventoryCount>(
                _byRule.ToDictionary(r => r.Key, r => new InventoryCount(r.Value.Objects, r.Value.Bytes), StringComparer.Ordinal), StringComparer.Ordinal),
        };
    }
}

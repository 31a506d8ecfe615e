using System.Globalization;

namespace LakeCircle.Core.Impact.Inventory;

/// <summary>
/// Turns inventory rows into object versions. A report of current versions only gives one current version per row. A
/// report of all versions lists the versions of one key together (S3 writes the report sorted by key), so the rows of
/// one key are gathered — at most <see cref="MaxVersionsPerKey"/> — and ordered newest first (the current version,
/// then by last-modified time): each noncurrent version became noncurrent when the next newer one was written, and
/// <see cref="ObjectVersion.NewerNoncurrentVersions"/> counts the noncurrent versions above it. A key whose newest
/// listed row is not current (its current version is not in the report) gives noncurrent versions whose noncurrent
/// time is unknown for that row; rows of one key that are not adjacent are read as separate groups.
/// </summary>
internal sealed class VersionGrouper(Action<InventoryVersion> sink, bool listsVersions)
{
    /// <summary>The most versions of one key held at once.</summary>
    public const int MaxVersionsPerKey = 100_000;

    private readonly List<InventoryRow> _group = [];

    /// <summary>Takes the next row of the report.</summary>
    /// <exception cref="InvalidDataException">A key with more than <see cref="MaxVersionsPerKey"/> versions.</exception>
    public void Add(InventoryRow row)
    {
        if (!listsVersions)
        {
            sink(new InventoryVersion(Current(row, isOnlyVersion: true), false));
            return;
        }

        if (_group.Count > 0 && !string.Equals(_group[0].Key, row.Key, StringComparison.Ordinal))
        {
            Flush();
        }

        if (_group.Count == MaxVersionsPerKey)
        {
            throw InventoryReader.Malformed(row.File, row.Line, null, string.Create(
                CultureInfo.InvariantCulture, $"key '{row.Key}' has more than {MaxVersionsPerKey} versions listed together; the impact reads at most that many per key"));
        }

        _group.Add(row);
    }

    /// <summary>Gives out the versions of the last key.</summary>
    public void Complete() => Flush();

    private void Flush()
    {
        if (_group.Count == 0)
        {
            return;
        }

        if (_group.Count > 1)
        {
            // Stable: rows already newest first (as S3 lists versions) stay in their order.
            var ordered = _group.OrderByDescending(r => r.IsLatest).ThenByDescending(r => r.LastModified).ToList();
            _group.Clear();
            _group.AddRange(ordered);
        }

        var newerNoncurrent = 0;
        for (var i = 0; i < _group.Count; i++)
        {
            var row = _group[i];
            if (i == 0 && row.IsLatest)
            {
                sink(new InventoryVersion(Current(row, isOnlyVersion: _group.Count == 1), false));
                continue;
            }

            if (i == 0)
            {
                sink(new InventoryVersion(Noncurrent(row, null, 0), true));
                newerNoncurrent++;
                continue;
            }

            sink(new InventoryVersion(Noncurrent(row, _group[i - 1].LastModified, newerNoncurrent), false));
            newerNoncurrent++;
        }

        _group.Clear();
    }

    private static ObjectVersion Current(InventoryRow row, bool isOnlyVersion) => new()
    {
        Key = row.Key,
        Size = row.Size,
        Tags = null,
        Created = row.LastModified,
        IsCurrent = true,
        IsDeleteMarker = row.IsDeleteMarker,
        IsOnlyVersion = isOnlyVersion,
        StorageClass = row.StorageClass,
    };

    private static ObjectVersion Noncurrent(InventoryRow row, DateTimeOffset? since, int newerNoncurrent) => new()
    {
        Key = row.Key,
        Size = row.Size,
        Tags = null,
        Created = row.LastModified,
        IsCurrent = false,
        NoncurrentSince = since,
        NewerNoncurrentVersions = newerNoncurrent,
        IsDeleteMarker = row.IsDeleteMarker,
        StorageClass = row.StorageClass,
    };
}

using System.Globalization;
using LakeCircle.Core.Gateways;
using LakeCircle.Core.Locking;
using LakeCircle.Core.Sync;

namespace LakeCircle.Core.Archive;

/// <summary>Finding versions under <c>history/</c>: list, read by time or key, and "as of" a time.</summary>
internal sealed partial class ConfigurationArchive
{
    /// <summary>The buckets that have at least one history version, in name order.</summary>
    public async Task<IReadOnlyList<string>> ListHistoryBucketsAsync(CancellationToken cancellationToken = default)
    {
        var keys = await _store.ListAsync(HistoryFolder, cancellationToken).ConfigureAwait(false);
        return keys.Select(ParseHistoryKey).OfType<HistoryVersion>().Select(v => v.Bucket)
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>A bucket's history versions, newest first. Files whose names are not time stamps are left out.</summary>
    public async Task<IReadOnlyList<HistoryVersion>> ListHistoryAsync(string bucket, CancellationToken cancellationToken = default)
    {
        var folder = $"{HistoryFolder}{CheckBucket(bucket)}/";
        var keys = await _store.ListAsync(folder, cancellationToken).ConfigureAwait(false);
        return keys.Select(ParseHistoryKey).OfType<HistoryVersion>()
            .Where(v => v.Bucket == bucket)
            .OrderByDescending(v => v.CapturedAt)
            .ToList();
    }

    /// <summary>
    /// Reads one version of a bucket, named by its key (<c>history/b/20260314T091500.250Z.json</c>), its file name,
    /// its time stamp (<c>20260314T091500.250Z</c>) or an ISO 8601 time equal to it to the millisecond.
    /// </summary>
    /// <returns>The version, or <see langword="null"/> when there is none so named.</returns>
    /// <exception cref="ArgumentException">The text is none of those forms, or a key of another bucket.</exception>
    public Task<ArchivedConfiguration?> ReadVersionAsync(string bucket, string timeOrKey, CancellationToken cancellationToken = default)
    {
        CheckBucket(bucket);
        ArgumentException.ThrowIfNullOrWhiteSpace(timeOrKey);
        var text = timeOrKey.Trim();
        if (text.Contains('/', StringComparison.Ordinal))
        {
            var version = ParseHistoryKey(text);
            return version is not null && version.Bucket == bucket
                ? ReadAsync(version.Key, cancellationToken)
                : throw new ArgumentException($"'{text}' is not a history key of bucket '{bucket}'.", nameof(timeOrKey));
        }

        var stamp = text.EndsWith(Extension, StringComparison.Ordinal) ? text[..^Extension.Length] : text;
        if (ArchiveTime.TryParse(stamp, out var time)
            || DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out time))
        {
            return ReadVersionAsync(bucket, time, cancellationToken);
        }

        throw new ArgumentException(
            $"'{text}' is neither a history key, a time stamp such as 20260314T091500.250Z, nor an ISO 8601 time.", nameof(timeOrKey));
    }

    /// <summary>Reads the version of a bucket captured at a time (to the millisecond), or <see langword="null"/>.</summary>
    public Task<ArchivedConfiguration?> ReadVersionAsync(string bucket, DateTimeOffset capturedAt, CancellationToken cancellationToken = default) =>
        ReadAsync(HistoryKey(CheckBucket(bucket), ArchiveTime.Truncate(capturedAt)), cancellationToken);

    /// <summary>The newest version of a bucket captured at or before <paramref name="time"/>, or <see langword="null"/>.</summary>
    public async Task<HistoryVersion?> FindAsOfAsync(string bucket, DateTimeOffset time, CancellationToken cancellationToken = default)
    {
        var versions = await ListHistoryAsync(bucket, cancellationToken).ConfigureAwait(false);
        return versions.FirstOrDefault(v => v.CapturedAt <= time);
    }

    /// <summary>Reads the newest version of a bucket captured at or before <paramref name="time"/>, or <see langword="null"/>.</summary>
    public async Task<ArchivedConfiguration?> ReadAsOfAsync(string bucket, DateTimeOffset time, CancellationToken cancellationToken = default)
    {
        var version = await FindAsOfAsync(bucket, time, cancellationToken).ConfigureAwait(false);
        return version is null ? null : await ReadAsync(version.Key, cancellationToken).ConfigureAwait(false);
    }

    private static HistoryVersion? ParseHistoryKey(string key)
    {
        if (!key.StartsWith(HistoryFolder, StringComparison.Ordinal) || !key.EndsWith(Extension, StringComparison.Ordinal))
        {
            return null;
        }

        var parts = key[HistoryFolder.Length..^Extension.Length].Split('/');
        return parts.Length == 2 && parts[0].Length > 0 && ArchiveTime.TryParse(parts[1], out var time)
            ? new HistoryVersion(parts[0], time, key)
            : null;
    }
}

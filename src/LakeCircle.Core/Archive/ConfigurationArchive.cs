using LakeCircle.Core.Gateways;
using LakeCircle.Core.Locking;
using LakeCircle.Core.Model;
using LakeCircle.Core.Rendering;
using LakeCircle.Core.Sync;
using LakeCircle.Core.Validation;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace LakeCircle.Core.Archive;

/// <summary>
/// The saved lifecycle configurations of an endpoint: <c>previous/&lt;bucket&gt;.json</c> (the one replaced by the
/// latest change), <c>history/&lt;bucket&gt;/&lt;yyyyMMddTHHmmss.fffZ&gt;.json</c> (every one replaced, kept) and
/// <c>current/&lt;bucket&gt;.json</c> (the one last written). Files are <see cref="ArchivedConfiguration"/> envelopes.
/// </summary>
internal sealed partial class ConfigurationArchive
{
    /// <summary>The folder of the latest replaced configurations.</summary>
    public const string PreviousFolder = "previous/";

    /// <summary>The folder of every replaced configuration, one subfolder per bucket.</summary>
    public const string HistoryFolder = "history/";

    /// <summary>The folder of the configurations last written.</summary>
    public const string CurrentFolder = "current/";

    private const string Extension = ".json";
    private readonly IEndpointStore _store;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    /// <summary>Creates the archive of an endpoint.</summary>
    /// <param name="store">The store at the endpoint base.</param>
    /// <param name="time">The clock for <see cref="SaveCurrentAsync"/>; the system clock by default.</param>
    /// <param name="logger">Receives an event per save; none by default.</param>
    public ConfigurationArchive(IEndpointStore store, TimeProvider? time = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        _store = store;
        _time = time ?? TimeProvider.System;
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>
    /// Saves a configuration as replaced, in one step: to <c>history/</c>, then to <c>previous/</c>. For seeding or importing an archive; a writing run saves in two steps instead
    /// (<see cref="SaveHistoryAsync"/> before its write, <see cref="RecordWriteAsync"/> once it knows the write's fate).
    /// </summary>
    /// <param name="bucket">The bucket.</param>
    /// <param name="old">Its configuration now, or <see langword="null"/> when it has none.</param>
    /// <param name="at">When it was read; the version's name (cut to milliseconds, UTC).</param>
    /// <param name="reason"><see cref="ArchiveReasons.BeforeSync"/> or <see cref="ArchiveReasons.BeforeRollback"/>.</param>
    /// <param name="cancellationToken">Cancels the saves.</param>
    /// <returns>The history version written.</returns>
    /// <exception cref="IOException">A write failed; the message names the bucket and the file.</exception>
    public async Task<HistoryVersion> SavePreviousAsync(
        string bucket, LifecycleConfiguration? old, DateTimeOffset at, string reason = ArchiveReasons.BeforeSync, CancellationToken cancellationToken = default)
    {
        CheckBucket(bucket);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        var capturedAt = ArchiveTime.Truncate(at);
        var content = ArchiveFile.Serialize(new ArchivedConfiguration { Bucket = bucket, CapturedAt = capturedAt, Reason = reason, Configuration = old });
        var version = new HistoryVersion(bucket, capturedAt, HistoryKey(bucket, capturedAt));
        await SaveAsync(bucket, version.Key, content, cancellationToken).ConfigureAwait(false);
        await SaveAsync(bucket, PreviousKey(bucket), content, cancellationToken).ConfigureAwait(false);
        _logger.PreviousSaved(bucket, _store.Describe(PreviousKey(bucket)), _store.Describe(version.Key));
        return version;
    }

    /// <summary>
    /// Saves the configuration a run is about to replace to <c>history/&lt;bucket&gt;/&lt;UTC time&gt;.json</c> only:
    /// <c>previous/</c> follows once the write went through (<see cref="RecordWriteAsync"/>), so a refused write never
    /// makes the configuration still in place look like the one replaced.
    /// </summary>
    /// <param name="bucket">The bucket.</param>
    /// <param name="old">The configuration about to be replaced, or <see langword="null"/> when it has none.</param>
    /// <param name="at">The capture time (UTC, millisecond precision).</param>
    /// <param name="reason">Why: <see cref="ArchiveReasons.BeforeSync"/> or <see cref="ArchiveReasons.BeforeRollback"/>.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The version saved.</returns>
    /// <exception cref="IOException">The file could not be written.</exception>
    public async Task<HistoryVersion> SaveHistoryAsync(
        string bucket, LifecycleConfiguration? old, DateTimeOffset at, string reason, CancellationToken cancellationToken = default)
    {
        CheckBucket(bucket);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        var capturedAt = ArchiveTime.Truncate(at);
        var version = new HistoryVersion(bucket, capturedAt, HistoryKey(bucket, capturedAt));
        var archived = new ArchivedConfiguration { Bucket = bucket, CapturedAt = capturedAt, Reason = reason, Configuration = old };
        await SaveAsync(bucket, version.Key, ArchiveFile.Serialize(archived), cancellationToken).ConfigureAwait(false);
        _logger.HistorySaved(bucket, _store.Describe(version.Key));
        return version;
    }

    /// <summary>
    /// Records what became of the write that was to replace a version saved by <see cref="SaveHistoryAsync"/>: the
    /// history file gets its <c>write</c>; when it was applied, the version also becomes <c>previous/&lt;bucket&gt;.json</c>.
    /// </summary>
    /// <param name="version">The version saved before the write.</param>
    /// <param name="old">The configuration saved in it.</param>
    /// <param name="reason">The reason it was saved with.</param>
    /// <param name="outcome">What became of the write.</param>
    /// <param name="cancellationToken">Cancels the writes.</param>
    /// <returns>A task that completes when the files are written.</returns>
    /// <exception cref="IOException">A file could not be written.</exception>
    public async Task RecordWriteAsync(
        HistoryVersion version, LifecycleConfiguration? old, string reason, WriteOutcome outcome, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(version);
        var archived = new ArchivedConfiguration { Bucket = version.Bucket, CapturedAt = version.CapturedAt, Reason = reason, Configuration = old, Write = outcome };
        var content = ArchiveFile.Serialize(archived);
        await SaveAsync(version.Bucket, version.Key, content, cancellationToken).ConfigureAwait(false);
        if (outcome == WriteOutcome.Applied)
        {
            await SaveAsync(version.Bucket, PreviousKey(version.Bucket), content, cancellationToken).ConfigureAwait(false);
            _logger.PreviousSaved(version.Bucket, _store.Describe(PreviousKey(version.Bucket)), _store.Describe(version.Key));
        }
    }

    /// <summary>Saves the configuration just written to a bucket to <c>current/&lt;bucket&gt;.json</c>.</summary>
    /// <param name="bucket">The bucket.</param>
    /// <param name="configuration">What the bucket now holds, or <see langword="null"/> after a delete.</param>
    /// <param name="reason"><see cref="ArchiveReasons.AfterSync"/> or <see cref="ArchiveReasons.AfterRollback"/>.</param>
    /// <param name="cancellationToken">Cancels the save.</param>
    /// <returns>A task that completes when the file is written.</returns>
    /// <exception cref="IOException">The write failed.</exception>
    public async Task SaveCurrentAsync(
        string bucket, LifecycleConfiguration? configuration, string reason = ArchiveReasons.AfterSync, CancellationToken cancellationToken = default)
    {
        CheckBucket(bucket);
        var archived = new ArchivedConfiguration
        {
            Bucket = bucket, CapturedAt = ArchiveTime.Truncate(_time.GetUtcNow()), Reason = reason, Configuration = configuration,
        };
        await SaveAsync(bucket, CurrentKey(bucket), ArchiveFile.Serialize(archived), cancellationToken).ConfigureAwait(false);
        _logger.CurrentSaved(bucket, _store.Describe(CurrentKey(bucket)));
    }

    /// <summary>The configuration the latest change replaced, or <see langword="null"/> when none was saved.</summary>
    public Task<ArchivedConfiguration?> ReadPreviousAsync(string bucket, CancellationToken cancellationToken = default) =>
        ReadAsync(PreviousKey(CheckBucket(bucket)), cancellationToken);

    /// <summary>The configuration last written, or <see langword="null"/> when none was saved.</summary>
    public Task<ArchivedConfiguration?> ReadCurrentAsync(string bucket, CancellationToken cancellationToken = default) =>
        ReadAsync(CurrentKey(CheckBucket(bucket)), cancellationToken);

    /// <summary>Reads an archive file by key, or returns <see langword="null"/> when it does not exist.</summary>
    /// <exception cref="InvalidDataException">The file is not an archive file.</exception>
    public async Task<ArchivedConfiguration?> ReadAsync(string key, CancellationToken cancellationToken = default)
    {
        var bytes = await _store.TryReadAsync(key, cancellationToken).ConfigureAwait(false);
        return bytes is null ? null : ArchiveFile.Deserialize(bytes, _store.Describe(key));
    }

    internal static string PreviousKey(string bucket) => PreviousFolder + bucket + Extension;

    internal static string CurrentKey(string bucket) => CurrentFolder + bucket + Extension;

    internal static string HistoryKey(string bucket, DateTimeOffset capturedAt) =>
        $"{HistoryFolder}{bucket}/{ArchiveTime.ToText(capturedAt)}{Extension}";

    /// <summary>
    /// The bucket, when it is a valid S3 bucket name (<see cref="BucketNames"/>): only such a name becomes part of an
    /// archive key, so no key holds a path separator, a dot segment or a control character.
    /// </summary>
    internal static string CheckBucket(string bucket)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(bucket);
        if (BucketNames.Problem(bucket) is { } problem)
        {
            throw new ArgumentException($"'{SafeText.Escape(bucket)}' is not a bucket name: {problem}", nameof(bucket));
        }

        return bucket;
    }

    private async Task SaveAsync(string bucket, string key, byte[] content, CancellationToken cancellationToken)
    {
        try
        {
            await _store.WriteAsync(key, content, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new IOException($"Could not save the lifecycle configuration of bucket '{bucket}' to {_store.Describe(key)}: {e.Message}", e);
        }
    }
}

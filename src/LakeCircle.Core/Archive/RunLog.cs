using LakeCircle.Core.Gateways;
using LakeCircle.Core.Locking;
using LakeCircle.Core.Model;
using LakeCircle.Core.Sync;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace LakeCircle.Core.Archive;

/// <summary>
/// The run records of an endpoint under <c>log/</c>, one file per run named <c>&lt;UTC start&gt;-&lt;run id&gt;.json</c>
/// so that names sort by time. A run may write its record at the start and again when it finishes (same file).
/// </summary>
internal sealed class RunLog
{
    /// <summary>The folder of the records, relative to the endpoint base.</summary>
    public const string Folder = "log/";

    private readonly IEndpointStore _store;
    private readonly IReadOnlyList<string> _secretValues;
    private readonly ILogger _logger;

    /// <summary>Creates the run log of an endpoint.</summary>
    /// <param name="store">The store at the endpoint base.</param>
    /// <param name="secretValues">Values to mask in messages; the AWS credential variables of the environment by default.</param>
    /// <param name="logger">Receives an event per record written; none by default.</param>
    public RunLog(IEndpointStore store, IEnumerable<string>? secretValues = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        _store = store;
        _secretValues = secretValues?.ToList() ?? SecretScrubber.EnvironmentValues();
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>The key of a run's record: <c>log/&lt;yyyyMMddTHHmmss.fffZ&gt;-&lt;run id&gt;.json</c>.</summary>
    public static string KeyOf(RunRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (!Sync.RunId.IsValid(record.RunId))
        {
            throw new ArgumentException($"The run id '{record.RunId}' may hold only letters, digits, '.', '_' and '-'.", nameof(record));
        }

        return $"{Folder}{ArchiveTime.ToText(record.StartedAt)}-{record.RunId}.json";
    }

    /// <summary>Writes (or rewrites) a run's record, with credentials removed from every message.</summary>
    /// <returns>The record's key.</returns>
    public async Task<string> WriteAsync(RunRecord record, CancellationToken cancellationToken = default)
    {
        var key = KeyOf(record);
        var clean = record with
        {
            Errors = record.Errors.Select(Scrub).ToValueList(),
            Buckets = record.Buckets.Select(b => b with { Error = b.Error is null ? null : Scrub(b.Error) }).ToValueList(),
        };
        await _store.WriteAsync(key, RecoveryJson.Serialize(clean), cancellationToken).ConfigureAwait(false);
        _logger.RunRecorded(record.RunId, _store.Describe(key));
        return key;
    }

    /// <summary>The keys of the records, newest first.</summary>
    public async Task<IReadOnlyList<string>> ListAsync(CancellationToken cancellationToken = default)
    {
        var keys = await _store.ListAsync(Folder, cancellationToken).ConfigureAwait(false);
        return keys.Where(k => k.EndsWith(".json", StringComparison.Ordinal) && !k[Folder.Length..].Contains('/', StringComparison.Ordinal))
            .OrderDescending(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Reads a record, or returns <see langword="null"/> when there is none with that key.</summary>
    /// <exception cref="InvalidDataException">The file is not a run record.</exception>
    public async Task<RunRecord?> ReadAsync(string key, CancellationToken cancellationToken = default)
    {
        var bytes = await _store.TryReadAsync(key, cancellationToken).ConfigureAwait(false);
        return bytes is null ? null : RecoveryJson.Deserialize<RunRecord>(bytes, _store.Describe(key));
    }

    private string Scrub(string message) => SecretScrubber.Scrub(message, _secretValues);
}

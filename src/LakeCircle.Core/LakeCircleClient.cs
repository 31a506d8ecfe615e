using LakeCircle.Core.Archive;
using LakeCircle.Core.Definitions;
using LakeCircle.Core.Diagnostics;
using LakeCircle.Core.Export;
using LakeCircle.Core.Gateways;
using LakeCircle.Core.Impact;
using LakeCircle.Core.Locking;
using LakeCircle.Core.Model;
using LakeCircle.Core.Planning;
using LakeCircle.Core.Sync;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace LakeCircle.Core;

/// <summary>
/// The one way in: plans an account's lifecycle configurations against its definitions, and applies plans, rolls
/// buckets back, lists their history and frees the endpoint's lock — every write inside the whole safety net (account
/// check, lock, re-check before each write, archive of the old configuration, verification, run record). There is no
/// other public way to write a bucket's lifecycle.
/// </summary>
/// <remarks>
/// Thread-safe: one client may serve several calls at once (writing runs exclude each other through the endpoint's
/// lock). Dispose it to release the SDK clients it created; an <see cref="LakeCircleClientOptions.S3Client"/> or
/// <see cref="LakeCircleClientOptions.Gateway"/> given to it is left open.
/// </remarks>
public sealed class LakeCircleClient : IAsyncDisposable
{
    private readonly LakeCircleClientOptions? _options;
    private readonly ILoggerFactory _loggers;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _opening = new(1, 1);
    private readonly IProgress<RunProgress>? _progress;
    private ClientSettings _settings;
    private ClientSources? _sources;
    private bool _disposed;

    /// <summary>Creates a client; nothing is read until the first call.</summary>
    /// <param name="options">The options, copied and checked now.</param>
    /// <exception cref="ArgumentException">An option out of range, an endpoint that cannot be read, or no account and region to reach S3 with.
    /// (Without an endpoint, only <see cref="ExportAsync"/> and <see cref="SnapshotAsync"/> can be called; the other calls throw
    /// <see cref="InvalidOperationException"/> before reading anything.)</exception>
    public LakeCircleClient(LakeCircleClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _settings = ClientSettings.From(options);
        _options = options;
        _progress = options.Progress;
        _loggers = options.LoggerFactory ?? NullLoggerFactory.Instance;
        _logger = _loggers.CreateLogger("LakeCircle");
    }

    /// <summary>Creates a client over sources given directly (tests, the CLI's own snapshot handling).</summary>
    internal LakeCircleClient(ClientSources sources, LakeCircleClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(sources);
        options ??= new LakeCircleClientOptions();
        _settings = ClientSettings.From(options, sourcesGiven: true);
        _sources = sources;
        _progress = options.Progress;
        _loggers = options.LoggerFactory ?? NullLoggerFactory.Instance;
        _logger = _loggers.CreateLogger("LakeCircle");
    }

    /// <summary>
    /// Computes the plan without writing anything: reads and validates the definitions (and stops there when any is
    /// invalid), lists the account's buckets once, then reads the lifecycle of each managed bucket that exists.
    /// </summary>
    /// <param name="buckets">Only these buckets (each must have a definition); <see langword="null"/> for every defined
    /// bucket. An empty selection selects no bucket (and the plan says so): a computed list that came out empty never
    /// means "everything".</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <returns>The plan, or the problems that stopped it.</returns>
    public async Task<PlanOutcome> PlanAsync(IEnumerable<string>? buckets = null, CancellationToken cancellationToken = default)
    {
        var sources = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var run = _logger.RunScope("DRYRUN", _settings.SettingsFingerprint);
        using var account = _logger.AccountScope(_settings.Account, _settings.Region);
        var progress = BeginRun();
        try
        {
            return Stamped(await PlanBuilder.PlanAsync(sources, Selection(buckets), _settings.ReadConcurrency, _logger, cancellationToken, _settings.Regions).ConfigureAwait(false));
        }
        finally
        {
            progress?.End();
        }
    }

    /// <summary>
    /// Counts what a bucket's current lifecycle configuration and its desired one (its definition's, as a plan computes
    /// it) do to the object versions an S3 Inventory report lists: versions and bytes deleted and moved to each storage
    /// class within 1, 7, 30 and 365 days, the versions whose fate changes, and those a rule with a tag filter might
    /// match (the report has no tags: never guessed). Streams the report (CSV, CSV.gz or Parquet; see
    /// <c>docs/impact.md</c>) in bounded memory; reads the account's configuration of that bucket only, writes nothing.
    /// </summary>
    /// <param name="bucket">The bucket (it must have a definition).</param>
    /// <param name="inventoryPath">The report's <c>manifest.json</c> (or its folder), or one data file.</param>
    /// <param name="options">Column order, time and versioning; defaults when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <returns>The counts.</returns>
    /// <exception cref="InvalidOperationException">The plan stopped (invalid definitions, an unknown bucket) or the bucket could not be read.</exception>
    /// <exception cref="InvalidDataException">The report cannot be read: ORC, a bad manifest, a malformed row (named by file, line and column).</exception>
    /// <exception cref="FileNotFoundException">The report or one of its data files does not exist.</exception>
    public async Task<Impact.Inventory.InventoryImpactReport> ImpactAsync(
        string bucket, string inventoryPath, Impact.Inventory.InventoryImpactOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(bucket);
        ArgumentException.ThrowIfNullOrWhiteSpace(inventoryPath);
        var plan = await PlanAsync([bucket], cancellationToken).ConfigureAwait(false);
        var errors = plan.Diagnostics.Where(d => d.IsError).Select(d => d.ToString()).ToList();
        if (plan.Error is { } error)
        {
            errors.Add(error);
        }

        var bucketPlan = plan.Plan?.Buckets.FirstOrDefault(b => string.Equals(b.Bucket, bucket, StringComparison.Ordinal));
        if (errors.Count > 0 || bucketPlan is null)
        {
            throw new InvalidOperationException(errors.Count > 0 ? string.Join(" ", errors) : $"No plan for bucket '{bucket}'.");
        }

        if (bucketPlan.Status == BucketStatus.Error)
        {
            throw new InvalidOperationException($"Bucket '{bucket}' could not be read: {bucketPlan.Error}");
        }

        if (bucketPlan.Status == BucketStatus.Missing)
        {
            throw new InvalidOperationException($"Bucket '{bucket}' is not in the account.");
        }

        if (bucketPlan.Status == BucketStatus.OtherRegion)
        {
            throw new InvalidOperationException(OtherRegionMessage(bucketPlan, plan.Plan!));
        }

        var current = bucketPlan.Actual ?? LifecycleConfiguration.Empty;
        var desired = bucketPlan.Action switch
        {
            BucketAction.Put => bucketPlan.ConfigurationToPut ?? current,
            BucketAction.Delete => LifecycleConfiguration.Empty,
            _ => current,
        };
        return await Impact.Inventory.InventoryImpact.RunAsync(
            bucket, inventoryPath, current, desired, bucketPlan.HasChanges, options ?? new Impact.Inventory.InventoryImpactOptions(),
            _settings.Time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Plans and applies inside the safety net: one PUT of the whole desired configuration per changed bucket, or one
    /// DELETE when its definition declares no rule. One bucket's failure does not stop the others; a plan beyond
    /// <see cref="LakeCircleClientOptions.MaxChanges"/> or <see cref="LakeCircleClientOptions.MaxDeletions"/> writes nothing.
    /// A definition location that holds no definition file at all (such as a mistyped endpoint) stops the run before
    /// anything is written, not even the lock or the run record (<see cref="RunStatus.Stopped"/>, <see cref="RunOutcome.Error"/>).
    /// </summary>
    /// <param name="buckets">Only these buckets; <see langword="null"/> for every defined bucket; empty for none.</param>
    /// <param name="cancellationToken">Cancels the run; its record is still written and the lock released (writes made stay made).</param>
    /// <returns>What the run did; see <see cref="RunOutcome.Status"/>.</returns>
    /// <exception cref="OperationCanceledException">The run was cancelled (after its record was written).</exception>
    public async Task<RunOutcome> SyncAsync(IEnumerable<string>? buckets = null, CancellationToken cancellationToken = default)
    {
        var sources = await OpenAsync(cancellationToken).ConfigureAwait(false);
        var progress = BeginRun();
        try
        {
            progress?.Stage(RunStage.ReadingDefinitions);
            var definitions = await PreparedDefinitionSource.ReadAsync(sources.Definitions, cancellationToken).ConfigureAwait(false);
            if (definitions.HoldsNoDefinition)
            {
                return Stamped(NothingToSync(definitions.Location, DefinitionLoader.Load(definitions.Documents).Diagnostics));
            }

            return Stamped(await new WritingRun(sources.WithDefinitions(definitions), _settings, _logger).RunAsync(null, Selection(buckets), cancellationToken).ConfigureAwait(false));
        }
        finally
        {
            EndRun(progress, WritingRun.Sync);
        }
    }

    /// <summary>
    /// Applies a plan computed before (by <see cref="PlanAsync"/> or <see cref="PlanRollbackAsync"/>) inside the safety
    /// net. Each bucket is read again just before its write and re-planned when it changed since, so a stale plan never
    /// overwrites a change it did not see. A plan read from a file (<see cref="ReadPlanAsync"/>) is applied exactly
    /// instead: it is refused unless it was made for this client's account, region and endpoint; then, under the lock
    /// and before the first write, every bucket it changes is read again, and when any is no longer as the plan found it,
    /// nothing is written (<see cref="RunStatus.Stopped"/>); a bucket that changes after that check is refused, never
    /// re-planned.
    /// </summary>
    /// <param name="plan">The plan; a plan that stopped (no <see cref="PlanOutcome.Plan"/>) is recorded and writes nothing; a
    /// plan made from a definition location without any definition is refused as <see cref="SyncAsync"/> refuses it.</param>
    /// <param name="cancellationToken">Cancels the run; its record is still written and the lock released.</param>
    /// <returns>What the run did.</returns>
    /// <exception cref="OperationCanceledException">The run was cancelled (after its record was written).</exception>
    public async Task<RunOutcome> ApplyAsync(PlanOutcome plan, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var sources = await OpenAsync(cancellationToken).ConfigureAwait(false);
        if (plan.NoDefinitionsUnder is { } location)
        {
            return Stamped(NothingToSync(location, plan.Diagnostics));
        }

        var progress = BeginRun();
        try
        {
            return Stamped(await new WritingRun(sources, _settings, _logger).RunAsync(plan, null, cancellationToken).ConfigureAwait(false));
        }
        finally
        {
            EndRun(progress, plan.IsRollback ? WritingRun.Rollback : WritingRun.Sync);
        }
    }

    /// <summary>
    /// Writes a plan to a plan file (the format of <c>lakecircle dryrun --out</c>, docs/cli.md "Saved plans"): each
    /// changed bucket's desired configuration and the fingerprint of the actual configuration it was computed from, the
    /// other buckets, the definitions' fingerprint, the account, region and endpoint, the version and the time. No
    /// credentials. <see cref="ReadPlanAsync"/> reads it back, and <see cref="ApplyAsync"/> applies exactly that.
    /// </summary>
    /// <param name="plan">A complete plan from <see cref="PlanAsync"/> (<see cref="PlanOutcome.Succeeded"/>).</param>
    /// <param name="destination">Where the file's bytes go (left open).</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>What identifies the file written: its SHA-256, time, version and endpoint.</returns>
    /// <exception cref="ArgumentException">The plan has errors (it did not succeed), or is a rollback plan.</exception>
    public async Task<SavedPlan> SavePlanAsync(PlanOutcome plan, Stream destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(destination);
        var sources = await OpenAsync(cancellationToken).ConfigureAwait(false);
        var endpoint = sources.Endpoint.Location.ToString();
        var createdAt = plan.Saved?.CreatedAt ?? _settings.Time.GetUtcNow();
        var version = plan.Saved?.ToolVersion ?? Rendering.JsonEnvelope.CoreVersion;
        var bytes = SavedPlanFile.Serialize(plan, endpoint, createdAt, version);
        await destination.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
        await destination.FlushAsync(cancellationToken).ConfigureAwait(false);
        return new SavedPlan
        {
            Sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)),
            CreatedAt = createdAt,
            ToolVersion = version,
            Endpoint = endpoint,
        };
    }

    /// <summary>
    /// Reads a plan file written by <see cref="SavePlanAsync"/>, strictly: a file of another kind or schema version, a
    /// damaged or edited one (its content no longer matches its content fingerprint, or a bucket's stored plan is not what
    /// its stored configurations give) is refused. Nothing is read from the account; pass the result to
    /// <see cref="ApplyAsync"/>, which applies exactly that plan.
    /// </summary>
    /// <param name="source">The file's bytes (read to the end, left open).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The plan, with <see cref="PlanOutcome.Saved"/> set.</returns>
    /// <exception cref="InvalidDataException">The bytes are not a plan file this version reads, or the file was changed.</exception>
    public static async Task<PlanOutcome> ReadPlanAsync(Stream source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        using var buffer = new MemoryStream();
        await source.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        return SavedPlanFile.Deserialize(buffer.ToArray());
    }

    /// <summary>
    /// Plans putting a stored version of a bucket's configuration back, writing nothing: the configuration from before
    /// the last change that was applied (the newest version in <c>history/</c> that a write replaced and that differs
    /// from the bucket's configuration now), or the newest replaced version captured at or before <paramref name="to"/>.
    /// A version whose write was refused never counts: it is the configuration still in place.
    /// </summary>
    /// <param name="bucket">The bucket.</param>
    /// <param name="to">A time (see <see cref="HistoryEntry.CapturedAt"/>), or <see langword="null"/> for the previous configuration.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <returns>The plan with <see cref="PlanOutcome.RestoredVersion"/>, or why none could be made (<see cref="PlanOutcome.Error"/>).</returns>
    public async Task<PlanOutcome> PlanRollbackAsync(string bucket, DateTimeOffset? to = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(bucket);
        var sources = await OpenAsync(cancellationToken).ConfigureAwait(false);
        var progress = BeginRun();
        try
        {
            return Stamped(await PlanBuilder.PlanRollbackAsync(sources, Archive(sources), bucket, to, cancellationToken).ConfigureAwait(false));
        }
        finally
        {
            EndRun(progress, WritingRun.Rollback);
        }
    }

    /// <summary>
    /// Puts a stored version of a bucket's configuration back (<see cref="PlanRollbackAsync"/>, then the same writing
    /// run as a sync: the configuration it replaces is archived too, so a rollback can itself be rolled back). When the
    /// bucket already has that configuration, nothing is written and no lock is taken.
    /// </summary>
    /// <param name="bucket">The bucket.</param>
    /// <param name="to">A time, or <see langword="null"/> for the previous configuration.</param>
    /// <param name="cancellationToken">Cancels the run; its record is still written and the lock released.</param>
    /// <returns>What the run did; <see cref="RunOutcome.Status"/> is <see cref="RunStatus.Stopped"/> when no version was found.</returns>
    public async Task<RunOutcome> RollbackAsync(string bucket, DateTimeOffset? to = null, CancellationToken cancellationToken = default)
    {
        // One run: the plan and its apply report and count together.
        var progress = BeginRun();
        try
        {
            var plan = await PlanRollbackAsync(bucket, to, cancellationToken).ConfigureAwait(false);
            if (plan.Plan is null || !plan.HasChanges)
            {
                return Stamped(new RunOutcome { RunId = _settings.RunId ?? RunId.New(), Plan = plan.Plan, Error = plan.Error, RestoredVersion = plan.RestoredVersion });
            }

            return await ApplyAsync(plan, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            EndRun(progress, WritingRun.Rollback);
        }
    }

    /// <summary>Lists the stored versions of a bucket's configuration in the endpoint's <c>history/</c>, newest first.</summary>
    /// <param name="bucket">The bucket.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <returns>The versions (empty when there are none).</returns>
    /// <exception cref="IOException">A version could not be read (local endpoint).</exception>
    /// <exception cref="Gateways.S3GatewayException">A version could not be read (S3 endpoint).</exception>
    public async Task<IReadOnlyList<HistoryEntry>> GetHistoryAsync(string bucket, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(bucket);
        var sources = await OpenAsync(cancellationToken).ConfigureAwait(false);
        var archive = Archive(sources);
        var entries = new List<HistoryEntry>();
        foreach (var version in await archive.ListHistoryAsync(bucket, cancellationToken).ConfigureAwait(false))
        {
            var stored = await archive.ReadAsync(version.Key, cancellationToken).ConfigureAwait(false);
            entries.Add(stored is null
                ? new HistoryEntry { Bucket = bucket, CapturedAt = version.CapturedAt, Reason = "?", Location = sources.Endpoint.Describe(version.Key) }
                : PlanBuilder.ToEntry(stored, sources.Endpoint.Describe(version.Key)));
        }

        return entries;
    }

    /// <summary>
    /// Reads the newest run record of the endpoint (<c>log/</c>: one per sync or rollback that got as far as its lock)
    /// and sums up what it says: when, applied, failed, pending. Writes nothing.
    /// </summary>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <returns>The summary, or <see langword="null"/> when the endpoint has no run record.</returns>
    /// <exception cref="InvalidDataException">The newest record is not a run record.</exception>
    /// <exception cref="IOException">The record could not be read (local endpoint).</exception>
    /// <exception cref="Gateways.S3GatewayException">The record could not be read (S3 endpoint).</exception>
    public async Task<RunReport?> GetLatestRunAsync(CancellationToken cancellationToken = default)
    {
        var sources = await OpenAsync(cancellationToken).ConfigureAwait(false);
        var log = new RunLog(sources.Endpoint, _settings.SecretValues, _logger);
        foreach (var key in await log.ListAsync(cancellationToken).ConfigureAwait(false))
        {
            if (await log.ReadAsync(key, cancellationToken).ConfigureAwait(false) is not { } record)
            {
                continue;
            }

            var planned = record.Buckets.Where(b => b.PlannedAction != BucketAction.None).ToList();
            var applied = planned.Count(b => b.Result is RunBucketResult.Applied or RunBucketResult.AppliedNotVisible);
            var failed = planned.Count(b => b.Result is RunBucketResult.Failed);
            return new RunReport
            {
                RunId = record.RunId,
                Action = record.Action,
                StartedAt = record.StartedAt,
                FinishedAt = record.FinishedAt,
                Succeeded = record.Succeeded,
                Account = record.Account,
                Region = record.Region,
                Planned = planned.Count,
                Applied = applied,
                Failed = failed,
                Pending = planned.Count - applied - failed,
                Errors = record.Errors,
                Location = sources.Endpoint.Describe(key),
            };
        }

        return null;
    }

    /// <summary>
    /// Explains what the bucket's lifecycle does to one object version: its schedule under the configuration the bucket
    /// has now and under the one a sync would leave (<see cref="LifecycleEvaluator"/>), each step with the rule that
    /// decides it. Plans the one bucket as <see cref="PlanAsync"/> does (writing nothing); a bucket of the account
    /// without a definition gets only its current schedule.
    /// </summary>
    /// <param name="bucket">The bucket.</param>
    /// <param name="version">The object version (its tags <see langword="null"/> when unknown: rules with tag filters are then left out and named).</param>
    /// <param name="versioning">The bucket's versioning state.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <returns>The explanation, or why there is none (<see cref="ObjectExplanation.Error"/>).</returns>
    public async Task<ObjectExplanation> ExplainAsync(
        string bucket, ObjectVersion version, BucketVersioning versioning = BucketVersioning.Unversioned, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(bucket);
        ArgumentNullException.ThrowIfNull(version);
        var explanation = new ObjectExplanation { Bucket = bucket, Object = version, Versioning = versioning, Status = BucketStatus.Error };
        var outcome = await PlanAsync([bucket], cancellationToken).ConfigureAwait(false);
        var errors = outcome.Diagnostics.Where(d => d.IsError).ToList();
        var undefined = errors.Count > 0 && errors.All(d => string.Equals(d.Field, DefinitionSelection.Field, StringComparison.Ordinal));
        if (undefined)
        {
            return await ExplainUnmanagedAsync(explanation with { Diagnostics = outcome.Diagnostics.Where(d => !d.IsError).ToValueList() }, cancellationToken).ConfigureAwait(false);
        }

        explanation = explanation with { Diagnostics = outcome.Diagnostics };
        if (errors.Count > 0)
        {
            return explanation with { Error = $"{errors.Count} {(errors.Count == 1 ? "problem" : "problems")} in the definitions: {errors[0]}" };
        }

        if (outcome.Error is { } error)
        {
            return explanation with { Error = error };
        }

        var plan = outcome.Plan?.Buckets.FirstOrDefault(b => string.Equals(b.Bucket, bucket, StringComparison.Ordinal));
        switch (plan?.Status)
        {
            case null:
                return explanation with { Error = $"The bucket '{bucket}' was not planned." };
            case BucketStatus.Missing:
                return explanation with { Status = BucketStatus.Missing, Error = $"The bucket '{bucket}' is defined but not in the account." };
            case BucketStatus.Error:
                return explanation with { Error = $"Could not read the lifecycle configuration of '{bucket}': {plan.Error}" };
            case BucketStatus.OtherRegion:
                return explanation with { Status = BucketStatus.OtherRegion, Error = OtherRegionMessage(plan, outcome.Plan!) };
        }

        var current = plan.Actual ?? LifecycleConfiguration.Empty;
        var desired = plan.Action switch
        {
            BucketAction.Put => plan.ConfigurationToPut ?? current,
            BucketAction.Delete => LifecycleConfiguration.Empty,
            _ => current,
        };
        return explanation with
        {
            Status = plan.Status,
            Current = LifecycleEvaluator.Evaluate(current, version, versioning),
            Desired = LifecycleEvaluator.Evaluate(desired, version, versioning),
        };
    }

    /// <summary>A bucket without a definition: its current schedule when it is in the account, else why not.</summary>
    private async Task<ObjectExplanation> ExplainUnmanagedAsync(ObjectExplanation explanation, CancellationToken cancellationToken)
    {
        var sources = await OpenAsync(cancellationToken).ConfigureAwait(false);
        var bucket = explanation.Bucket;
        try
        {
            // The whole account: an unmanaged bucket of any region is explained (its calls go to its region).
            var buckets = await sources.Account.ListWithRegionsAsync(cancellationToken).ConfigureAwait(false);
            if (!buckets.Any(b => string.Equals(b.Name, bucket, StringComparison.Ordinal)))
            {
                return explanation with { Status = BucketStatus.Missing, Error = $"The bucket '{bucket}' is not in the account and has no definition." };
            }

            var configuration = await sources.Account.GetLifecycleAsync(bucket, cancellationToken).ConfigureAwait(false);
            return explanation with
            {
                Status = BucketStatus.Unmanaged,
                Current = LifecycleEvaluator.Evaluate(configuration ?? LifecycleConfiguration.Empty, explanation.Object, explanation.Versioning),
            };
        }
        catch (S3GatewayException e)
        {
            return explanation with { Error = $"Could not read the bucket '{bucket}': {e.Message}" };
        }
    }

    /// <summary>
    /// Tells who holds the endpoint's lock; with <paramref name="force"/>, removes it whoever holds it (only when no
    /// writing run goes on, such as after a crash).
    /// </summary>
    /// <param name="force">Remove the lock.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <returns>What was found, or removed.</returns>
    public async Task<UnlockOutcome> UnlockAsync(bool force = false, CancellationToken cancellationToken = default)
    {
        var sources = await OpenAsync(cancellationToken).ConfigureAwait(false);
        var runLock = new RunLock(sources.Endpoint, _settings.Time, _settings.LockTimeToLive, _settings.Owner, _logger);
        var location = sources.Endpoint.Describe(RunLock.Key);
        if (force)
        {
            var removed = await runLock.ForceUnlockAsync(cancellationToken).ConfigureAwait(false);
            return new UnlockOutcome { Status = UnlockStatus.Removed, Location = location, Holder = removed?.ToString() };
        }

        try
        {
            var holder = await runLock.ReadAsync(cancellationToken).ConfigureAwait(false);
            return new UnlockOutcome { Status = holder is null ? UnlockStatus.NoLock : UnlockStatus.Held, Location = location, Holder = holder?.ToString() };
        }
        catch (InvalidDataException e)
        {
            return new UnlockOutcome { Status = UnlockStatus.Unreadable, Location = location, Problem = e.Message };
        }
    }

    /// <summary>
    /// Checks definition files without reaching any account: TOML or JSON syntax, keys, types and the rules S3 enforces, every
    /// problem at once with its file, line and field.
    /// </summary>
    /// <param name="paths">Definition files or folders (searched recursively for <c>*.toml</c> and <c>*.json</c>; any other
    /// file of a folder is named in a warning).</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <returns>The problems and the configuration each bucket declares; a path that cannot be read is a problem too.</returns>
    public static async Task<ValidationOutcome> ValidateAsync(IEnumerable<string> paths, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var documents = new List<DefinitionDocument>();
        var unreadable = new List<Diagnostic>();
        foreach (var path in paths)
        {
            try
            {
                documents.AddRange(await new LocalDefinitionSource(path).ReadAsync(cancellationToken).ConfigureAwait(false));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                unreadable.Add(new Diagnostic { Location = new SourceLocation(path), Message = e.Message });
            }
        }

        var set = DefinitionLoader.Load(documents);
        var buckets = new SortedDictionary<string, LifecycleConfiguration>(StringComparer.Ordinal);
        foreach (var bucket in set.Buckets)
        {
            buckets[bucket.Bucket] = bucket.Configuration;
        }

        return new ValidationOutcome { Diagnostics = unreadable.Concat(set.Diagnostics).ToValueList(), Buckets = buckets };
    }

    /// <summary>Releases the SDK clients the client created.</summary>
    /// <returns>A task that completes when they are released.</returns>
    public ValueTask DisposeAsync()
    {
        if (!_disposed)
        {
            _disposed = true;
            if (_options is not null)
            {
                _sources?.Dispose();
            }

            _opening.Dispose();
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>A sync refused because its definition location holds no definition: nothing is read from the account or written.</summary>
    private RunOutcome NothingToSync(string location, IEnumerable<Diagnostic> warnings)
    {
        using var run = _logger.RunScope(WritingRun.Sync, _settings.SettingsFingerprint);
        var error = EmptyDefinitions.SyncError(location);
        var diagnostics = warnings.Where(d => !d.IsError && !string.Equals(d.Message, EmptyDefinitions.PlanWarning(location).Message, StringComparison.Ordinal)).ToValueList();
        foreach (var warning in diagnostics)
        {
            PlanBuilder.LogDiagnostic(_logger, warning);
        }

        _logger.DefinitionProblem(error);
        return new RunOutcome { RunId = _settings.RunId ?? RunId.New(), Diagnostics = diagnostics, Error = error };
    }

    /// <summary>
    /// Starts the progress and the call counting of a run (<see cref="RunReporter"/>), or <see langword="null"/> inside
    /// a run already (a rollback's plan and apply are one run). End it in a <c>finally</c>.
    /// </summary>
    private RunReporter? BeginRun() => RunReporter.Begin(_progress, _logger, _settings.Time);

    /// <summary>Ends a run begun by <see cref="BeginRun"/>, its last events in the scopes of <paramref name="action"/>'s run and account.</summary>
    private void EndRun(RunReporter? progress, string action)
    {
        if (progress is null)
        {
            return;
        }

        using var run = _logger.RunScope(action, _settings.SettingsFingerprint);
        using var account = _logger.AccountScope(_settings.Account, _settings.Region);
        progress.End();
    }

    /// <summary>Why a bucket outside the run's regions is not read: its region and the run's.</summary>
    private static string OtherRegionMessage(BucketPlan bucket, AccountPlan plan) =>
        $"The bucket '{bucket.Bucket}' is in region {bucket.Region}, outside this run's regions ({string.Join(", ", plan.Regions)}): it is not read.";

    /// <summary>The outcome with the account and region it is for (known once the sources are open).</summary>
    private PlanOutcome Stamped(PlanOutcome outcome) => outcome with { Account = _settings.Account, Region = _settings.Region };

    private RunOutcome Stamped(RunOutcome outcome) => outcome with { Account = _settings.Account, Region = _settings.Region };

    private ConfigurationArchive Archive(ClientSources sources) => new(sources.Endpoint, _settings.Time, _logger);

    private async Task<ClientSources> OpenAsync(CancellationToken cancellationToken, bool needsEndpoint = true)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (needsEndpoint && _options is not null && _settings.Endpoint is null && _options.InMemoryEndpoint is null)
        {
            // Before anything is read: definitions, lock, archive and run records all live at the endpoint.
            throw new InvalidOperationException(NoEndpointStore.Message);
        }

        if (Volatile.Read(ref _sources) is { } open)
        {
            return open;
        }

        await _opening.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_sources is null)
            {
                var sources = await ClientSources.CreateAsync(_options!, _settings, _loggers, cancellationToken).ConfigureAwait(false);
                _settings = _settings with { Account = _settings.Account ?? sources.KnownAccount, Region = _settings.Region ?? sources.KnownRegion };
                Volatile.Write(ref _sources, sources);
            }

            return _sources;
        }
        finally
        {
            _opening.Release();
        }
    }

    /// <summary>The bucket selection: <see langword="null"/> for every defined bucket; an empty one selects none.</summary>
    private static IReadOnlyList<string>? Selection(IEnumerable<string>? buckets) =>
        buckets?.Where(b => !string.IsNullOrWhiteSpace(b)).Distinct(StringComparer.Ordinal).ToArray();

    /// <summary>
    /// Writes the account's lifecycle configurations as definitions, one file per bucket that has one
    /// (<c>BUCKET.toml</c>, or <c>BUCKET.json</c>): keys spelled as in the S3 API, rules in the order S3 returns them,
    /// IDs as they are (those S3 generated too), the bucket's <c>TransitionDefaultMinimumObjectSize</c> when set. A
    /// plan over the folder then finds every exported bucket in sync. Reads the account only: no endpoint, no
    /// definitions, no lock. Every bucket is read and every target checked before the first write: either all files are
    /// written or none. The same account gives byte-identical files (the header names the account, region and
    /// generator, not the time).
    /// </summary>
    /// <param name="folder">The folder to write to (created when missing).</param>
    /// <param name="options">Which buckets, the format, and whether empty buckets and existing files are written; defaults when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the reads and the writes (files already written stay).</param>
    /// <returns>The files written, the buckets listed as without lifecycle, and why nothing was written when so.</returns>
    /// <exception cref="IOException">A file could not be written.</exception>
    /// <exception cref="UnauthorizedAccessException">The folder or a file may not be written.</exception>
    public async Task<ExportOutcome> ExportAsync(string folder, ExportOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        options ??= new ExportOptions();
        var sources = await OpenAsync(cancellationToken, needsEndpoint: false).ConfigureAwait(false);
        using var account = _logger.AccountScope(_settings.Account, _settings.Region);
        return await AccountExporter.ExportAsync(
            sources.Account, folder, options with { Buckets = Selection(options.Buckets) }, _settings.Account, _settings.Region, _settings.ReadConcurrency, _logger, cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>
    /// Captures the account's lifecycle configurations in a snapshot file (the format of
    /// <see cref="LakeCircleClientOptions.SnapshotPath"/>, which reads it back exactly): every bucket, or the named
    /// ones, with its configuration or <c>null</c>. For offline review, tests, and comparing an account over time: the
    /// same account gives a byte-identical file. Reads the account only (no endpoint); the file is written atomically.
    /// </summary>
    /// <param name="path">The snapshot file.</param>
    /// <param name="buckets">Only these buckets (each must exist); <see langword="null"/> for every bucket of the account.</param>
    /// <param name="overwrite">Whether an existing file is replaced (otherwise it stops the snapshot, nothing written).</param>
    /// <param name="cancellationToken">Cancels the reads and the write.</param>
    /// <returns>The buckets captured, or why nothing was written.</returns>
    /// <exception cref="IOException">The file could not be written.</exception>
    /// <exception cref="UnauthorizedAccessException">The file may not be written.</exception>
    public async Task<SnapshotOutcome> SnapshotAsync(string path, IEnumerable<string>? buckets = null, bool overwrite = false, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var sources = await OpenAsync(cancellationToken, needsEndpoint: false).ConfigureAwait(false);
        using var account = _logger.AccountScope(_settings.Account, _settings.Region);
        return await AccountExporter.SnapshotAsync(
            sources.Account, path, Selection(buckets), overwrite, _settings.Account, _settings.Region, _settings.ReadConcurrency, _logger, cancellationToken)
            .ConfigureAwait(false);
    }
}

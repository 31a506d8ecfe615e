using LakeCircle.Core.Definitions;
using LakeCircle.Core.Diagnostics;
using LakeCircle.Core.Gateways;
using LakeCircle.Core.Model;
using LakeCircle.Core.Planning;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace LakeCircle.Core.Workflows;

/// <summary>
/// The DRYRUN and SYNC workflows: load the definitions and the account's lifecycles, compute a pure plan, then
/// show it (<see cref="PlanAsync"/>) or apply it (<see cref="SyncAsync"/>).
/// </summary>
public sealed class LifecycleWorkflow
{
    private readonly IS3Gateway _gateway;
    private readonly IDefinitionSource _definitions;
    private readonly ILogger _logger;
    private readonly WorkflowSettings _settings;
    private readonly IBucketWriteObserver _observer;
    private readonly IBucketPlanRefresher? _refresher;

    /// <summary>Creates a workflow.</summary>
    /// <param name="gateway">The account whose lifecycles are read and written.</param>
    /// <param name="definitions">Where the TOML definitions are read from.</param>
    /// <param name="logger">The logger, or <see langword="null"/> for none.</param>
    /// <param name="options">The options (copied now), or <see langword="null"/> for the defaults.</param>
    /// <exception cref="ArgumentOutOfRangeException">A concurrency below 1 or a negative limit.</exception>
    public LifecycleWorkflow(IS3Gateway gateway, IDefinitionSource definitions, ILogger<LifecycleWorkflow>? logger = null, WorkflowOptions? options = null)
        : this(gateway, definitions, logger, options, DefaultObserver(gateway, options))
    {
    }

    internal LifecycleWorkflow(
        IS3Gateway gateway,
        IDefinitionSource definitions,
        ILogger? logger,
        WorkflowOptions? options,
        IBucketWriteObserver observer,
        IBucketPlanRefresher? refresher = null)
    {
        ArgumentNullException.ThrowIfNull(gateway);
        ArgumentNullException.ThrowIfNull(definitions);
        ArgumentNullException.ThrowIfNull(observer);
        _gateway = gateway;
        _definitions = definitions;
        _logger = logger ?? NullLogger<LifecycleWorkflow>.Instance;
        _settings = WorkflowSettings.From(options);
        _observer = observer;
        _refresher = refresher;
    }

    /// <summary>
    /// Computes the plan without writing anything: reads and validates the definitions (and stops there when any is
    /// invalid), lists the account's buckets once, then reads the lifecycle of each managed bucket that exists.
    /// </summary>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>The plan, or the problems that stopped the run.</returns>
    public async Task<PlanOutcome> PlanAsync(CancellationToken cancellationToken = default)
    {
        using var run = _logger.RunScope("DRYRUN", _settings.SettingsFingerprint);
        using var account = _logger.AccountScope(_settings.Account, _settings.Region);
        return await PlanCoreAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Computes the plan as <see cref="PlanAsync"/> does, then applies it: one PUT of the whole desired configuration
    /// per changed bucket, or one DELETE when no rule is left. One bucket's failure does not stop the others; a plan
    /// beyond <see cref="WorkflowOptions.MaxChanges"/> or <see cref="WorkflowOptions.MaxDeletions"/> writes nothing.
    /// </summary>
    /// <param name="cancellationToken">Cancels the run (writes already made stay made).</param>
    /// <returns>The plan and each changed bucket's result.</returns>
    public async Task<SyncOutcome> SyncAsync(CancellationToken cancellationToken = default)
    {
        using var run = _logger.RunScope("SYNC", _settings.SettingsFingerprint);
        using var account = _logger.AccountScope(_settings.Account, _settings.Region);
        var planned = await PlanCoreAsync(cancellationToken).ConfigureAwait(false);
        var outcome = SyncOutcome.From(planned);
        if (planned.Plan is null)
        {
            return outcome;
        }

        var writes = planned.Plan.Buckets.Where(b => b.Action != BucketAction.None).ToList();
        var stop = ChangeGuard.Check(planned.Plan, _settings.MaxChanges, _settings.MaxDeletions);
        if (stop is not null)
        {
            _logger.GuardStopped(stop);
            return outcome with { Error = stop, Buckets = PlanApplier.Skip(writes, stop) };
        }

        var applier = new PlanApplier(_gateway, _observer, _logger, _settings.WriteConcurrency, _refresher);
        outcome = outcome with { Buckets = await applier.ApplyAsync(writes, cancellationToken).ConfigureAwait(false) };
        var summary = outcome.Summary;
        _logger.Synced(summary.Applied, summary.AppliedNotVisible, summary.Failed, summary.Skipped);
        return outcome;
    }

    private async Task<PlanOutcome> PlanCoreAsync(CancellationToken cancellationToken)
    {
        var definitions = await LoadAsync(cancellationToken).ConfigureAwait(false);
        var (selected, problems) = DefinitionSelection.Narrow(definitions.Buckets, _settings.Buckets);
        var diagnostics = definitions.Diagnostics.Concat(problems).ToValueList();
        if (diagnostics.Count > 0)
        {
            foreach (var diagnostic in diagnostics)
            {
                _logger.DefinitionProblem(diagnostic.ToString());
            }

            _logger.Stopped(diagnostics.Count);
            return new PlanOutcome { Diagnostics = diagnostics };
        }

        IReadOnlyList<string> accountBuckets;
        try
        {
            accountBuckets = await _gateway.ListBucketsAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (S3GatewayException e)
        {
            _logger.ListFailed(e.Message);
            return new PlanOutcome { Error = "Could not list the account's buckets: " + e.Message };
        }

        var existing = accountBuckets.ToHashSet(StringComparer.Ordinal);
        var managed = selected.Select(d => d.Bucket).ToList();
        _logger.AccountListed(existing.Count, managed.Count(existing.Contains));
        var states = await AccountReader.ReadAsync(_gateway, managed, existing, _settings.ReadConcurrency, _logger, cancellationToken)
            .ConfigureAwait(false);

        // When narrowed to named buckets, the others (defined or not) are out of the run's scope.
        var defined = definitions.Buckets.Select(d => d.Bucket).ToHashSet(StringComparer.Ordinal);
        var unmanaged = _settings.Buckets.Count > 0 ? [] : accountBuckets.Where(b => !defined.Contains(b));
        var desired = selected.ToDictionary(d => d.Bucket, d => d.Configuration, StringComparer.Ordinal);
        var plan = Planner.PlanAccount(desired, states, unmanaged);
        PlanLogging.Write(_logger, plan);
        return new PlanOutcome { Plan = plan };
    }

    /// <summary>
    /// The after-write step the options ask for: read-after-write verification (bounded, or waiting for the write to be
    /// seen consistently), or nothing.
    /// </summary>
    internal static IBucketWriteObserver DefaultObserver(IS3Gateway gateway, WorkflowOptions? options)
    {
        var settings = WorkflowSettings.From(options);
        return (settings.VerifyWrites || settings.WaitForConsistency) && gateway is not null
            ? new WriteVerifier(gateway, VerificationPolicy.From(settings))
            : NoWriteObserver.Instance;
    }

    private async Task<DefinitionSet> LoadAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<DefinitionDocument> documents;
        try
        {
            documents = await _definitions.ReadAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or S3GatewayException)
        {
            var problem = new Diagnostic { Message = "Could not read the definitions: " + e.Message };
            return new DefinitionSet(ValueList<BucketDefinition>.Empty, ValueList.Of(problem));
        }

        var set = DefinitionLoader.Load(documents);
        _logger.DefinitionsLoaded(documents.Count, set.Buckets.Count);
        return set;
    }
}

using LakeCircle.Core.Gateways;
using LakeCircle.Core.Model;
using LakeCircle.Core.Planning;
using LakeCircle.Core.Workflows;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace LakeCircle.Core.Recovery;

/// <summary>
/// Puts a stored version of a bucket's configuration back. <see cref="PlanAsync"/> finds the version (the latest
/// replaced one in <c>previous/</c>, or the newest in <c>history/</c> captured at or before a time) and plans the
/// change without writing; <see cref="ApplyAsync"/> applies it along the SYNC path — account check, lock, re-check,
/// archive with reason <c>before-rollback</c> (so the rollback is itself in history), the extra observer, run record.
/// </summary>
internal sealed class RollbackRunner
{
    /// <summary>The action name in run records.</summary>
    public const string Action = "ROLLBACK";

    private readonly IS3Gateway _gateway;
    private readonly IEndpointStore _endpoint;
    private readonly SafeRunOptions _options;
    private readonly ILogger _logger;

    /// <summary>Creates the runner.</summary>
    /// <param name="gateway">The account.</param>
    /// <param name="endpoint">The store at the endpoint base.</param>
    /// <param name="options">The guards; when <see cref="SafeRunOptions.Observer"/> is unset, read-after-write verification with the
    /// default timeout runs inside the archive.</param>
    /// <param name="logger">The logger; none by default.</param>
    public RollbackRunner(IS3Gateway gateway, IEndpointStore endpoint, SafeRunOptions? options = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(gateway);
        ArgumentNullException.ThrowIfNull(endpoint);
        _gateway = gateway;
        _endpoint = endpoint;
        options ??= new SafeRunOptions();
        _options = options with { Observer = options.Observer ?? LifecycleWorkflow.DefaultObserver(gateway, null) };
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>Finds the version to put back and plans it; writes nothing.</summary>
    /// <param name="bucket">The bucket.</param>
    /// <param name="to">The newest version captured at or before this time; <see langword="null"/> for <c>previous/</c>.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <returns>The plan, or why none could be made.</returns>
    public async Task<RollbackPlan> PlanAsync(string bucket, DateTimeOffset? to = null, CancellationToken cancellationToken = default)
    {
        var archive = new ConfigurationArchive(_endpoint, _options.Time, _logger);
        var version = to is { } time
            ? await archive.ReadAsOfAsync(bucket, time, cancellationToken).ConfigureAwait(false)
            : await archive.ReadPreviousAsync(bucket, cancellationToken).ConfigureAwait(false);
        if (version is null)
        {
            var where = to is { } t ? $"captured at or before {ArchiveTime.ToText(t)} in {EndpointStore.DescribeFolder(_endpoint, $"history/{bucket}/")}" : $"in {_endpoint.Describe(ConfigurationArchive.PreviousKey(bucket))}";
            return new RollbackPlan { Bucket = bucket, Error = $"No stored configuration of bucket '{bucket}' {where}." };
        }

        BucketState state;
        try
        {
            var now = await _gateway.GetLifecycleAsync(bucket, cancellationToken).ConfigureAwait(false);
            state = now is null || now.Rules.Count == 0 ? BucketState.NoLifecycle : BucketState.Configured(now);
        }
        catch (S3GatewayException e)
        {
            var message = e.Kind == S3ErrorKind.NoSuchBucket ? $"The bucket '{bucket}' does not exist." : $"Could not read bucket '{bucket}': {e.Message}";
            return new RollbackPlan { Bucket = bucket, Version = version, Error = message };
        }

        var plan = Planner.PlanBucket(bucket, version.Configuration ?? LifecycleConfiguration.Empty, state);
        return new RollbackPlan { Bucket = bucket, Version = version, Plan = plan };
    }

    /// <summary>Applies a rollback plan inside the guards (nothing is written when it has no changes).</summary>
    /// <param name="rollback">The plan from <see cref="PlanAsync"/>.</param>
    /// <param name="cancellationToken">Cancels the run; its record is still written and the lock released.</param>
    /// <returns>The refusal, or the result, and the run record's key.</returns>
    /// <exception cref="ArgumentException">The rollback has no plan.</exception>
    public Task<SafeRunOutcome> ApplyAsync(RollbackPlan rollback, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rollback);
        var plan = rollback.Plan ?? throw new ArgumentException($"The rollback of '{rollback.Bucket}' has no plan: {rollback.Error}", nameof(rollback));
        return new GuardedRun(_endpoint, _options, _logger).RunAsync(
            Action,
            rollback: true,
            async (observer, token) =>
            {
                var applier = new PlanApplier(_gateway, observer, _logger, 1, new RecheckBeforeWrite(_gateway, _logger));
                var buckets = ValueList.Of(plan);
                var writes = plan.HasChanges ? [plan] : Array.Empty<BucketPlan>();
                return new SyncOutcome
                {
                    Plan = new AccountPlan { Buckets = buckets, Summary = PlanSummary.Of(buckets) },
                    Buckets = await applier.ApplyAsync(writes, token).ConfigureAwait(false),
                };
            },
            cancellationToken);
    }
}

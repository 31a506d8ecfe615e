using LakeCircle.Core.Definitions;
using LakeCircle.Core.Gateways;
using LakeCircle.Core.Workflows;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace LakeCircle.Core.Recovery;

/// <summary>
/// SYNC with its safety net. In order: the account of the credentials is checked (<see cref="CallerGuard"/>); the
/// endpoint's lock is taken (refused, naming the holder, while another run holds it; taken over once lapsed; renewed
/// while the run goes on); the <see cref="LifecycleWorkflow"/> plans and applies, where before each bucket's write the
/// bucket is read again and re-planned if it changed (<see cref="RecheckBeforeWrite"/>), its old configuration is saved
/// to <c>history/</c> and <c>previous/</c> (a failed save leaves the bucket unchanged), the extra observer runs
/// (<see cref="SafeRunOptions.Observer"/>, such as verification), and after it <c>current/</c> is written; finally,
/// also on failure or cancellation, one run record goes to <c>log/</c> and the lock is released.
/// DRYRUN needs none of this: it is <see cref="LifecycleWorkflow.PlanAsync"/>, which writes nothing and takes no lock.
/// </summary>
internal sealed class SafeSyncRunner
{
    /// <summary>The action name in run records.</summary>
    public const string Action = "SYNC";

    private readonly IS3Gateway _gateway;
    private readonly IDefinitionSource _definitions;
    private readonly IEndpointStore _endpoint;
    private readonly WorkflowOptions? _workflow;
    private readonly SafeRunOptions _options;
    private readonly ILogger _logger;

    /// <summary>Creates the runner.</summary>
    /// <param name="gateway">The account whose lifecycles are read and written.</param>
    /// <param name="definitions">Where the definitions are read from.</param>
    /// <param name="endpoint">The store at the endpoint base (<see cref="EndpointStore.For"/> of <c>endpoint.base</c>).</param>
    /// <param name="workflow">The workflow options (buckets, concurrency, change limits); the defaults when <see langword="null"/>.</param>
    /// <param name="options">The guards; when <see cref="SafeRunOptions.Account"/> and <see cref="SafeRunOptions.Region"/> are unset, the
    /// workflow's are used; when <see cref="SafeRunOptions.Observer"/> is unset, the verification the workflow options ask for
    /// (<see cref="WorkflowOptions.VerifyWrites"/>) runs inside the archive.</param>
    /// <param name="logger">The logger; none by default.</param>
    public SafeSyncRunner(
        IS3Gateway gateway, IDefinitionSource definitions, IEndpointStore endpoint, WorkflowOptions? workflow = null, SafeRunOptions? options = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(gateway);
        ArgumentNullException.ThrowIfNull(definitions);
        ArgumentNullException.ThrowIfNull(endpoint);
        _gateway = gateway;
        _definitions = definitions;
        _endpoint = endpoint;
        _workflow = workflow;
        options ??= new SafeRunOptions();
        _options = options with
        {
            Account = options.Account ?? workflow?.Account,
            Region = options.Region ?? workflow?.Region,
            SettingsFingerprint = options.SettingsFingerprint ?? workflow?.SettingsFingerprint,
            Observer = options.Observer ?? LifecycleWorkflow.DefaultObserver(gateway, workflow),
        };
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>Runs the SYNC inside the guards.</summary>
    /// <param name="cancellationToken">Cancels the run; its record is still written and the lock released.</param>
    /// <returns>The refusal, or the plan and per-bucket results, and the run record's key.</returns>
    /// <exception cref="OperationCanceledException">The run was cancelled (after its record was written).</exception>
    public Task<SafeRunOutcome> SyncAsync(CancellationToken cancellationToken = default) =>
        new GuardedRun(_endpoint, _options, _logger).RunAsync(
            Action,
            rollback: false,
            (observer, token) => new LifecycleWorkflow(_gateway, _definitions, _logger, _workflow, observer, new RecheckBeforeWrite(_gateway, _logger))
                .SyncAsync(token),
            cancellationToken);
}

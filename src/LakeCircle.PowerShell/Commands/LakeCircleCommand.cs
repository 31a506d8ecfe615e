using System.Globalization;
using System.Management.Automation;
using LakeCircle.Cli.Configuration;
using LakeCircle.Cli.Running;
using LakeCircle.Core;
using LakeCircle.Core.Diagnostics;
using LakeCircle.Core.Planning;
using LakeCircle.PowerShell.Running;
using Microsoft.Extensions.Logging;

namespace LakeCircle.PowerShell.Commands;

/// <summary>
/// What the cmdlets that reach an endpoint share: the parameters that find the endpoint and the account (each overriding
/// its <c>LCC_*</c> variable, as the command line's flags do), the checked configuration, and the client's calls run off
/// the pipeline thread with their logs and progress written on it.
/// </summary>
public abstract class LakeCircleCommand : PSCmdlet, IDisposable
{
    private readonly CmdletPump _pump = new();
    private ProgressTracker? _progress;
    private LakeCircleClient? _client;
    private bool _disposed;

    /// <summary>The endpoint base: <c>s3://bucket/prefix/</c>, a local folder (relative to the current location) or a <c>file://</c> URI. Overrides <c>LCC_ENDPOINT</c>.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Endpoint { get; set; }

    /// <summary>The 12-digit account ID. Overrides <c>LCC_AWS_ACCOUNT</c>; required unless <c>-Snapshot</c> gives it.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Account { get; set; }

    /// <summary>The region, such as <c>eu-west-1</c>. Overrides <c>LCC_AWS_REGION</c>; required unless <c>-Snapshot</c> gives it.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Region { get; set; }

    /// <summary>The URL of an S3-compatible server. Overrides <c>LCC_S3_ENDPOINT</c>.</summary>
    [Parameter]
    [Alias("ServiceUrl")]
    [ValidateNotNullOrEmpty]
    public string? S3Endpoint { get; set; }

    /// <summary>Path-style addressing on (<c>-PathStyle</c>) or off (<c>-PathStyle:$false</c>); by default on with <c>-S3Endpoint</c>.</summary>
    [Parameter]
    public SwitchParameter PathStyle { get; set; }

    /// <summary>An account snapshot file read instead of S3 (relative to the current location); a sync writes it back. Overrides <c>LCC_SNAPSHOT</c>.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Snapshot { get; set; }

    /// <summary>The lowest level of the library's log events written to the streams. Overrides <c>LCC_APP_LEVEL</c>.</summary>
    [Parameter]
    [ValidateSet("TRACE", "DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL", IgnoreCase = true)]
    public string? LogLevel { get; set; }

    /// <summary>How the progress bars name the command, such as <c>LakeCircle plan</c>.</summary>
    private protected abstract string ActivityName { get; }

    /// <summary>The client opened by <see cref="Open"/>.</summary>
    private protected LakeCircleClient Client => _client ?? throw new InvalidOperationException("The client is not open.");

    /// <summary>The progress derived from the client's logs (after <see cref="Open"/>).</summary>
    private protected ProgressTracker? Progress => _progress;

    /// <summary>Releases the client.</summary>
    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases the client.</summary>
    /// <param name="disposing">Whether called from <see cref="Dispose()"/>.</param>
    protected virtual void Dispose(bool disposing)
    {
        if (!_disposed && disposing)
        {
            _disposed = true;
            _client?.DisposeAsync().AsTask().GetAwaiter().GetResult();
            _pump.Dispose();
        }
    }

    /// <summary>Cancels the client's call in flight (Ctrl+C): a writing run still writes its record and releases the lock.</summary>
    protected override void StopProcessing() => _pump.Stop();

    /// <summary>Whether a parameter was given on this call.</summary>
    /// <param name="name">The parameter name.</param>
    /// <returns><see langword="true"/> when bound.</returns>
    private protected bool IsBound(string name) => MyInvocation.BoundParameters.ContainsKey(name);

    /// <summary>The parameters that find the endpoint and the account, with local paths resolved against the current location.</summary>
    /// <param name="action">The action the settings are checked for.</param>
    /// <returns>The parameters.</returns>
    private protected CommandParameters EndpointParameters(WorkAction action) => new()
    {
        Action = action,
        Endpoint = Endpoint is null ? null : ResolveLocal(Endpoint),
        Account = Account,
        Region = Region,
        S3Endpoint = S3Endpoint,
        Snapshot = Snapshot is null ? null : ResolveLocal(Snapshot),
        LogLevel = LogLevel,
        PathStyle = IsBound(nameof(PathStyle)) ? PathStyle.IsPresent : null,
    };

    /// <summary>
    /// Checks the configuration (the parameters over the <c>LCC_*</c> variables) and opens the client; every problem
    /// ends the command with one terminating error (category InvalidArgument) before anything is read or written.
    /// </summary>
    /// <param name="parameters">The parameters.</param>
    /// <param name="expectedReads">How many buckets will be read, when a selection says so (for the progress bar).</param>
    /// <returns>The checked settings.</returns>
    private protected Settings Open(CommandParameters parameters, int? expectedReads = null)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var environment = ProcessEnvironment();
        var arguments = parameters.ToRunArguments();
        var configuration = Run(token => parameters.LoadAsync(environment, token));
        if (configuration.Errors.Count > 0 || configuration.Settings is null)
        {
            ThrowConfigurationError(configuration.Errors);
        }

        var settings = configuration.Settings!;
        var shown = ShownLevel(settings.AppLevel);
        _progress = new ProgressTracker(ActivityName, expectedReads);
        var router = new StreamRouter(_pump, shown, _progress);
        var loggers = new StreamLoggerFactory(router.Receive, shown);
        try
        {
            _client = new LakeCircleClient(ClientOptions.From(configuration, arguments.PathStyle, arguments.ForceUnlock, loggers));
        }
        catch (ArgumentException e)
        {
            ThrowConfigurationError([e.Message]);
        }

        var payload = configuration.Payload!;
        var logger = loggers.CreateLogger("LakeCircle.PowerShell");
        logger.Starting(settings.AppName, ModuleVersion, parameters.Action == WorkAction.DryRun ? "DRYRUN" : "SYNC", payload.Fingerprint);
        logger.Sources(payload.Require(PayloadKeys.EndpointDefinition), settings.AwsAccount, settings.AwsRegion, ClientOptions.DescribeAccount(configuration));
        foreach (var key in payload.Keys)
        {
            logger.Setting(key, payload.Require(key));
        }

        _pump.Flush(Deliver);
        return settings;
    }

    /// <summary>
    /// Runs one client call off the pipeline thread, writing its logs and progress meanwhile; a stopped pipeline ends
    /// it (the call is cancelled and given time to write its run record).
    /// </summary>
    /// <typeparam name="T">The result type.</typeparam>
    /// <param name="work">The call.</param>
    /// <returns>Its result.</returns>
    private protected T Run<T>(Func<CancellationToken, Task<T>> work)
    {
        try
        {
            return _pump.Run(work, Deliver);
        }
        catch (OperationCanceledException) when (_pump.IsStopping)
        {
            throw new PipelineStoppedException();
        }
        finally
        {
            if (!_pump.IsStopping)
            {
                foreach (var update in _progress?.Close() ?? [])
                {
                    WriteProgress(ToRecord(update));
                }
            }
        }
    }

    /// <summary>
    /// Writes an error record for each error in the definitions or the selection and for an account that could not be
    /// listed (warnings were logged to the warning stream already); returns whether there is a plan.
    /// </summary>
    /// <param name="outcome">The plan's outcome.</param>
    /// <returns><see langword="true"/> when the plan was made.</returns>
    private protected bool ReportPlanProblems(PlanOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        foreach (var diagnostic in outcome.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error))
        {
            WriteError(ErrorRecords.Create(
                diagnostic.ToString(), ErrorRecords.InvalidDefinition, ErrorCategory.InvalidData, (object?)diagnostic.Location?.File ?? diagnostic.Bucket));
        }

        if (outcome.Error is { } error)
        {
            WriteError(ErrorRecords.Create(error, ErrorRecords.AccountUnavailable, ErrorCategory.ResourceUnavailable, null));
        }

        return outcome.Plan is not null;
    }

    /// <summary>Writes an error record for each bucket of the plan whose lifecycle could not be read.</summary>
    /// <param name="plan">The plan.</param>
    private protected void ReportUnreadBuckets(AccountPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        foreach (var bucket in plan.Buckets.Where(b => b.Status == BucketStatus.Error))
        {
            WriteError(ErrorRecords.Create(
                $"{bucket.Bucket}: could not read the lifecycle configuration: {bucket.Error}", ErrorRecords.BucketReadFailed, ErrorCategory.ReadError, bucket.Bucket));
        }
    }

    /// <summary>Resolves a local path against PowerShell's current location (which is not the process's current directory).</summary>
    /// <param name="value">A path, or an <c>s3://</c> or <c>file://</c> URI (returned as it is).</param>
    /// <returns>The absolute path, or the value.</returns>
    private protected string ResolveLocal(string value)
    {
        if (!CommandParameters.IsLocalPath(value))
        {
            return value;
        }

        try
        {
            var resolved = SessionState.Path.GetUnresolvedProviderPathFromPSPath(value.Trim(), out var provider, out _);
            if (provider.ImplementingType == typeof(Microsoft.PowerShell.Commands.FileSystemProvider))
            {
                return resolved;
            }
        }
        catch (Exception e) when (e is ItemNotFoundException or System.Management.Automation.DriveNotFoundException or ProviderNotFoundException or NotSupportedException or ArgumentException or PSInvalidOperationException)
        {
            // Not a path PowerShell can resolve: left to the settings' own check.
        }

        return Path.GetFullPath(value.Trim(), SessionState.Path.CurrentFileSystemLocation.ProviderPath);
    }

    private static string ModuleVersion { get; } =
        typeof(LakeCircleCommand).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
            .OfType<System.Reflection.AssemblyInformationalVersionAttribute>().FirstOrDefault()?.InformationalVersion ?? "unknown";

    /// <summary>The <c>LCC_*</c> variables of the process, with a relative endpoint or snapshot path resolved against the current location.</summary>
    private Dictionary<string, string?> ProcessEnvironment()
    {
        var environment = new Dictionary<string, string?>(SettingsBuilder.ReadProcessEnvironment(), StringComparer.Ordinal);
        foreach (var name in new[] { SettingDefinitions.Endpoint, SettingDefinitions.Snapshot })
        {
            if (environment.TryGetValue(name, out var value) && value is not null && CommandParameters.IsLocalPath(value))
            {
                environment[name] = ResolveLocal(value);
            }
        }

        return environment;
    }

    /// <summary>The lowest level written to a stream: the configured one, or Debug when <c>-Debug</c> (or <c>$DebugPreference</c>) asks for debug messages.</summary>
    private Microsoft.Extensions.Logging.LogLevel ShownLevel(Microsoft.Extensions.Logging.LogLevel configured)
    {
        var debug = MyInvocation.BoundParameters.TryGetValue("Debug", out var value) && value is SwitchParameter { IsPresent: true }
            || GetVariableValue("DebugPreference") is ActionPreference preference && preference != ActionPreference.SilentlyContinue;
        return debug && configured > Microsoft.Extensions.Logging.LogLevel.Debug ? Microsoft.Extensions.Logging.LogLevel.Debug : configured;
    }

    private void ThrowConfigurationError(IReadOnlyList<string> problems)
    {
        var message = string.Join('\n', problems.Select(CommandParameters.SpeakOfParameters)) + "\nNothing was read or written.";
        ThrowTerminatingError(ErrorRecords.Create(
            message,
            ErrorRecords.InvalidConfiguration,
            ErrorCategory.InvalidArgument,
            null,
            "Correct the parameters and LCC_* variables named above (Get-Help " + MyInvocation.MyCommand.Name + " -Parameter *)."));
    }

    private void Deliver(PumpMessage message)
    {
        switch (message.Stream)
        {
            case PumpStream.Debug:
                WriteDebug(message.Text);
                break;
            case PumpStream.Verbose:
                WriteVerbose(message.Text);
                break;
            case PumpStream.Warning:
                WriteWarning(message.Text);
                break;
            case PumpStream.Progress when message.Progress is { } progress:
                WriteProgress(ToRecord(progress));
                break;
            default:
                break;
        }
    }

    private static ProgressRecord ToRecord(ProgressUpdate update) => new(update.ActivityId, update.Activity, update.Status)
    {
        CurrentOperation = update.CurrentOperation,
        PercentComplete = update.Percent,
        RecordType = update.Completed ? ProgressRecordType.Completed : ProgressRecordType.Processing,
    };

    /// <summary>A count for messages, in the invariant culture.</summary>
    /// <param name="count">The count.</param>
    /// <returns>The text.</returns>
    private protected static string Number(int count) => count.ToString(CultureInfo.InvariantCulture);
}

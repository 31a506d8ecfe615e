using LakeCircle.Cli.Commands;
using LakeCircle.Cli.Logging;
using LakeCircle.Cli.Running;
using LakeCircle.Core.Configuration;
using LakeCircle.Core.Recovery;
using LakeCircle.Core.Workflows;
using Microsoft.Extensions.Logging;

namespace LakeCircle.Cli.Recovery;

/// <summary>
/// What <c>history</c>, <c>rollback</c> and <c>unlock</c> work on: the checked settings (as for sync), the account, the
/// endpoint store at <c>endpoint.base</c> and the loggers. Configuration errors are printed and nothing is opened.
/// </summary>
internal sealed class EndpointSession : IDisposable
{
    private readonly List<IDisposable> _owned = [];

    private EndpointSession(RunConfiguration configuration, ILoggerFactory loggers, RunSources sources)
    {
        Settings = configuration.Settings!;
        Payload = configuration.Payload!;
        Loggers = loggers;
        Sources = sources;
        _owned.Add(sources);
        _owned.Add(loggers);
    }

    public Settings Settings { get; }

    public Payload Payload { get; }

    public ILoggerFactory Loggers { get; }

    public RunSources Sources { get; }

    /// <summary>The store at the endpoint base (a local folder, or objects reached without an expected owner).</summary>
    public IEndpointStore Endpoint => Sources.Endpoint;

    /// <summary>Opens the session, or prints every configuration problem and returns <see langword="null"/>.</summary>
    public static async Task<EndpointSession?> OpenAsync(
        CliContext context, RunArguments arguments, string commandName, TextWriter error, CancellationToken cancellationToken)
    {
        var configuration = await RunConfiguration.LoadAsync(context.Environment, arguments, cancellationToken).ConfigureAwait(false);
        if (await configuration.ReportErrorsAsync(error, commandName).ConfigureAwait(false))
        {
            return null;
        }

        var settings = configuration.Settings!;
        var loggers = LoggingSetup.CreateLoggerFactory(settings.LogFormat, settings.AppLevel, error, context.ErrorIsTerminal);
        var sources = RunSources.Create(configuration, arguments.PathStyle, loggers);
        return new EndpointSession(configuration, loggers, sources);
    }

    /// <summary>
    /// The guards of a writing run configured by these settings, with the read-after-write verification they ask for
    /// (<c>wait</c>, <c>waitTimeout</c>).
    /// </summary>
    public SafeRunOptions RunOptions(bool forceUnlock) => SafeRunOptions.From(Payload) with
    {
        ForceUnlock = forceUnlock,
        Observer = LifecycleWorkflow.DefaultObserver(Sources.Account, LifecycleRun.Options(Settings, Payload)),
    };

    public void Dispose()
    {
        foreach (var owned in _owned)
        {
            owned.Dispose();
        }
    }
}

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

    private EndpointSession(RunConfiguration configuration, ILoggerFactory loggers, RunSources sources, IEndpointStore endpoint)
    {
        Settings = configuration.Settings!;
        Payload = configuration.Payload!;
        Loggers = loggers;
        Sources = sources;
        Endpoint = endpoint;
        _owned.Add(sources);
        _owned.Add(loggers);
    }

    public Settings Settings { get; }

    public Payload Payload { get; }

    public ILoggerFactory Loggers { get; }

    public RunSources Sources { get; }

    /// <summary>The store at the endpoint base (a local folder, or objects reached without an expected owner).</summary>
    public IEndpointStore Endpoint { get; }

    /// <summary>Opens the session, or prints every configuration problem and returns <see langword="null"/>.</summary>
    public static async Task<EndpointSession?> OpenAsync(
        CliContext context, RunArguments arguments, string commandName, TextWriter error, CancellationToken cancellationToken)
    {
        var configuration = await RunConfiguration.LoadAsync(context.Environment, arguments, cancellationToken).ConfigureAwait(false);
        if (configuration.Errors.Count > 0)
        {
            foreach (var problem in configuration.Errors)
            {
                await error.WriteLineAsync("error: " + problem).ConfigureAwait(false);
            }

            await error.WriteLineAsync($"Nothing was read or written. Run '{commandName} --help' for the flags and the variables behind them.").ConfigureAwait(false);
            return null;
        }

        var settings = configuration.Settings!;
        var loggers = LoggingSetup.CreateLoggerFactory(settings.LogFormat, settings.AppLevel, error, context.ErrorIsTerminal);
        var sources = RunSources.Create(configuration, arguments.PathStyle);
        var session = new EndpointSession(configuration, loggers, sources, sources.Endpoint);
        return session;
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

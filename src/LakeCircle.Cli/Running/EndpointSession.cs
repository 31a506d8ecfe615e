using LakeCircle.Cli.Commands;
using LakeCircle.Cli.Configuration;
using LakeCircle.Cli.Logging;
using LakeCircle.Core;
using Microsoft.Extensions.Logging;

namespace LakeCircle.Cli.Running;

/// <summary>
/// What <c>history</c>, <c>rollback</c> and <c>unlock</c> work on: the checked settings (as for sync), the loggers and
/// the <see cref="LakeCircleClient"/> they make their one call on. Configuration errors are printed and nothing is opened.
/// </summary>
internal sealed class EndpointSession : IAsyncDisposable
{
    private readonly ILoggerFactory _loggers;

    private EndpointSession(Settings settings, Payload payload, ILoggerFactory loggers, LakeCircleClient client)
    {
        Settings = settings;
        Payload = payload;
        _loggers = loggers;
        Client = client;
    }

    public Settings Settings { get; }

    public Payload Payload { get; }

    public LakeCircleClient Client { get; }

    /// <summary>Opens the session, or prints every configuration problem and returns <see langword="null"/>.</summary>
    public static async Task<EndpointSession?> OpenAsync(
        CliContext context, RunArguments arguments, string commandName, TextWriter error, CancellationToken cancellationToken, bool forceUnlock = false)
    {
        var configuration = await RunConfiguration.LoadAsync(context.Environment, arguments, cancellationToken).ConfigureAwait(false);
        if (await configuration.ReportErrorsAsync(error, commandName).ConfigureAwait(false))
        {
            return null;
        }

        var settings = configuration.Settings!;
        var loggers = LoggingSetup.CreateLoggerFactory(settings.LogFormat, settings.AppLevel, error, context.ErrorIsTerminal);
        var client = new LakeCircleClient(ClientOptions.From(configuration, arguments.PathStyle, forceUnlock, loggers));
        return new EndpointSession(settings, configuration.Payload!, loggers, client);
    }

    public async ValueTask DisposeAsync()
    {
        await Client.DisposeAsync().ConfigureAwait(false);
        _loggers.Dispose();
    }
}

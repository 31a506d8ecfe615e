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
    private readonly CliContext _context;
    private readonly TextWriter _output;

    private readonly Progress.ProgressLine? _progress;

    private EndpointSession(
        CliContext context, TextWriter output, TextWriter error, Progress.ProgressLine? progress, Settings settings, Payload payload, ILoggerFactory loggers, LakeCircleClient client)
    {
        _context = context;
        _output = output;
        _progress = progress;
        Error = error;
        Settings = settings;
        Payload = payload;
        _loggers = loggers;
        Client = client;
    }

    public Settings Settings { get; }

    public Payload Payload { get; }

    public LakeCircleClient Client { get; }

    /// <summary>Standard error: on a terminal, through the progress line of the client's runs (rollback), which it keeps clear.</summary>
    public TextWriter Error { get; }

    /// <summary>
    /// Opens the session, or prints every configuration problem (and with JSON output their document) and returns
    /// <see langword="null"/>.
    /// </summary>
    public static async Task<EndpointSession?> OpenAsync(
        CliContext context, RunArguments arguments, string commandName, TextWriter output, TextWriter error, CancellationToken cancellationToken,
        bool forceUnlock = false)
    {
        var configuration = await RunConfiguration.LoadAsync(context.Environment, arguments, cancellationToken).ConfigureAwait(false);
        if (await configuration.ReportErrorsAsync(output, error, context, commandName).ConfigureAwait(false))
        {
            return null;
        }

        var settings = configuration.Settings!;
        var progress = Progress.ProgressLine.For(context, settings.AppLevel, error);
        error = progress?.Wrap(error) ?? error;
        var loggers = LoggingSetup.CreateLoggerFactory(context.Color.LogFormat(settings.LogFormat), settings.AppLevel, error, context.ErrorIsTerminal);
        var options = ClientOptions.From(configuration, arguments.PathStyle, forceUnlock, loggers);
        options.Progress = progress;
        var client = new LakeCircleClient(options);
        return new EndpointSession(context, output, error, progress, settings, configuration.Payload!, loggers, client);
    }

    /// <summary>
    /// With JSON output, writes the document of a failure (account and region of the settings) unless one was written;
    /// text output leaves it to the <c>error:</c> line on standard error.
    /// </summary>
    public Task WriteJsonErrorAsync(string code, string message, IEnumerable<string>? errors = null) =>
        Output.JsonOutput.WriteErrorAsync(_output, _context, Settings.Output, code, message, errors, Settings.AwsAccount, Settings.AwsRegion);

    /// <summary>Writes a JSON document of this session (account and region of the settings) on standard output.</summary>
    public Task WriteJsonAsync(bool succeeded, Core.Rendering.JsonError? error, object payload) =>
        Output.JsonOutput.WriteAsync(_output, _context, Settings.AwsAccount, Settings.AwsRegion, succeeded, error, payload);

    /// <summary>The head of this session's JSON documents.</summary>
    public Core.Rendering.JsonRenderOptions JsonOptions => Output.JsonOutput.Options(_context);

    public async ValueTask DisposeAsync()
    {
        await Client.DisposeAsync().ConfigureAwait(false);
        _loggers.Dispose();
        _progress?.Dispose();
    }
}

using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using LakeCircle.Cli.Commands;
using LakeCircle.Cli.Configuration;
using LakeCircle.Cli.Logging;
using LakeCircle.Cli.Output;
using LakeCircle.Cli.Running;

namespace LakeCircle.Cli;

/// <summary>Builds the <c>lakecircle</c> root command and runs it. To add a command, add its class to <see cref="Commands"/>.</summary>
internal static class CliApplication
{
    private const string Description =
        "lakecircle keeps the lifecycle rules of S3 buckets exactly as declared in version-controlled TOML definitions.\n"
        + "With no command, it runs the action of LCC_ACTIONS (SYNC by default, or DRYRUN) configured by the LCC_* "
        + "variables alone, as in a container; it accepts the flags of sync and dryrun. "
        + "Exit codes: 0 ok, 1 error, 2 changes pending (dryrun --detailed-exitcode), 3 usage.";

    private static readonly IReadOnlyList<string> Examples =
    [
        "LCC_ENDPOINT=s3://acme-config/lakecircle/ LCC_AWS_ACCOUNT=123456789012 LCC_AWS_REGION=eu-west-1 LCC_ACTIONS=DRYRUN lakecircle",
        "lakecircle dryrun --endpoint ./endpoint --snapshot account.json",
    ];

    private static IReadOnlyList<ICliCommand> Commands(CliContext context) =>
    [
        new SyncCommand(context),
        new DryRunCommand(context),
        new ValidateCommand(context),
        new HistoryCommand(context),
        new RollbackCommand(context),
        new UnlockCommand(context),
        new ExportCommand(context),
        new SnapshotCommand(context),
        new ImpactCommand(context),
        new ExplainCommand(context),
        new TargetsCommand(context),
        new ReportCommand(context),
    ];

    /// <summary>Creates the root command over the given process context.</summary>
    public static RootCommand CreateRootCommand(CliContext? context = null)
    {
        context ??= CliContext.Of(new Dictionary<string, string?>());
        var root = new RootCommand(Description);
        var examples = new Dictionary<Command, IReadOnlyList<string>> { [root] = Examples };
        foreach (var command in Commands(context))
        {
            var created = command.Create();
            root.Subcommands.Add(created);
            examples[created] = command.Examples;
        }

        var color = new Option<string>("--color")
        {
            HelpName = "WHEN",
            Description = "Colour plans and logs: auto (on a terminal, unless NO_COLOR is set), always (CI logs that show colours) or never. [default: auto]",
            Recursive = true,
        };
        color.AcceptOnlyFromAmong(ColorChoice.Values);
        root.Options.Add(color);
        foreach (var version in root.Options.OfType<VersionOption>())
        {
            version.Action = new VersionAction();
        }

        // One help option serves every command (it is recursive); it adds each command's examples to the default help.
        foreach (var help in root.Options.OfType<HelpOption>())
        {
            if (help.Action is SynchronousCommandLineAction defaultHelp)
            {
                help.Action = new ExamplesHelpAction(defaultHelp, examples);
            }
        }

        // The root runs LCC_ACTIONS, SYNC or DRYRUN: it takes the flags of both, documented there.
        // Saved plans are the commands' own (dryrun --out, sync --plan); the root asks on a terminal like sync does.
        var rootGroups = (SyncCommand.Groups | DryRunCommand.Groups) & ~(RunOptionGroups.SavePlan | RunOptionGroups.ApplyPlan);
        LifecycleCommand.Configure(root, context, rootGroups, action: null, "lakecircle dryrun", hidden: true);
        return root;
    }

    /// <summary>Parses and runs a command line.</summary>
    /// <param name="args">The arguments.</param>
    /// <param name="output">Where results go (standard output by default).</param>
    /// <param name="error">Where logs and errors go (standard error by default).</param>
    /// <param name="environment">The <c>LCC_*</c> variables; the process's own when <see langword="null"/>.</param>
    /// <param name="time">The clock of the JSON documents' <c>generatedAt</c>; the system clock when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <param name="prompt">Whether a person is asked before a write, and their answer; the console's own when
    /// <paramref name="output"/> is <see langword="null"/>, else never.</param>
    /// <param name="errorTerminal">Standard error as a terminal for the progress line (tests); the console's own when
    /// <paramref name="error"/> is <see langword="null"/> and it is not redirected, else none.</param>
    /// <returns>The exit code; see <see cref="ExitCodes"/>.</returns>
    public static async Task<int> RunAsync(
        string[] args,
        TextWriter? output = null,
        TextWriter? error = null,
        IReadOnlyDictionary<string, string?>? environment = null,
        TimeProvider? time = null,
        CancellationToken cancellationToken = default,
        IPrompt? prompt = null,
        Progress.ErrorTerminal? errorTerminal = null)
    {
        var context = new CliContext
        {
            Prompt = prompt ?? (output is null ? ConsolePrompt.Instance : NoPrompt.Instance),
            Environment = environment ?? SettingsBuilder.ReadProcessEnvironment(),
            OutputIsTerminal = output is null && !Console.IsOutputRedirected && !NoColor(),
            ErrorIsTerminal = error is null && LoggingSetup.StandardErrorIsTerminal && !NoColor(),
            ErrorTerminal = errorTerminal ?? (error is null && LoggingSetup.StandardErrorIsTerminal ? Progress.ErrorTerminal.Console : null),
            Time = time ?? TimeProvider.System,
        };
        // Failures nothing else caught end in LastResort below: one line, never System.CommandLine's stack trace. Standard
        // output is tracked, so that a failure after a JSON document was printed does not print a second one.
        var configuration = new InvocationConfiguration
        {
            Output = new OutputTracker(output ?? Console.Out),
            Error = error ?? Console.Error,
            EnableDefaultExceptionHandler = false,
        };
        if (output is null)
        {
            // Ctrl+C cancels the run's token; writes in flight get time to finish and the result is still printed.
            configuration.ProcessTerminationTimeout = TimeSpan.FromSeconds(10);
        }

        var format = OutputFormat.Text;
        try
        {
            var parseResult = CreateRootCommand(context).Parse(args);
            if (parseResult.Errors.Count == 0 && parseResult.GetValue<string>("--color") is { } color)
            {
                context.Color.Mode = color;
            }

            format = RequestedFormat(parseResult, context.Environment);
            if (parseResult.Errors.Count > 0)
            {
                var lines = UsageErrors.Describe(parseResult).Select(SecretMasker.MaskUserInfo).ToList();
                foreach (var line in lines)
                {
                    await configuration.Error.WriteLineAsync(line).ConfigureAwait(false);
                }

                var problems = lines.Take(lines.Count - 1).ToList();
                await JsonOutput.WriteErrorAsync(configuration.Output, context, format, "usage", problems.Count == 1 ? problems[0] : string.Join(" ", problems), problems)
                    .ConfigureAwait(false);
                return ExitCodes.UsageError;
            }

            return await parseResult.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            const string Cancelled = "Cancelled: writes already made stay made.";
            await configuration.Error.WriteLineAsync(Cancelled).ConfigureAwait(false);
            await JsonOutput.WriteErrorAsync(configuration.Output, context, format, "cancelled", Cancelled).ConfigureAwait(false);
            return ExitCodes.Error;
        }
        catch (Exception e)
        {
            await LastResortAsync(e, configuration.Error, context.Environment).ConfigureAwait(false);
            await JsonOutput.WriteErrorAsync(configuration.Output, context, format, "unexpected", $"{Message(e)} This is a bug; please report it.").ConfigureAwait(false);
            return ExitCodes.Error;
        }
    }

    /// <summary>
    /// The report format of a command line, parsed or not: its <c>--output</c> value when given and valid, else for the
    /// commands that read the <c>LCC_*</c> variables <c>LCC_OUTPUT</c>; text when neither says JSON.
    /// </summary>
    internal static OutputFormat RequestedFormat(ParseResult parseResult, IReadOnlyDictionary<string, string?> environment)
    {
        var command = parseResult.CommandResult.Command;
        var option = command.Options.FirstOrDefault(o => o.Name == "--output");
        if (option is not null && parseResult.GetResult(option) is { Implicit: false } given)
        {
            var valid = !parseResult.Errors.Any(e => e.SymbolResult == given) && given.Tokens.Count == 1;
            return valid && JsonOutput.IsJson(given.Tokens[0].Value) ? OutputFormat.Json : OutputFormat.Text;
        }

        // validate takes no LCC_* variable; the endpoint and account commands (and the root command) read LCC_OUTPUT.
        var readsVariables = command.Options.Any(o => o.Name is "--endpoint" or "--account");
        return readsVariables && option is not null && JsonOutput.IsJson(environment.GetValueOrDefault(SettingDefinitions.Output))
            ? OutputFormat.Json : OutputFormat.Text;
    }

    /// <summary>The variable that adds the stack trace to the last-resort error message.</summary>
    internal const string DebugVariable = "LAKECIRCLE_DEBUG";

    /// <summary>
    /// What a failure no step mapped to a clear message gets: <c>error: MESSAGE</c> (URL passwords masked) and a request to
    /// report it; the stack trace only when <see cref="DebugVariable"/> is <c>1</c> or <c>true</c>.
    /// </summary>
    internal static async Task LastResortAsync(Exception exception, TextWriter error, IReadOnlyDictionary<string, string?> environment)
    {
        var lines = Message(exception);
        await error.WriteLineAsync($"error: {SecretMasker.MaskUserInfo(lines)}").ConfigureAwait(false);
        await error.WriteLineAsync("This is a bug; please report it (set LAKECIRCLE_DEBUG=1 for the details).").ConfigureAwait(false);
        if (Debugging(environment))
        {
            await error.WriteLineAsync(SecretMasker.MaskUserInfo(exception.ToString())).ConfigureAwait(false);
        }
    }

    /// <summary>The message of an unmapped failure (its type when it has none), on one line per line.</summary>
    private static string Message(Exception exception) =>
        (string.IsNullOrWhiteSpace(exception.Message) ? exception.GetType().Name : exception.Message).ReplaceLineEndings("\n");

    private static bool Debugging(IReadOnlyDictionary<string, string?> environment)
    {
        var value = environment.TryGetValue(DebugVariable, out var given) ? given : Environment.GetEnvironmentVariable(DebugVariable);
        return value?.Trim() is "1" or "true" or "TRUE" or "True" or "yes";
    }

    /// <summary>The <c>NO_COLOR</c> convention (https://no-color.org): any non-empty value turns colours off.</summary>
    private static bool NoColor() => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));
}

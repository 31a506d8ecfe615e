using LakeCircle.Cli.Commands;
using LakeCircle.Cli.Configuration;
using LakeCircle.Cli.Logging;
using LakeCircle.Core.Gateways;
using static LakeCircle.Cli.Configuration.SettingDefinitions;

namespace LakeCircle.Cli.Running;

/// <summary>
/// Turns the environment and the flags into checked settings, before anything else is read or written. With a
/// snapshot, the file is opened here: its account and region fill in those not given, and must match those given.
/// </summary>
internal sealed record RunConfiguration
{
    /// <summary>The settings, when every value is valid.</summary>
    public Settings? Settings { get; init; }

    /// <summary>The nested view of <see cref="Settings"/>, with its fingerprint.</summary>
    public Payload? Payload { get; init; }

    /// <summary>The snapshot opened as the account, when <c>LCC_SNAPSHOT</c> / <c>--snapshot</c> is set.</summary>
    public SnapshotS3Gateway? Snapshot { get; init; }

    /// <summary>The saved plan read from <c>--plan FILE</c>, when given.</summary>
    public Core.Planning.PlanOutcome? SavedPlan { get; init; }

    /// <summary>Every problem, each naming the flag or variable it comes from; empty when the run may start.</summary>
    public IReadOnlyList<string> Errors { get; init; } = [];

    /// <summary>
    /// The report format asked for (<c>--output</c>, else <c>LCC_OUTPUT</c>), known even when other values are
    /// invalid, so that configuration errors are a JSON document too; text when it is itself invalid.
    /// </summary>
    public OutputFormat Format { get; init; }

    /// <summary>
    /// Prints every configuration problem on <paramref name="error"/>, then says nothing was read or written and where
    /// the flags are explained; with JSON output, also the error document (code <c>configuration</c>) on
    /// <paramref name="output"/>. Returns <see langword="true"/> when there was any problem (the run must stop).
    /// </summary>
    /// <param name="output">Standard output.</param>
    /// <param name="error">Standard error.</param>
    /// <param name="context">The process context (the clock of the JSON document).</param>
    /// <param name="commandName">The command, for the <c>--help</c> hint.</param>
    public async Task<bool> ReportErrorsAsync(TextWriter output, TextWriter error, CliContext context, string commandName)
    {
        if (Errors.Count == 0)
        {
            return false;
        }

        foreach (var problem in Errors)
        {
            await Output.ErrorLine.WriteAsync(error, problem).ConfigureAwait(false);
        }

        const string Nothing = "Nothing was read or written.";
        await error.WriteLineAsync($"{Nothing} Run '{commandName} --help' for the flags and the variables behind them.").ConfigureAwait(false);
        var message = Errors.Count == 1 ? $"{Errors[0]} {Nothing}" : $"{Errors.Count} problems in the configuration. {Nothing}";
        await Output.JsonOutput.WriteErrorAsync(output, context, Format, "configuration", message, Errors).ConfigureAwait(false);
        return true;
    }

    /// <summary>Reads and checks the configuration of a run.</summary>
    public static async Task<RunConfiguration> LoadAsync(
        IReadOnlyDictionary<string, string?> environment, RunArguments arguments, CancellationToken cancellationToken)
    {
        var overrides = new Dictionary<string, string?>(arguments.Overrides, StringComparer.Ordinal);
        if (arguments.Action is { } action)
        {
            overrides[Actions] = action == WorkAction.DryRun ? "DRYRUN" : "SYNC";
        }

        var parameters = Lookup(overrides, ActionParams) ?? Lookup(environment, ActionParams);
        if (arguments.ParameterFlags.Count > 0)
        {
            overrides[ActionParams] = ParameterMerge.Merge(parameters, arguments.ParameterFlags);
        }

        var errors = new List<string>();
        var snapshot = await OpenSnapshotAsync(environment, overrides, arguments, errors, cancellationToken).ConfigureAwait(false);
        if (snapshot is not null)
        {
            FillFrom(snapshot.Account, AwsAccount, environment, overrides);
            FillFrom(snapshot.Region, AwsRegion, environment, overrides);
        }

        var plan = await ReadPlanAsync(arguments, errors, cancellationToken).ConfigureAwait(false);
        if (plan is not null)
        {
            FillFrom(plan.Account ?? "", AwsAccount, environment, overrides);
            FillFrom(plan.Region ?? "", AwsRegion, environment, overrides);
        }

        var result = SettingsBuilder.Build(environment, overrides, arguments.WithEndpoint);
        errors.InsertRange(0, result.Errors.Select(e => NameTheFlag(e.Field, e.Message, arguments)));
        if (result.Settings is { } settings && snapshot is not null)
        {
            CheckSnapshot(snapshot, settings, errors);
        }

        if (result.Settings is { } applying && plan is not null)
        {
            CheckPlan(arguments.PlanFile!, plan, applying, errors);
        }

        var format = RequestedFormat(environment, arguments);
        return errors.Count > 0 || result.Settings is null
            ? new RunConfiguration { Errors = errors, Format = format }
            : new RunConfiguration { Settings = result.Settings, Payload = new Payload(result.Settings), Snapshot = snapshot, SavedPlan = plan, Format = result.Settings.Output };
    }

    /// <summary>The report format the flags or <c>LCC_OUTPUT</c> ask for, whatever else is wrong (text when unclear).</summary>
    public static OutputFormat RequestedFormat(IReadOnlyDictionary<string, string?> environment, RunArguments arguments) =>
        Output.JsonOutput.IsJson(Lookup(arguments.Overrides, SettingDefinitions.Output) ?? Lookup(environment, SettingDefinitions.Output))
            ? OutputFormat.Json : OutputFormat.Text;

    private static async Task<SnapshotS3Gateway?> OpenSnapshotAsync(
        IReadOnlyDictionary<string, string?> environment, Dictionary<string, string?> overrides, RunArguments arguments,
        List<string> errors, CancellationToken cancellationToken)
    {
        var path = Lookup(overrides, SettingDefinitions.Snapshot) ?? Lookup(environment, SettingDefinitions.Snapshot);
        if (path is null)
        {
            return null;
        }

        var source = arguments.Flags.GetValueOrDefault(SettingDefinitions.Snapshot, SettingDefinitions.Snapshot);
        try
        {
            var fullPath = Path.GetFullPath(path);
            if (Directory.Exists(fullPath))
            {
                errors.Add($"{source}: cannot read the snapshot file '{path}': it is a folder, not a file.");
                return null;
            }

            return await SnapshotS3Gateway.OpenAsync(fullPath, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            var reason = e is UnauthorizedAccessException ? "permission denied." : e.Message;
            errors.Add($"{source}: cannot read the snapshot file '{path}': {reason}");
            return null;
        }
    }

    /// <summary>Reads <c>--plan FILE</c> strictly; a file that cannot be read or is not a plan as it was saved is a configuration error.</summary>
    private static async Task<Core.Planning.PlanOutcome?> ReadPlanAsync(RunArguments arguments, List<string> errors, CancellationToken cancellationToken)
    {
        if (arguments.PlanFile is not { } path)
        {
            return null;
        }

        try
        {
            var stream = File.OpenRead(Path.GetFullPath(path));
            await using (stream.ConfigureAwait(false))
            {
                return await Core.LakeCircleClient.ReadPlanAsync(stream, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            var reason = e is UnauthorizedAccessException ? "permission denied." : e.Message;
            errors.Add($"--plan: cannot apply the plan file '{path}': {reason}");
            return null;
        }
    }

    /// <summary>A saved plan is applied only to the account and region it was made for, and whole.</summary>
    private static void CheckPlan(string path, Core.Planning.PlanOutcome plan, Settings settings, List<string> errors)
    {
        if (!string.Equals(plan.Account, settings.AwsAccount, StringComparison.Ordinal))
        {
            errors.Add($"The plan '{path}' is for account {Shown(plan.Account ?? "")}, not {settings.AwsAccount} ({AwsAccount} / --account): refusing to apply it.");
        }

        if (!string.Equals(plan.Region, settings.AwsRegion, StringComparison.Ordinal))
        {
            errors.Add($"The plan '{path}' is for region {Shown(plan.Region ?? "")}, not {settings.AwsRegion} ({AwsRegion} / --region): refusing to apply it.");
        }

        if (settings.ActionParameters.Buckets is not null)
        {
            errors.Add($"{ActionParams} key 'buckets' cannot be used with --plan: a saved plan is applied whole, as it was reviewed.");
        }
    }

    private static void CheckSnapshot(SnapshotS3Gateway snapshot, Settings settings, List<string> errors)
    {
        if (!string.Equals(snapshot.Account, settings.AwsAccount, StringComparison.Ordinal))
        {
            errors.Add($"The snapshot '{snapshot.FilePath}' is for account {Shown(snapshot.Account)}, not {settings.AwsAccount} "
                + $"({AwsAccount} / --account): refusing to read or write it.");
        }

        if (!string.Equals(snapshot.Region, settings.AwsRegion, StringComparison.Ordinal))
        {
            errors.Add($"The snapshot '{snapshot.FilePath}' is for region {snapshot.Region}, not {settings.AwsRegion} "
                + $"({AwsRegion} / --region): refusing to read or write it.");
        }
    }

    private static void FillFrom(string value, string variable, IReadOnlyDictionary<string, string?> environment, Dictionary<string, string?> overrides)
    {
        if (!string.IsNullOrWhiteSpace(value) && Lookup(overrides, variable) is null && Lookup(environment, variable) is null)
        {
            overrides[variable] = value;
        }
    }

    /// <summary>A message about a variable set by a flag speaks of the flag.</summary>
    private static string NameTheFlag(string? variable, string message, RunArguments arguments)
    {
        if (variable is null || !arguments.Flags.TryGetValue(variable, out var flag))
        {
            return message;
        }

        return message.StartsWith(variable, StringComparison.Ordinal) ? flag + message[variable.Length..] : $"{flag}: {message}";
    }

    private static string Shown(string account) => string.IsNullOrEmpty(account) ? "(none)" : account;

    private static string? Lookup(IReadOnlyDictionary<string, string?> values, string name) =>
        values.TryGetValue(name, out var text) && !string.IsNullOrWhiteSpace(text) ? text.Trim() : null;
}

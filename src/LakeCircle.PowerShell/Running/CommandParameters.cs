using LakeCircle.Cli.Commands;
using LakeCircle.Cli.Configuration;
using LakeCircle.Cli.Running;

namespace LakeCircle.PowerShell.Running;

/// <summary>
/// The parameters of one cmdlet call, as the command line's flags would give them: each overrides one <c>LCC_*</c>
/// variable (or one key of <c>LCC_ACTION_PARAMS</c>), and an unbound parameter leaves its variable in charge. Turned into
/// the command line's <see cref="RunArguments"/>, so that the one settings implementation checks both, and its messages
/// name the parameter (<c>-Region</c>) where the command line's name the flag.
/// </summary>
internal sealed record CommandParameters
{
    public string? Endpoint { get; init; }

    public string? Account { get; init; }

    public string? Region { get; init; }

    public string? S3Endpoint { get; init; }

    public string? Snapshot { get; init; }

    public string? LogLevel { get; init; }

    public string? Params { get; init; }

    /// <summary>The bucket selection: <see langword="null"/> when not given; empty selects none.</summary>
    public IReadOnlyList<string>? Buckets { get; init; }

    public int? Concurrency { get; init; }

    public int? WriteConcurrency { get; init; }

    public int? MaxChanges { get; init; }

    public int? MaxDeletions { get; init; }

    public int? MaxDestructive { get; init; }

    /// <summary>The protected buckets a sync may change destructively, or <see langword="null"/> when not given.</summary>
    public IReadOnlyList<string>? AllowDestructive { get; init; }

    /// <summary><c>-Wait</c> when bound: <see langword="true"/> or (<c>-Wait:$false</c>) <see langword="false"/>.</summary>
    public bool? Wait { get; init; }

    public TimeSpan? WaitTimeout { get; init; }

    /// <summary><c>-PathStyle</c> when bound: on, or (<c>-PathStyle:$false</c>) off; <see langword="null"/> for the default.</summary>
    public bool? PathStyle { get; init; }

    public bool ForceUnlock { get; init; }

    /// <summary>The action the settings are checked for (sync, or dryrun for the commands that write nothing).</summary>
    public WorkAction Action { get; init; } = WorkAction.DryRun;

    /// <summary>The command line's arguments for these parameters.</summary>
    /// <returns>The arguments.</returns>
    public RunArguments ToRunArguments()
    {
        var overrides = new Dictionary<string, string?>(StringComparer.Ordinal);
        var flags = new Dictionary<string, string>(StringComparer.Ordinal);

        void Take(string? value, string variable, string parameter)
        {
            if (value is not null)
            {
                overrides[variable] = value;
                flags[variable] = parameter;
            }
        }

        Take(Endpoint, SettingDefinitions.Endpoint, "-Endpoint");
        Take(Account, SettingDefinitions.AwsAccount, "-Account");
        Take(Region, SettingDefinitions.AwsRegion, "-Region");
        Take(S3Endpoint, SettingDefinitions.S3Endpoint, "-S3Endpoint");
        Take(Snapshot, SettingDefinitions.Snapshot, "-Snapshot");
        Take(LogLevel, SettingDefinitions.AppLevel, "-LogLevel");
        Take(Params, SettingDefinitions.ActionParams, "-Params");

        var parameters = new Dictionary<string, object>(StringComparer.Ordinal);
        if (Buckets is not null)
        {
            parameters["buckets"] = Buckets.Select(b => b.Trim()).Distinct(StringComparer.Ordinal).ToArray();
        }

        void TakeNumber(int? value, string key)
        {
            if (value is { } number)
            {
                parameters[key] = number;
            }
        }

        TakeNumber(Concurrency, "concurrency");
        TakeNumber(WriteConcurrency, "writeConcurrency");
        TakeNumber(MaxChanges, "maxChanges");
        TakeNumber(MaxDeletions, "maxDeletions");
        TakeNumber(MaxDestructive, "maxDestructive");
        if (AllowDestructive is { Count: > 0 } allowed)
        {
            parameters["allowDestructive"] = allowed.Select(b => b.Trim()).Distinct(StringComparer.Ordinal).ToArray();
        }

        if (Wait is { } wait)
        {
            parameters["wait"] = wait;
        }

        if (WaitTimeout is { } timeout)
        {
            parameters["waitTimeout"] = DurationText.Format(timeout);
        }

        return new RunArguments
        {
            Action = Action,
            Overrides = overrides,
            Flags = flags,
            ParameterFlags = parameters,
            PathStyle = PathStyle,
            ForceUnlock = ForceUnlock,
        };
    }

    /// <summary>Checks the configuration: these parameters over the <c>LCC_*</c> variables, as the command line checks its flags.</summary>
    /// <param name="environment">The <c>LCC_*</c> variables.</param>
    /// <param name="cancellationToken">Cancels the snapshot's read.</param>
    /// <returns>The configuration, with every problem.</returns>
    internal Task<RunConfiguration> LoadAsync(IReadOnlyDictionary<string, string?> environment, CancellationToken cancellationToken) =>
        RunConfiguration.LoadAsync(environment, ToRunArguments(), cancellationToken);

    /// <summary>The configuration problems, as the cmdlets report them (naming parameters, not flags).</summary>
    /// <param name="environment">The <c>LCC_*</c> variables.</param>
    /// <param name="cancellationToken">Cancels the snapshot's read.</param>
    /// <returns>The problems; empty when the configuration is valid.</returns>
    internal async Task<IReadOnlyList<string>> ProblemsAsync(IReadOnlyDictionary<string, string?> environment, CancellationToken cancellationToken) =>
        [.. (await LoadAsync(environment, cancellationToken).ConfigureAwait(false)).Errors.Select(SpeakOfParameters)];

    /// <summary>A settings message that names the command line's flags names the parameters instead.</summary>
    /// <param name="message">The message.</param>
    /// <returns>The message for PowerShell.</returns>
    public static string SpeakOfParameters(string message)
    {
        foreach (var (flag, parameter) in FlagNames)
        {
            message = message.Replace(flag, parameter, StringComparison.Ordinal);
        }

        return message;
    }

    private static readonly (string Flag, string Parameter)[] FlagNames =
    [
        ("--s3-endpoint", "-S3Endpoint"), ("--endpoint", "-Endpoint"), ("--account", "-Account"), ("--region", "-Region"),
        ("--snapshot", "-Snapshot"), ("--log-level", "-LogLevel"), ("--params", "-Params"), ("--bucket", "-Bucket"),
        ("--concurrency", "-Concurrency"), ("--write-concurrency", "-WriteConcurrency"), ("--max-changes", "-MaxChanges"),
        ("--max-deletions", "-MaxDeletions"), ("--max-destructive", "-MaxDestructive"), ("--allow-destructive", "-AllowDestructive"), ("--wait-timeout", "-WaitTimeout"), ("--wait", "-Wait"),
    ];

    /// <summary>
    /// Whether an endpoint or snapshot value is a local path (to resolve against PowerShell's current location, which is
    /// not the process's current directory) rather than an <c>s3://</c> or other URI.
    /// </summary>
    /// <param name="value">The value.</param>
    /// <returns><see langword="true"/> for a path.</returns>
    public static bool IsLocalPath(string value) =>
        !string.IsNullOrWhiteSpace(value)
        && !value.Contains("://", StringComparison.Ordinal)
        && !value.TrimStart().StartsWith("file:", StringComparison.OrdinalIgnoreCase);
}

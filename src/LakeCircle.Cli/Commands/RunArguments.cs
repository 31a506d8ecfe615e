using System.CommandLine;
using LakeCircle.Cli.Configuration;

namespace LakeCircle.Cli.Commands;

/// <summary>
/// What the flags of one command line say: overrides keyed by <c>LCC_*</c> variable name (for
/// <see cref="SettingsBuilder.Build"/>), the <c>LCC_ACTION_PARAMS</c> keys set by flags, and the flag behind each override.
/// </summary>
internal sealed record RunArguments
{
    /// <summary>The action forced by the command (<c>sync</c>, <c>dryrun</c>), or <see langword="null"/> to follow <c>LCC_ACTIONS</c>.</summary>
    public WorkAction? Action { get; init; }

    /// <summary>Flag values by the variable they override.</summary>
    public IReadOnlyDictionary<string, string?> Overrides { get; init; } = new Dictionary<string, string?>();

    /// <summary>The flags given, by the variable they override (for messages that name the flag).</summary>
    public IReadOnlyDictionary<string, string> Flags { get; init; } = new Dictionary<string, string>();

    /// <summary>The <c>LCC_ACTION_PARAMS</c> keys set by flags, merged over the variable's JSON object.</summary>
    public IReadOnlyDictionary<string, object> ParameterFlags { get; init; } = new Dictionary<string, object>();

    /// <summary><see langword="true"/> for <c>--path-style</c>, <see langword="false"/> for <c>--no-path-style</c>, else <see langword="null"/>.</summary>
    public bool? PathStyle { get; init; }

    /// <summary>Whether the command works on an endpoint (every command but export and snapshot, which read the account alone).</summary>
    public bool WithEndpoint { get; init; } = true;

    /// <summary>Whether <c>--force-unlock</c> was given: sync removes a held lock before taking it.</summary>
    public bool ForceUnlock { get; init; }

    /// <summary><c>--out FILE</c> of dryrun: where to save the plan, or <see langword="null"/>.</summary>
    public string? OutFile { get; init; }

    /// <summary><c>--plan FILE</c> of sync: the saved plan to apply, or <see langword="null"/>.</summary>
    public string? PlanFile { get; init; }

    /// <summary>Whether <c>--auto-approve</c> was given: no question on a terminal.</summary>
    public bool AutoApprove { get; init; }

    /// <summary><c>--show-unmanaged</c>: the text plan lists every unmanaged bucket.</summary>
    public bool ShowUnmanaged { get; init; }

    /// <summary><c>--targets FILE</c>: the targets file to run, or <see langword="null"/> for one account.</summary>
    public string? TargetsFile { get; init; }

    /// <summary><c>--target NAME</c>: the targets selected (empty for every target).</summary>
    public IReadOnlyList<string> TargetNames { get; init; } = [];

    /// <summary><c>--parallel N</c>: how many targets at once, or <see langword="null"/> for the default.</summary>
    public int? Parallel { get; init; }

    /// <summary>Reads the flags of a parsed command line; options the command does not have are skipped.</summary>
    public static RunArguments From(ParseResult parseResult, RunOptions options, WorkAction? action)
    {
        var overrides = new Dictionary<string, string?>(StringComparer.Ordinal);
        var flags = new Dictionary<string, string>(StringComparer.Ordinal);

        void Take(Option<string?>? option, string variable)
        {
            if (option is not null && parseResult.GetValue(option) is { } value)
            {
                overrides[variable] = value;
                flags[variable] = option.Name;
            }
        }

        Take(options.Endpoint, SettingDefinitions.Endpoint);
        Take(options.Account, SettingDefinitions.AwsAccount);
        Take(options.Region, SettingDefinitions.AwsRegion);
        Take(options.Regions, SettingDefinitions.AwsRegions);
        Take(options.S3Endpoint, SettingDefinitions.S3Endpoint);
        Take(options.Snapshot, SettingDefinitions.Snapshot);
        Take(options.Output, SettingDefinitions.Output);
        Take(options.LogLevel, SettingDefinitions.AppLevel);
        Take(options.LogFormat, SettingDefinitions.LogFormat);
        Take(options.Params, SettingDefinitions.ActionParams);
        if (parseResult.GetValue(options.Quiet))
        {
            // --quiet is the level ERROR: progress and warnings stay off standard error (warnings are in the report), errors do not.
            overrides[SettingDefinitions.AppLevel] = "ERROR";
            flags[SettingDefinitions.AppLevel] = options.Quiet.Name;
        }

        var parameters = new Dictionary<string, object>(StringComparer.Ordinal);
        if (options.Buckets is { } bucketOption && parseResult.GetValue(bucketOption) is { Length: > 0 } buckets)
        {
            parameters["buckets"] = buckets.Select(b => b.Trim()).Distinct(StringComparer.Ordinal).ToArray();
        }

        void TakeNumber(Option<int?>? option, string key)
        {
            if (option is not null && parseResult.GetValue(option) is { } value)
            {
                parameters[key] = value;
            }
        }

        TakeNumber(options.Concurrency, "concurrency");
        TakeNumber(options.WriteConcurrency, "writeConcurrency");
        TakeNumber(options.MaxChanges, "maxChanges");
        TakeNumber(options.MaxDeletions, "maxDeletions");
        TakeNumber(options.MaxDestructive, "maxDestructive");
        if (options.AllowDestructive is { } allowOption && parseResult.GetValue(allowOption) is { Length: > 0 } allowed)
        {
            parameters["allowDestructive"] = allowed.Select(b => b.Trim()).Where(b => b.Length > 0).Distinct(StringComparer.Ordinal).ToArray();
        }
        if (IsSet(options.DetailedExitCode))
        {
            parameters["detailedExitCode"] = true;
        }

        if (IsSet(options.Wait))
        {
            parameters["wait"] = true;
        }

        if (options.WaitTimeout is { } waitTimeoutOption && parseResult.GetValue(waitTimeoutOption) is { } waitTimeout)
        {
            parameters["waitTimeout"] = waitTimeout.Trim();
        }

        return new RunArguments
        {
            Action = action,
            Overrides = overrides,
            Flags = flags,
            ParameterFlags = parameters,
            PathStyle = parseResult.GetValue(options.PathStyle) ? true : parseResult.GetValue(options.NoPathStyle) ? false : null,
            ForceUnlock = IsSet(options.ForceUnlock),
            OutFile = options.Out is { } outOption && parseResult.GetValue(outOption) is { } outFile && !string.IsNullOrWhiteSpace(outFile) ? outFile : null,
            PlanFile = options.Plan is { } planOption && parseResult.GetValue(planOption) is { } planFile && !string.IsNullOrWhiteSpace(planFile) ? planFile : null,
            AutoApprove = IsSet(options.AutoApprove),
            ShowUnmanaged = IsSet(options.ShowUnmanaged),
            WithEndpoint = options.Endpoint is not null,
            TargetsFile = options.Targets is { } targetsOption && parseResult.GetValue(targetsOption) is { } targetsFile && !string.IsNullOrWhiteSpace(targetsFile) ? targetsFile : null,
            TargetNames = options.TargetNames is { } namesOption && parseResult.GetValue(namesOption) is { } names
                ? [.. names.Select(n => n.Trim()).Distinct(StringComparer.Ordinal)] : [],
            Parallel = options.Parallel is { } parallelOption ? parseResult.GetValue(parallelOption) : null,
        };

        bool IsSet(Option<bool>? option) => option is not null && parseResult.GetValue(option);
    }
}

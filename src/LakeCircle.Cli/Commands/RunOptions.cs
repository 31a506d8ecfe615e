using System.CommandLine;
using LakeCircle.Cli.Configuration;
using LakeCircle.Core;
using LakeCircle.Core.Rendering;
using LakeCircle.Core.Sync;
using LakeCircle.Core.Validation;
using static LakeCircle.Cli.Configuration.SettingDefinitions;

namespace LakeCircle.Cli.Commands;

/// <summary>
/// The flags of one command that runs against an endpoint (<c>sync</c>, <c>dryrun</c>, <c>history</c>,
/// <c>rollback</c>, <c>unlock</c> and the root command). Every command has the flags that find the endpoint and the
/// account, and the log flags; the other flags come in groups (<see cref="RunOptionGroups"/>), each command adding only
/// its own, so a flag of another command is an unknown option there. An option of a group the command lacks is
/// <see langword="null"/>. Each flag overrides one <c>LCC_*</c> variable (or one key of <c>LCC_ACTION_PARAMS</c>);
/// flags have no default of their own, so an absent flag leaves its variable in charge.
/// </summary>
internal sealed class RunOptions
{
    private const string RequiredUnlessSnapshot = "[required unless --snapshot gives it]";

    /// <summary>Creates the options of the given groups, besides the endpoint, account and log flags.</summary>
    /// <param name="groups">The groups of flags.</param>
    /// <param name="withEndpoint">Whether the command has <c>--endpoint</c> (every command but those that read the account alone: export, snapshot).</param>
    public RunOptions(RunOptionGroups groups = RunOptionGroups.None, bool withEndpoint = true)
    {
        Groups = groups;
        Endpoint = withEndpoint ? Text("--endpoint", "LOCATION", SettingDefinitions.Endpoint) : null;
        if (groups.HasFlag(RunOptionGroups.Output))
        {
            Output = Choice("--output", "text|json", SettingDefinitions.Output, "-o");
        }

        if (groups.HasFlag(RunOptionGroups.OneBucket))
        {
            Buckets = BucketOption("The bucket (required, once).");
        }
        else if (groups.HasFlag(RunOptionGroups.Buckets))
        {
            Buckets = BucketOption($"Only this bucket; repeat the flag for several. [env: {ActionParams} key 'buckets'] [default: every defined bucket]");
        }

        if (groups.HasFlag(RunOptionGroups.RunScope))
        {
            Regions = Text("--regions", "R1,R2", SettingDefinitions.AwsRegions);
            Params = Text("--params", "JSON", ActionParams, "The flags below win over its keys.");
            Concurrency = Number("--concurrency", "concurrency", 1, 256,
                "How many buckets are read at once.", LakeCircleClientOptions.DefaultReadConcurrency.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (groups.HasFlag(RunOptionGroups.WriteLimits))
        {
            WriteConcurrency = Number("--write-concurrency", "writeConcurrency", 1, 64,
                "How many buckets are written at once (some servers serialise lifecycle writes).",
                LakeCircleClientOptions.DefaultWriteConcurrency.ToString(System.Globalization.CultureInfo.InvariantCulture));
            MaxChanges = Number("--max-changes", "maxChanges", 0, int.MaxValue,
                "A sync that would change more buckets stops before its first write.", "no limit");
            MaxDeletions = Number("--max-deletions", "maxDeletions", 0, int.MaxValue,
                "A sync that would delete the lifecycle configuration of more buckets stops before its first write.", "no limit");
            MaxDestructive = Number("--max-destructive", "maxDestructive", 0, int.MaxValue,
                "A sync that would change more buckets destructively (deleting data sooner or where it was kept: see the plan's impact) stops before its first write.", "no limit");
            AllowDestructive = new Option<string[]>("--allow-destructive")
            {
                HelpName = "BUCKET",
                Description = $"Let the sync change this protected bucket destructively; repeat the flag for several. [env: {ActionParams} key 'allowDestructive'] [default: none]",
                Arity = ArgumentArity.OneOrMore,
            };
        }

        if (groups.HasFlag(RunOptionGroups.DetailedExitCode))
        {
            DetailedExitCode = new("--detailed-exitcode")
            {
                Description = "dryrun exits with 2 when changes are pending (0: none, 1: error). [env: LCC_ACTION_PARAMS key 'detailedExitCode']",
            };
        }

        if (groups.HasFlag(RunOptionGroups.Wait))
        {
            Wait = new("--wait")
            {
                Description = "After each write, keep reading the bucket back until the written configuration is seen "
                    + $"{VerificationPolicy.ConsistentSightings} times in a row (S3 is eventually consistent) or --wait-timeout passes, "
                    + "then report it as 'applied, not yet visible' (not an error). Without it, a write not yet visible after "
                    + $"{VerificationPolicy.Describe(LakeCircleClientOptions.DefaultVerifyTimeout)} is reported so too. [env: {ActionParams} key 'wait'] [default: off]",
            };
            WaitTimeout = WaitTimeoutOption();
        }

        if (groups.HasFlag(RunOptionGroups.SavePlan))
        {
            Out = new Option<string?>("--out")
            {
                HelpName = "FILE",
                Description = "Also save the plan to FILE (replaced atomically if it exists) for 'sync --plan FILE'; a plan "
                    + "with errors is not saved. [no variable]",
            };
        }

        if (groups.HasFlag(RunOptionGroups.ApplyPlan))
        {
            Plan = new Option<string?>("--plan")
            {
                HelpName = "FILE",
                Description = "Apply exactly the plan saved by 'dryrun --out FILE': the definitions are not read, the plan's "
                    + "account, region and endpoint must be this run's (account and region default to the plan's), and a "
                    + "bucket changed since the plan was made stops the run before any write. Not with --bucket. [no variable]",
            };
        }

        foreach (var file in new[] { Out, Plan }.OfType<Option<string?>>())
        {
            file.Validators.Add(result =>
            {
                if (string.IsNullOrWhiteSpace(result.GetValueOrDefault<string?>()))
                {
                    result.AddError($"{file.Name} needs a file name, got an empty one.");
                }
            });
        }

        if (groups.HasFlag(RunOptionGroups.ShowUnmanaged))
        {
            ShowUnmanaged = new Option<bool>("--show-unmanaged")
            {
                Description = $"List every bucket without definition in the text plan (by default more than {PlanRenderOptions.DefaultListLimit} are one line with their count). [no variable]",
            };
        }

        if (groups.HasFlag(RunOptionGroups.Confirm))
        {
            AutoApprove = new Option<bool>("--auto-approve")
            {
                Description = "Do not ask 'Apply these changes? [y/N]' on a terminal (without a terminal nothing is asked). [no variable]",
            };
        }

        if (groups.HasFlag(RunOptionGroups.Targets))
        {
            (Targets, TargetNames) = TargetOptions("Run every target of this targets file (TOML: docs/cli.md \"Targets\"), each with its own account, "
                + "credentials, regions, endpoint, lock and run record; not with --endpoint, --account, --snapshot, --plan or --out. [no variable]");
            Parallel = new Option<int?>("--parallel")
            {
                HelpName = "N",
                Description = $"How many targets run at once with --targets (1 to {Cli.Targets.TargetsRun.MaxParallel}). [no variable] [default: {Cli.Targets.TargetsRun.DefaultParallel}]",
            };
            Parallel.Validators.Add(result =>
            {
                if (result.Tokens.Count == 1
                    && int.TryParse(result.Tokens[0].Value, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var value)
                    && (value < 1 || value > Cli.Targets.TargetsRun.MaxParallel))
                {
                    result.AddError($"--parallel must be from 1 to {Cli.Targets.TargetsRun.MaxParallel}, got {value}.");
                }
            });
        }

        if (groups.HasFlag(RunOptionGroups.ForceUnlock))
        {
            ForceUnlock = new("--force-unlock")
            {
                Description = "sync removes the endpoint's lock whoever holds it before taking it (for an operator, after a crashed run; see 'lakecircle unlock'). [no variable]",
            };
        }
    }

    /// <summary>
    /// <c>--targets FILE</c> and <c>--target NAME</c> (repeatable), the options of every command that works on a
    /// targets file; <c>--target</c> needs <c>--targets</c>.
    /// </summary>
    public static (Option<string?> File, Option<string[]> Names) TargetOptions(string description)
    {
        var file = new Option<string?>("--targets") { HelpName = "FILE", Description = description };
        file.Validators.Add(result =>
        {
            if (string.IsNullOrWhiteSpace(result.GetValueOrDefault<string?>()))
            {
                result.AddError("--targets needs a file name, got an empty one.");
            }
        });
        var names = new Option<string[]>("--target")
        {
            HelpName = "NAME",
            Description = "Only this target of --targets; repeat the flag for several. [no variable] [default: every target]",
            Arity = ArgumentArity.OneOrMore,
        };
        names.Validators.Add(result =>
        {
            if ((result.GetValueOrDefault<string[]>() ?? []).Any(string.IsNullOrWhiteSpace))
            {
                result.AddError("--target needs a target name, got an empty one.");
            }
        });
        return (file, names);
    }

    /// <summary><c>--targets FILE</c>: every target of a targets file.</summary>
    public Option<string?>? Targets { get; }

    /// <summary><c>--target NAME</c>: only these targets.</summary>
    public Option<string[]>? TargetNames { get; }

    /// <summary><c>--parallel N</c>: how many targets at once.</summary>
    public Option<int?>? Parallel { get; }

    /// <summary>The groups these options were created with.</summary>
    public RunOptionGroups Groups { get; }

    /// <summary><c>--endpoint</c>, or <see langword="null"/> for the commands that read the account alone.</summary>
    public Option<string?>? Endpoint { get; }

    public Option<string?> Account { get; } = Text("--account", "ID", AwsAccount, required: RequiredUnlessSnapshot);

    public Option<string?> Region { get; } = Text("--region", "REGION", AwsRegion, required: RequiredUnlessSnapshot);

    /// <summary><c>--regions R1,R2</c> (<see cref="RunOptionGroups.RunScope"/>): only the buckets of these regions.</summary>
    public Option<string?>? Regions { get; }

    public Option<string?> S3Endpoint { get; } = Text("--s3-endpoint", "URL", SettingDefinitions.S3Endpoint,
        "Path-style addressing and checksums only when required are then on.");

    public Option<bool> PathStyle { get; } = new("--path-style")
    {
        Description = "Address buckets as URL/bucket (on by default with --s3-endpoint). [no variable]",
    };

    public Option<bool> NoPathStyle { get; } = new("--no-path-style")
    {
        Description = "Address buckets as bucket.host, even with --s3-endpoint. [no variable]",
    };

    public Option<string?> Snapshot { get; } = Text("--snapshot", "FILE", SettingDefinitions.Snapshot,
        "Account and region default to the file's; sync writes the result back to the file.");

    /// <summary><c>--bucket</c>: repeatable (<see cref="RunOptionGroups.Buckets"/>) or exactly once (<see cref="RunOptionGroups.OneBucket"/>).</summary>
    public Option<string[]>? Buckets { get; }

    public Option<string?>? Output { get; }

    public Option<string?> LogLevel { get; } = Choice("--log-level", "LEVEL", AppLevel);

    public Option<string?> LogFormat { get; } = Choice("--log-format", "FORMAT", SettingDefinitions.LogFormat);

    /// <summary><c>--quiet</c>, <c>-q</c>: the log level ERROR, and no informational lines on standard error.</summary>
    public Option<bool> Quiet { get; } = CommonOptions.Quiet();

    public Option<string?>? Params { get; }

    public Option<int?>? Concurrency { get; }

    public Option<int?>? WriteConcurrency { get; }

    public Option<int?>? MaxChanges { get; }

    public Option<int?>? MaxDeletions { get; }

    public Option<int?>? MaxDestructive { get; }

    public Option<string[]>? AllowDestructive { get; }

    public Option<bool>? DetailedExitCode { get; }

    public Option<bool>? Wait { get; }

    public Option<string?>? WaitTimeout { get; }

    public Option<bool>? ForceUnlock { get; }

    /// <summary><c>--out FILE</c> (dryrun): where the plan is saved.</summary>
    public Option<string?>? Out { get; }

    /// <summary><c>--plan FILE</c> (sync): the saved plan to apply.</summary>
    public Option<string?>? Plan { get; }

    /// <summary><c>--auto-approve</c>: no question before writing.</summary>
    public Option<bool>? AutoApprove { get; }

    /// <summary><c>--show-unmanaged</c>: list every unmanaged bucket in the text plan.</summary>
    public Option<bool>? ShowUnmanaged { get; }

    /// <summary>Every option these groups have, in the order help lists them.</summary>
    public IEnumerable<Option> All =>
        new Option?[]
        {
            Endpoint, Account, Region, S3Endpoint, PathStyle, NoPathStyle, Snapshot, Buckets, Output, LogLevel, LogFormat, Quiet,
            Params, Concurrency, Regions, WriteConcurrency, MaxChanges, MaxDeletions, MaxDestructive, AllowDestructive, DetailedExitCode, Wait, WaitTimeout, ForceUnlock,
            Out, Plan, AutoApprove, ShowUnmanaged, Targets, TargetNames, Parallel,
        }.OfType<Option>();

    /// <summary>Adds the options to a command; hidden ones still parse but stay out of its help.</summary>
    public void AddTo(Command command, bool hidden = false)
    {
        foreach (var option in All)
        {
            option.Hidden = hidden;
            command.Options.Add(option);
        }

        command.Validators.Add(result =>
        {
            if (result.GetResult(PathStyle) is { Implicit: false } && result.GetResult(NoPathStyle) is { Implicit: false })
            {
                result.AddError("--path-style and --no-path-style cannot be used together.");
            }

            if (result.GetResult(Quiet) is { Implicit: false } && result.GetValue(Quiet) && result.GetResult(LogLevel) is { Implicit: false })
            {
                result.AddError("--quiet and --log-level cannot be used together (--quiet is --log-level ERROR).");
            }
        });
        if (Plan is { } plan && Buckets is { } selection)
        {
            command.Validators.Add(result =>
            {
                if (result.GetResult(plan) is { Implicit: false } && result.GetResult(selection) is { Implicit: false })
                {
                    result.AddError("--plan and --bucket cannot be used together: a saved plan is applied whole, as it was reviewed.");
                }
            });
        }

        if (Targets is { } targets && TargetNames is { } targetNames)
        {
            command.Validators.Add(result =>
            {
                var withTargets = result.GetResult(targets) is { Implicit: false };
                if (!withTargets)
                {
                    foreach (var needing in new Option?[] { targetNames, Parallel }.OfType<Option>().Where(o => result.GetResult(o) is { Implicit: false }))
                    {
                        result.AddError($"{needing.Name} needs --targets FILE.");
                    }

                    return;
                }

                foreach (var clash in new Option?[] { Endpoint, Account, Snapshot, Plan, Out }.OfType<Option>().Where(o => result.GetResult(o) is { Implicit: false }))
                {
                    result.AddError($"--targets and {clash.Name} cannot be used together: each target's file entry gives its account and endpoint.");
                }
            });
        }

        if (Groups.HasFlag(RunOptionGroups.OneBucket) && Buckets is { } buckets)
        {
            command.Validators.Add(result =>
            {
                if (result.GetValue(buckets) is not { Length: 1 })
                {
                    result.AddError($"{command.Name} needs exactly one --bucket NAME.");
                }
            });
        }
    }

    private static Option<string[]> BucketOption(string description)
    {
        var option = new Option<string[]>("--bucket")
        {
            HelpName = "NAME",
            Description = description,
            Arity = ArgumentArity.OneOrMore,
        };
        option.Validators.Add(result =>
        {
            var names = result.GetValueOrDefault<string[]>() ?? [];
            if (names.Any(string.IsNullOrWhiteSpace))
            {
                result.AddError("--bucket needs a bucket name, got an empty one.");
            }
            else if (names.FirstOrDefault(n => !BucketNames.IsValid(n)) is { } invalid)
            {
                result.AddError($"--bucket '{SafeText.Escape(invalid)}' is not an S3 bucket name: {BucketNames.Problem(invalid)}");
            }
        });
        return option;
    }

    private static Option<string?> WaitTimeoutOption()
    {
        var option = new Option<string?>("--wait-timeout")
        {
            HelpName = "DURATION",
            Description = $"How long --wait reads back, such as 60s or 5m (1s to 1h). [env: {ActionParams} key 'waitTimeout'] [default: {DurationText.Format(LakeCircleClientOptions.DefaultWaitTimeout)}]",
        };
        option.Validators.Add(result =>
        {
            var text = result.GetValueOrDefault<string?>();
            if (text is not null && !(DurationText.TryParse(text, out var timeout) && ActionParametersParser.InWaitRange(timeout)))
            {
                result.AddError($"--wait-timeout must be a duration from 1s to 1h, {DurationText.Forms}; got '{text}'.");
            }
        });
        return option;
    }

    private static Option<string?> Text(string name, string helpName, string variable, string? more = null, string required = "[required]") => new(name)
    {
        HelpName = helpName,
        Description = Describe(SettingDefinitions.Get(variable), more, required),
    };

    private static Option<string?> Choice(string name, string helpName, string variable, params string[] aliases)
    {
        var definition = SettingDefinitions.Get(variable);
        var option = new Option<string?>(name, aliases)
        {
            HelpName = helpName,
            Description = Describe(definition, $"One of {string.Join(", ", definition.Choices)}."),
        };
        option.CompletionSources.Add([.. definition.Choices]);
        option.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<string?>();
            if (value is not null && !definition.Choices.Contains(value.Trim(), StringComparer.OrdinalIgnoreCase))
            {
                result.AddError($"{name} must be one of {string.Join(", ", definition.Choices)}, got '{value}'.");
            }
        });
        return option;
    }

    private static Option<int?> Number(string name, string key, int minimum, int maximum, string description, string @default)
    {
        var option = new Option<int?>(name)
        {
            HelpName = "N",
            Description = $"{description} [env: {ActionParams} key '{key}'] [default: {@default}]",
        };
        option.Validators.Add(result =>
        {
            // Read the token, not the typed value: a token that is not a number has its own parse error, and the typed value would throw.
            if (result.Tokens.Count == 1
                && int.TryParse(result.Tokens[0].Value, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var value)
                && (value < minimum || value > maximum))
            {
                var range = maximum == int.MaxValue ? $"at least {minimum}" : $"from {minimum} to {maximum}";
                result.AddError($"{name} must be {range}, got {value}.");
            }
        });
        return option;
    }

    private static string Describe(SettingDefinition definition, string? more, string requiredLabel = "[required]")
    {
        var text = more is null ? definition.Description : $"{definition.Description} {more}";
        var required = definition.Required ? " " + requiredLabel : string.Empty;
        var @default = definition.Default is null ? string.Empty : $" [default: {definition.Default}]";
        return $"{text} [env: {definition.Name}]{@default}{required}";
    }
}

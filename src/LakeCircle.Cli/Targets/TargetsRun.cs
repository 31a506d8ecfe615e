using System.Diagnostics;
using LakeCircle.Cli.Commands;
using LakeCircle.Cli.Configuration;
using LakeCircle.Cli.Logging;
using LakeCircle.Cli.Output;
using LakeCircle.Cli.Running;
using LakeCircle.Core;
using LakeCircle.Core.Planning;
using LakeCircle.Core.Rendering;
using Microsoft.Extensions.Logging;

namespace LakeCircle.Cli.Targets;

/// <summary>
/// <c>lakecircle dryrun|sync --targets FILE</c>: every selected target of a targets file, a bounded number at once,
/// each an independent run of its own account (its own client, credentials, lock, archive and run record); one
/// target's failure never stops the others. One report grouped by target (text or JSON) with one summary, and one
/// exit code by the rules of a single run taken over all targets: 1 when any target failed, else 2 when
/// <c>--detailed-exitcode</c> and any has changes pending, else 0.
/// </summary>
internal static class TargetsRun
{
    /// <summary>The default of <c>--parallel</c>.</summary>
    public const int DefaultParallel = 4;

    /// <summary>The most targets at once.</summary>
    public const int MaxParallel = 64;

    /// <summary>Variables a targets run takes from each target, not from the environment.</summary>
    private static readonly string[] PerTarget = [SettingDefinitions.Endpoint, SettingDefinitions.AwsAccount, SettingDefinitions.Snapshot];

    /// <summary>Runs the targets and returns the exit code.</summary>
    public static async Task<int> RunAsync(
        CliContext context, RunArguments arguments, string commandName, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        try
        {
            return await RunCoreAsync(context, arguments, commandName, output, error, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return await LifecycleRun.CancelledAsync(context, arguments, output, error).ConfigureAwait(false);
        }
    }

    /// <summary>The environment a target's configuration is read from: without the variables the target gives.</summary>
    public static IReadOnlyDictionary<string, string?> TargetEnvironment(IReadOnlyDictionary<string, string?> environment) =>
        environment.Where(e => !PerTarget.Contains(e.Key, StringComparer.Ordinal)).ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);

    /// <summary>Reads the targets file with the command line's region and S3 server as defaults, and selects <c>--target</c>s.</summary>
    public static (IReadOnlyList<Target> Targets, IReadOnlyList<string> Problems) Load(CliContext context, RunArguments arguments, string file, IReadOnlyList<string> names)
    {
        var region = Lookup(arguments.Overrides, SettingDefinitions.AwsRegion) ?? Lookup(context.Environment, SettingDefinitions.AwsRegion);
        var s3 = Lookup(arguments.Overrides, SettingDefinitions.S3Endpoint) ?? Lookup(context.Environment, SettingDefinitions.S3Endpoint);
        var result = TargetsFile.Read(file, region, s3 is not null && Uri.TryCreate(s3, UriKind.Absolute, out var url) ? url : null);
        if (!result.IsValid)
        {
            return ([], [.. result.Problems.Select(p => p.ToString())]);
        }

        var problems = new List<string>();
        var known = result.Targets.Select(t => t.Name).ToList();
        foreach (var unknown in names.Where(n => !known.Contains(n, StringComparer.Ordinal)))
        {
            var suggestion = Core.Definitions.Reading.KeySuggester.Closest(unknown, [.. known]);
            problems.Add($"--target '{SafeText.Escape(unknown)}' is not a target of {file}" + (suggestion is null ? $" (its targets: {string.Join(", ", known)})." : $": did you mean {suggestion}?"));
        }

        var selected = names.Count == 0 ? result.Targets : [.. result.Targets.Where(t => names.Contains(t.Name, StringComparer.Ordinal))];
        return problems.Count > 0 ? ([], problems) : (selected, []);
    }

    private static async Task<int> RunCoreAsync(
        CliContext context, RunArguments arguments, string commandName, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var file = arguments.TargetsFile!;
        var prepared = await PrepareAsync(context, arguments, commandName, output, error, cancellationToken).ConfigureAwait(false);
        if (prepared is null)
        {
            return ExitCodes.Error;
        }

        var (targets, configurations) = prepared.Value;
        var ready = configurations.First(c => c.Settings is not null);
        var format = ready.Format;
        var first = ready.Settings!;
        var dryRun = first.Action == WorkAction.DryRun;
        var action = dryRun ? "DRYRUN" : "SYNC";
        using var loggerFactory = LoggingSetup.CreateLoggerFactory(context.Color.LogFormat(first.LogFormat), first.AppLevel, error, context.ErrorIsTerminal);
        var logger = loggerFactory.CreateLogger("LakeCircle.Cli");
        var parallel = arguments.Parallel ?? DefaultParallel;
        logger.Starting(first.AppName, CliVersion.Informational, action, ready.Payload!.Fingerprint);
        logger.TargetsStarting(action, targets.Count, file, Math.Min(parallel, targets.Count));

        var runs = targets.Select((t, i) => new TargetJob(t, configurations[i])).ToList();
        if (!dryRun && Confirmation.MustAsk(context, arguments.AutoApprove))
        {
            // On a terminal: every target's plan first, one question, then each plan applied (re-read before each write).
            var planned = await ForEachAsync(runs, parallel, job => RunTargetAsync(context, job, arguments, loggerFactory, logger, planOnly: true, null, cancellationToken), cancellationToken).ConfigureAwait(false);
            if (!await AskAsync(context, error, planned, cancellationToken).ConfigureAwait(false))
            {
                await error.WriteLineAsync(Confirmation.Declined).ConfigureAwait(false);
                await JsonOutput.WriteErrorAsync(output, context, format, "declined", Confirmation.Declined).ConfigureAwait(false);
                return ExitCodes.Error;
            }

            // A target whose plan failed is reported as it failed, never synced without the question.
            runs = [.. runs.Select((job, i) => job with { Plan = planned[i].Plan, Earlier = planned[i].Plan is { Succeeded: true } ? null : planned[i] })];
        }

        var results = await ForEachAsync(runs, parallel, job => RunTargetAsync(context, job, arguments, loggerFactory, logger, planOnly: dryRun, job.Plan, cancellationToken), cancellationToken).ConfigureAwait(false);
        await TargetsReport.WriteAsync(context, results, dryRun, format, arguments.ShowUnmanaged, output, error, cancellationToken).ConfigureAwait(false);
        var exitCode = results.Any(r => r.ExitCode == ExitCodes.Error) ? ExitCodes.Error
            : results.Any(r => r.ExitCode == ExitCodes.ChangesPending) ? ExitCodes.ChangesPending
            : ExitCodes.Ok;
        logger.Finished(action, exitCode);
        return exitCode;
    }

    /// <summary>
    /// Reads the targets file and each selected target's configuration (the flags and variables over the target's
    /// entry); on any problem, prints them all (and the JSON error document) and returns <see langword="null"/>:
    /// nothing was read or written.
    /// </summary>
    public static async Task<(IReadOnlyList<Target> Targets, IReadOnlyList<RunConfiguration> Configurations)?> PrepareAsync(
        CliContext context, RunArguments arguments, string commandName, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var format = RunConfiguration.RequestedFormat(context.Environment, arguments);
        var (targets, problems) = Load(context, arguments, arguments.TargetsFile!, arguments.TargetNames);
        var environment = TargetEnvironment(context.Environment);
        var configurations = new List<RunConfiguration>();
        foreach (var target in targets)
        {
            var configuration = await RunConfiguration.LoadAsync(environment, ForTarget(arguments, target), cancellationToken).ConfigureAwait(false);
            configurations.Add(configuration with { Errors = [.. configuration.Errors.Select(SpeakOfTheTarget)] });
        }

        // A problem every target has is the command line's (a flag, a variable): nothing runs. A problem of some
        // targets only (a snapshot of another account) is theirs: they fail alone, when they run.
        var common = configurations.Count == 0 ? [] : configurations.Select(c => (IEnumerable<string>)c.Errors).Aggregate((a, b) => a.Intersect(b, StringComparer.Ordinal)).ToList();
        if (common.Count > 0 || configurations.All(c => c.Errors.Count > 0))
        {
            problems = [.. problems, .. targets.SelectMany((t, i) => configurations[i].Errors.Select(e => $"target {t.Name} ({t.DeclaredAt}): {e}"))];
        }

        if (problems.Count > 0)
        {
            await new RunConfiguration { Errors = problems, Format = format }.ReportErrorsAsync(output, error, context, commandName).ConfigureAwait(false);
            return null;
        }

        return (targets, configurations);
    }

    /// <summary>A client of one target (its credentials, definitions and regions over its configuration), or why there is none.</summary>
    public static async Task<(TargetSession? Session, string? Problem)> OpenClientAsync(
        CliContext context, Target target, RunConfiguration configuration, RunArguments arguments, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        if (configuration.Errors.Count > 0)
        {
            return (null, string.Join(" ", configuration.Errors));
        }

        var options = ClientOptions.From(configuration, arguments.PathStyle, arguments.ForceUnlock, loggers);
        if (target.Regions.Count > 0)
        {
            // --regions limits each target to those of its own regions it names; none in common is no region, never every region.
            var limit = options.Regions.ToList();
            var regions = target.Regions.Where(r => limit.Count == 0 || limit.Contains(r, StringComparer.Ordinal)).ToList();
            if (regions.Count == 0)
            {
                return (null, $"the target's regions ({string.Join(", ", target.Regions)}) and --regions ({string.Join(", ", limit)}) have none in common: nothing to run.");
            }

            options.Regions.Clear();
            regions.ForEach(options.Regions.Add);
        }

        var (credentials, problem) = await TargetAccess.CredentialsAsync(target, context.Environment, cancellationToken).ConfigureAwait(false);
        if (problem is not null)
        {
            return (null, problem);
        }

        options.Credentials = credentials;
        if (credentials is Credentials.RoleCredentials role)
        {
            // The assumed keys are masked in run records too, as the caller's own are (the role was assumed by the probe).
            var keys = await role.GetCredentialsAsync().ConfigureAwait(false);
            options.SecretValues = [.. Core.Archive.SecretScrubber.EnvironmentValues(), .. new[] { keys.AccessKey, keys.SecretKey, keys.Token }.Where(v => !string.IsNullOrEmpty(v))];
        }

        options.StsUrl = target.S3Url is null ? target.StsUrl : null;
        foreach (var path in target.Definitions)
        {
            options.DefinitionPaths.Add(path);
        }

        return (new TargetSession(new LakeCircleClient(options), credentials as IDisposable), null);
    }

    /// <summary>Runs <paramref name="work"/> for each item, at most <paramref name="parallel"/> at once; the results in the items' order.</summary>
    public static async Task<IReadOnlyList<TResult>> ForEachAsync<TItem, TResult>(
        IReadOnlyList<TItem> items, int parallel, Func<TItem, Task<TResult>> work, CancellationToken cancellationToken)
    {
        var results = new TResult[items.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, items.Count),
            new ParallelOptions { MaxDegreeOfParallelism = parallel, CancellationToken = cancellationToken },
            async (i, _) => results[i] = await work(items[i]).ConfigureAwait(false)).ConfigureAwait(false);
        return results;
    }

    /// <summary>A configuration message about a value the target gives speaks of the targets file's key, not of the variable behind it.</summary>
    private static string SpeakOfTheTarget(string message) => message
        .Replace($"({SettingDefinitions.AwsAccount} / --account)", "(the target's 'account')", StringComparison.Ordinal)
        .Replace($"({SettingDefinitions.AwsRegion} / --region)", "(the target's 'region')", StringComparison.Ordinal)
        .Replace($"{SettingDefinitions.Snapshot}: ", "snapshot: ", StringComparison.Ordinal)
        .Replace($"{SettingDefinitions.Endpoint}: ", "endpoint: ", StringComparison.Ordinal);

    /// <summary>The command line of one target: its account, home region, endpoint and S3 server over the flags.</summary>
    public static RunArguments ForTarget(RunArguments arguments, Target target)
    {
        var overrides = new Dictionary<string, string?>(arguments.Overrides, StringComparer.Ordinal)
        {
            [SettingDefinitions.Endpoint] = target.Endpoint,
            [SettingDefinitions.AwsAccount] = target.Account,
            [SettingDefinitions.AwsRegion] = target.Region,
        };
        overrides.Remove(SettingDefinitions.Snapshot);
        if (target.Snapshot is { } snapshot)
        {
            overrides[SettingDefinitions.Snapshot] = snapshot;
        }

        if (target.S3Url is { } url)
        {
            overrides[SettingDefinitions.S3Endpoint] = url.ToString();
        }

        var flags = arguments.Flags.Where(f => !PerTarget.Contains(f.Key, StringComparer.Ordinal) && f.Key != SettingDefinitions.AwsRegion && f.Key != SettingDefinitions.S3Endpoint)
            .ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal);
        return arguments with { Overrides = overrides, Flags = flags, TargetsFile = null, TargetNames = [] };
    }

    private static async Task<TargetResult> RunTargetAsync(
        CliContext context, TargetJob job, RunArguments arguments, ILoggerFactory loggers, ILogger logger, bool planOnly, PlanOutcome? plan, CancellationToken cancellationToken)
    {
        if (job.Earlier is { } earlier)
        {
            return earlier;
        }

        if (job.Configuration.Errors.Count > 0)
        {
            logger.TargetFailed(job.Target.Name, string.Join(" ", job.Configuration.Errors));
            return new TargetResult { Target = job.Target, Failure = string.Join(" ", job.Configuration.Errors), ExitCode = ExitCodes.Error };
        }

        var target = job.Target;
        var settings = job.Configuration.Settings!;
        using var scope = logger.BeginScope(new[] { new KeyValuePair<string, object?>("target", target.Name) });
        var started = Stopwatch.GetTimestamp();
        TargetResult Failed(string reason)
        {
            logger.TargetFailed(target.Name, reason);
            return new TargetResult { Target = target, Failure = reason, ExitCode = ExitCodes.Error, Elapsed = Stopwatch.GetElapsedTime(started) };
        }

        logger.TargetStarting(target.Name, target.Account, target.Region, target.Endpoint, target.CredentialsText);
        TargetResult result;
        try
        {
            var (session, problem) = await OpenClientAsync(context, target, job.Configuration, arguments, loggers, cancellationToken).ConfigureAwait(false);
            if (session is null)
            {
                return Failed(problem!);
            }

            await using (session.ConfigureAwait(false))
            {
                var client = session.Client;
                var buckets = settings.ActionParameters.Buckets;
                if (planOnly)
                {
                    var outcome = await client.PlanAsync(buckets, cancellationToken).ConfigureAwait(false);
                    result = new TargetResult { Target = target, Plan = outcome, ExitCode = RunOutput.ExitCode(outcome, settings.ActionParameters.DetailedExitCode) };
                }
                else
                {
                    var run = plan is null
                        ? await client.SyncAsync(buckets, cancellationToken).ConfigureAwait(false)
                        : await client.ApplyAsync(plan, cancellationToken).ConfigureAwait(false);
                    result = new TargetResult { Target = target, Run = run, ExitCode = RunOutput.ExitCode(run) };
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            // Whatever stops one target (credentials refused, an endpoint that cannot be reached) is its failure alone.
            return Failed(SecretMasker.MaskUserInfo(e.Message));
        }

        result = result with { Elapsed = Stopwatch.GetElapsedTime(started) };
        logger.TargetFinished(target.Name, result.Status, result.Elapsed.TotalSeconds);
        return result;
    }

    private static async Task<bool> AskAsync(CliContext context, TextWriter error, IReadOnlyList<TargetResult> planned, CancellationToken cancellationToken)
    {
        var changes = false;
        foreach (var result in planned)
        {
            await error.WriteLineAsync(TargetsReport.Header(result.Target)).ConfigureAwait(false);
            if (result.Plan is { } plan)
            {
                await error.WriteAsync(TextPlanRenderer.ToText(plan, new PlanRenderOptions { Color = context.ErrorIsTerminal })).ConfigureAwait(false);
                changes |= plan.Succeeded && plan.HasChanges;
            }
            else
            {
                await error.WriteLineAsync("FAILED: " + SafeText.Escape(result.Failure)).ConfigureAwait(false);
            }

            await error.WriteLineAsync().ConfigureAwait(false);
        }

        if (!changes)
        {
            return true;
        }

        await error.WriteAsync(Confirmation.Question).ConfigureAwait(false);
        await error.FlushAsync(cancellationToken).ConfigureAwait(false);
        var answer = (await context.Prompt.ReadAnswerAsync(cancellationToken).ConfigureAwait(false))?.Trim();
        return string.Equals(answer, "y", StringComparison.OrdinalIgnoreCase) || string.Equals(answer, "yes", StringComparison.OrdinalIgnoreCase);
    }

    private static string? Lookup(IReadOnlyDictionary<string, string?> values, string name) =>
        values.TryGetValue(name, out var text) && !string.IsNullOrWhiteSpace(text) ? text.Trim() : null;

    private sealed record TargetJob(Target Target, RunConfiguration Configuration)
    {
        public PlanOutcome? Plan { get; init; }

        public TargetResult? Earlier { get; init; }
    }
}

/// <summary>One target's client and the credentials it was made with (an assumed role's STS client), released together.</summary>
internal sealed class TargetSession(LakeCircleClient client, IDisposable? credentials) : IAsyncDisposable
{
    /// <summary>The target's client.</summary>
    public LakeCircleClient Client { get; } = client;

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await Client.DisposeAsync().ConfigureAwait(false);
        credentials?.Dispose();
    }
}

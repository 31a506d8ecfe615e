using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using LakeCircle.Cli.Configuration;
using LakeCircle.Cli.Running;
using LakeCircle.Core.Diagnostics;
using LakeCircle.Core.Impact;
using LakeCircle.Core.Model;
using LakeCircle.Core.Planning;
using LakeCircle.Core.Rendering;

namespace LakeCircle.Cli.Commands;

/// <summary>
/// <c>lakecircle explain --bucket NAME --key KEY</c>: one object's schedule under the bucket's lifecycle configuration
/// now and under the one a sync would leave, side by side, naming the rule that decides each step. Writes nothing.
/// </summary>
internal sealed class ExplainCommand(CliContext context) : ICliCommand
{
    /// <summary>The flags of explain besides the endpoint, account and log flags and its own.</summary>
    public const RunOptionGroups Groups = RunOptionGroups.Output | RunOptionGroups.OneBucket;

    public IReadOnlyList<string> Examples { get; } =
    [
        "lakecircle explain --bucket acme-logs --key logs/2026/01/app.log --size 2097152 --age 40 --endpoint ./endpoint --snapshot account.json",
        "lakecircle explain --bucket acme-datalake --key raw/events.parquet --versioning enabled --noncurrent-since 2026-01-10 --newer-noncurrent 2 --tag team=data -o json",
    ];

    public Command Create()
    {
        var key = new Option<string>("--key") { HelpName = "KEY", Description = "The object key. [required]", Required = true };
        var size = WholeNumber("--size", "BYTES", "The object's size in bytes. [default: 0]");
        var tags = new Option<string[]>("--tag")
        {
            HelpName = "K=V",
            Description = "One of the object's tags; repeat the flag for several. Without any, rules with tag filters are left out and named.",
            Arity = ArgumentArity.OneOrMore,
            AllowMultipleArgumentsPerToken = false,
        };
        var created = new Option<string?>("--created") { HelpName = "DATE", Description = "When the version was created (YYYY-MM-DD or an ISO 8601 time, UTC). [default: now]" };
        var age = WholeNumber("--age", "DAYS", "Instead of --created: the version was created this many days ago.");
        var noncurrentSince = new Option<string?>("--noncurrent-since")
        {
            HelpName = "DATE",
            Description = "The version is noncurrent since this date (a newer version was written then); versioning defaults to enabled.",
        };
        var newerNoncurrent = WholeNumber("--newer-noncurrent", "N", "With --noncurrent-since: how many noncurrent versions of the key are newer than this one. [default: 0]");
        var versioning = new Option<string?>("--versioning")
        {
            HelpName = "enabled|suspended|unversioned",
            Description = "The bucket's versioning state. [default: enabled with --noncurrent-since or --delete-marker, else unversioned]",
        };
        versioning.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() is { } text && text is not ("enabled" or "suspended" or "unversioned"))
            {
                result.AddError($"--versioning must be enabled, suspended or unversioned, got '{text}'.");
            }
        });
        var deleteMarker = new Option<bool>("--delete-marker") { Description = "The version is a delete marker (with no noncurrent version left under it when current)." };
        var now = new Option<string?>("--now") { HelpName = "DATE", Description = "The date to count --age from and to mark past steps by, for reproducible output. [default: the clock]" };
        var command = new Command(
            "explain",
            "Explain what the lifecycle rules do to one object: its schedule (transitions, expiration, deletion) under the "
            + "bucket's configuration now and under the one a sync would leave, side by side, with the rule that decides each "
            + "step. Plans the one bucket (writing nothing). Exit code 0, or 1 on an error (such as a bucket not in the account).")
        {
            key, size, tags, created, age, noncurrentSince, newerNoncurrent, versioning, deleteMarker, now,
        };
        var options = new RunOptions(Groups);
        options.AddTo(command);
        IsDate(created);
        IsDate(noncurrentSince);
        IsDate(now);
        key.Validators.Add(result =>
        {
            if (string.IsNullOrEmpty(result.GetValueOrDefault<string>()))
            {
                result.AddError("--key needs an object key, got an empty one.");
            }
        });
        tags.Validators.Add(result =>
        {
            foreach (var tag in result.GetValueOrDefault<string[]>() ?? [])
            {
                if (tag.IndexOf('=', StringComparison.Ordinal) <= 0)
                {
                    result.AddError($"--tag needs KEY=VALUE, got '{tag}'.");
                }
            }
        });
        command.Validators.Add(result =>
        {
            if (Given(result, created) && Given(result, age))
            {
                result.AddError("--created and --age cannot be used together: give the creation date or the age.");
            }

            if (Given(result, newerNoncurrent) && !Given(result, noncurrentSince))
            {
                result.AddError("--newer-noncurrent needs --noncurrent-since: only a noncurrent version has newer noncurrent versions.");
            }

            if (Given(result, noncurrentSince) && result.GetValue(versioning) == "unversioned")
            {
                result.AddError("--noncurrent-since needs a versioned bucket: an unversioned bucket has no noncurrent versions.");
            }
        });
        command.SetAction((parseResult, cancellationToken) =>
        {
            var clock = parseResult.GetValue(now) is { } given ? ParseDate(given) : context.Time.GetUtcNow();
            var since = parseResult.GetValue(noncurrentSince) is { } s ? ParseDate(s) : (DateTimeOffset?)null;
            var isMarker = parseResult.GetValue(deleteMarker);
            var version = new ObjectVersion
            {
                Key = parseResult.GetValue(key)!,
                Size = parseResult.GetValue(size) ?? 0,
                Tags = parseResult.GetValue(tags) is { Length: > 0 } pairs ? pairs.Select(Tag).ToValueList() : null,
                Created = parseResult.GetValue(created) is { } c ? ParseDate(c)
                    : parseResult.GetValue(age) is { } days ? clock.AddDays(-days) : clock,
                IsCurrent = since is null,
                NoncurrentSince = since,
                NewerNoncurrentVersions = (int)(parseResult.GetValue(newerNoncurrent) ?? 0),
                IsDeleteMarker = isMarker,
                IsOnlyVersion = isMarker && since is null,
            };
            var state = parseResult.GetValue(versioning) switch
            {
                "enabled" => BucketVersioning.Enabled,
                "suspended" => BucketVersioning.Suspended,
                "unversioned" => BucketVersioning.Unversioned,
                _ => since is not null || isMarker ? BucketVersioning.Enabled : BucketVersioning.Unversioned,
            };
            return RunAsync(
                RunArguments.From(parseResult, options, WorkAction.DryRun),
                parseResult.GetValue(options.Buckets!)![0].Trim(),
                version,
                state,
                clock,
                parseResult.InvocationConfiguration.Output,
                parseResult.InvocationConfiguration.Error,
                cancellationToken);
        });
        return command;
    }

    /// <summary>A date flag's value: <c>YYYY-MM-DD</c> (midnight UTC) or an ISO 8601 time (UTC unless it says otherwise).</summary>
    internal static bool TryParseDate(string text, out DateTimeOffset date) =>
        DateTimeOffset.TryParse(text.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out date);

    private static DateTimeOffset ParseDate(string text) => TryParseDate(text, out var date) ? date : throw new FormatException(text);

    private static LifecycleTag Tag(string pair)
    {
        var at = pair.IndexOf('=', StringComparison.Ordinal);
        return new LifecycleTag(pair[..at], pair[(at + 1)..]);
    }

    private static bool Given(CommandResult result, Option option) => result.GetResult(option) is { Implicit: false };

    /// <summary>A flag taking a whole number from 0 (at most a hundred years of days for the day counts).</summary>
    private static Option<long?> WholeNumber(string name, string helpName, string description) => new(name)
    {
        HelpName = helpName,
        Description = description,
        CustomParser = result =>
        {
            var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Empty;
            var limit = name == "--size" ? long.MaxValue : 36_600;
            if (!long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < 0 || value > limit)
            {
                result.AddError($"{name} must be a whole number from 0{(limit == long.MaxValue ? string.Empty : $" to {limit}")}, got '{text}'.");
                return null;
            }

            return value;
        },
    };

    private static void IsDate(Option<string?> option)
    {
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() is { } text && !TryParseDate(text, out _))
            {
                result.AddError($"{option.Name} needs a date such as 2026-01-31 (or an ISO 8601 time), got '{text}'.");
            }
        });
    }

    private async Task<int> RunAsync(
        RunArguments arguments, string bucket, ObjectVersion version, BucketVersioning versioning, DateTimeOffset now, TextWriter output, TextWriter error,
        CancellationToken cancellationToken)
    {
        var session = await EndpointSession.OpenAsync(context, arguments, "lakecircle explain", output, error, cancellationToken).ConfigureAwait(false);
        if (session is null)
        {
            return ExitCodes.Error;
        }

        await using var closing = session.ConfigureAwait(false);
        ObjectExplanation explanation;
        try
        {
            explanation = await session.Client.ExplainAsync(bucket, version, versioning, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException or Core.Gateways.S3GatewayException)
        {
            await Output.ErrorLine.WriteAsync(error, e.Message).ConfigureAwait(false);
            await session.WriteJsonErrorAsync("failed", e.Message).ConfigureAwait(false);
            return ExitCodes.Error;
        }

        foreach (var diagnostic in explanation.Diagnostics)
        {
            var line = SafeText.Escape(diagnostic.ToString());
            await error.WriteLineAsync(diagnostic.IsError ? "error: " + line : "warning: " + line).ConfigureAwait(false);
        }

        if (session.Settings.Output == OutputFormat.Json)
        {
            var failure = explanation.Error is not { } message ? null
                : JsonEnvelope.Error(
                    explanation.Diagnostics.HasErrors() ? "definitions" : explanation.Status == BucketStatus.Missing ? "missing"
                        : explanation.Status == BucketStatus.OtherRegion ? "other-region" : "failed",
                    message,
                    explanation.Diagnostics.Where(d => d.IsError).Select(d => d.ToString()));
            await session.WriteJsonAsync(explanation.Succeeded, failure, Output.ExplanationJson.Of(explanation)).ConfigureAwait(false);
            return explanation.Succeeded ? ExitCodes.Ok : ExitCodes.Error;
        }

        if (explanation.Error is { } problem)
        {
            await Output.ErrorLine.WriteAsync(error, problem).ConfigureAwait(false);
            return ExitCodes.Error;
        }

        await output.WriteAsync(TextExplanationRenderer.ToText(explanation, now, context.OutputIsTerminal)).ConfigureAwait(false);
        return ExitCodes.Ok;
    }
}

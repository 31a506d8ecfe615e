using System.CommandLine;
using System.Globalization;
using System.Text;
using LakeCircle.Cli.Configuration;
using LakeCircle.Cli.Running;
using LakeCircle.Core.Impact;
using LakeCircle.Core.Impact.Inventory;
using LakeCircle.Core.Rendering;

namespace LakeCircle.Cli.Commands;

/// <summary>
/// <c>lakecircle impact --bucket NAME --inventory PATH</c>: streams an S3 Inventory report of the bucket and counts what
/// its current and its desired lifecycle configuration do to the versions listed, within 1, 7, 30 and 365 days.
/// </summary>
internal sealed class ImpactCommand(CliContext context) : ICliCommand
{
    /// <summary>The flags of impact besides the endpoint, account and log flags.</summary>
    public const RunOptionGroups Groups = RunOptionGroups.Output | RunOptionGroups.OneBucket;

    public IReadOnlyList<string> Examples { get; } =
    [
        "lakecircle impact --bucket acme-logs --inventory inventory/acme-logs/daily/2026-03-01T01-00Z/manifest.json --endpoint s3://acme-config/lakecircle/ --account 123456789012 --region eu-west-1",
        "lakecircle impact --bucket acme-backups --inventory report.csv.gz --columns Bucket,Key,Size,LastModifiedDate,StorageClass --endpoint ./endpoint --snapshot account.json -o json",
    ];

    public Command Create()
    {
        var inventory = new Option<string>("--inventory")
        {
            HelpName = "PATH",
            Description = "The S3 Inventory report: its manifest.json (or the folder holding it; data files found beside it or in data/), "
                + "or one .csv, .csv.gz or .parquet data file. CSV or Parquet; ORC is refused. [required]",
            Required = true,
        };
        var columns = new Option<string?>("--columns")
        {
            HelpName = "NAMES",
            Description = "The column order of CSV data files, comma-separated as the manifest's fileSchema (for example "
                + "\"Bucket,Key,VersionId,IsLatest,IsDeleteMarker,Size,LastModifiedDate,StorageClass\"). [default: the manifest's; required for a single CSV file]",
        };
        var now = new Option<string?>("--now")
        {
            HelpName = "DATE",
            Description = "The time the horizons count from, ISO 8601 (2026-03-01 or 2026-03-01T00:00:00Z). [default: the report's creation time, else now]",
        };
        var versioning = new Option<string?>("--versioning")
        {
            HelpName = "enabled|suspended|unversioned",
            Description = "The bucket's versioning. [default: enabled when the report lists versions (IsLatest), else unversioned]",
        };
        versioning.AcceptOnlyFromAmong("enabled", "suspended", "unversioned");
        var command = new Command(
            "impact",
            "Count what the bucket's current lifecycle configuration and its desired one (the definition's) do to the object versions "
            + "an S3 Inventory report lists: versions and bytes deleted and moved to each storage class within 1, 7, 30 and 365 days, "
            + "the versions whose fate changes, and those rules with tag filters might match (the report has no tags). Streams the report "
            + "in bounded memory; writes nothing. Exit code 0, 1 on an error, 3 for a report or flag that cannot be read.")
        {
            inventory, columns, now, versioning,
        };
        var options = new RunOptions(Groups);
        options.AddTo(command);
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            RunArguments.From(parseResult, options, WorkAction.DryRun),
            parseResult.GetValue(options.Buckets!)![0].Trim(),
            parseResult.GetValue(inventory)!,
            parseResult.GetValue(columns),
            parseResult.GetValue(now),
            parseResult.GetValue(versioning),
            parseResult.InvocationConfiguration.Output,
            parseResult.InvocationConfiguration.Error,
            cancellationToken));
        return command;
    }

    private async Task<int> RunAsync(
        RunArguments arguments, string bucket, string inventory, string? columns, string? now, string? versioning, TextWriter output, TextWriter error,
        CancellationToken cancellationToken)
    {
        var session = await EndpointSession.OpenAsync(context, arguments, "lakecircle impact", output, error, cancellationToken).ConfigureAwait(false);
        if (session is null)
        {
            return ExitCodes.Error;
        }

        await using var closing = session.ConfigureAwait(false);
        DateTimeOffset? time = null;
        if (now is not null)
        {
            if (!DateTimeOffset.TryParse(now, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
            {
                return await FailAsync(session, error, "usage", $"--now '{now}' is not an ISO 8601 date or time, such as 2026-03-01 or 2026-03-01T00:00:00Z.", ExitCodes.UsageError)
                    .ConfigureAwait(false);
            }

            time = parsed;
        }

        var options = new InventoryImpactOptions
        {
            Columns = string.IsNullOrWhiteSpace(columns) ? null : columns.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries),
            Now = time,
            Versioning = versioning switch
            {
                "enabled" => BucketVersioning.Enabled,
                "suspended" => BucketVersioning.Suspended,
                "unversioned" => BucketVersioning.Unversioned,
                _ => null,
            },
        };

        InventoryImpactReport report;
        try
        {
            report = await session.Client.ImpactAsync(bucket, inventory, options, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is InvalidDataException or FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException)
        {
            return await FailAsync(session, error, "inventory", e.Message, ExitCodes.UsageError).ConfigureAwait(false);
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or Core.Gateways.S3GatewayException)
        {
            return await FailAsync(session, error, "failed", e.Message, ExitCodes.Error).ConfigureAwait(false);
        }

        if (session.Settings.Output == OutputFormat.Json)
        {
            await session.WriteJsonAsync(succeeded: true, error: null, Document(report, inventory)).ConfigureAwait(false);
            return ExitCodes.Ok;
        }

        await output.WriteAsync(Text(report, inventory)).ConfigureAwait(false);
        return ExitCodes.Ok;
    }

    private static async Task<int> FailAsync(EndpointSession session, TextWriter error, string code, string message, int exitCode)
    {
        await Output.ErrorLine.WriteAsync(error, message).ConfigureAwait(false);
        await session.WriteJsonErrorAsync(code, message).ConfigureAwait(false);
        return exitCode;
    }

    /// <summary>The text report: a table of the current and the desired configuration per horizon.</summary>
    internal static string Text(InventoryImpactReport report, string inventory)
    {
        var text = new StringBuilder();
        void Line(string line) => text.Append(SafeText.Escape(line)).Append('\n');
        Line($"Impact on bucket {report.Bucket} of {inventory}");
        Line(string.Create(CultureInfo.InvariantCulture,
            $"now {report.Now.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}, versioning {report.Versioning.ToString().ToLowerInvariant()}, "
            + $"{Count(report.Scanned)} scanned ({report.CurrentVersions:N0} current, {report.NoncurrentVersions:N0} noncurrent, {report.DeleteMarkers:N0} delete markers)"));
        if (!report.ConfigurationChanges)
        {
            Line("The definition matches the bucket's configuration: desired and current are the same.");
        }

        text.Append('\n');
        var rows = new List<(string Label, string Current, string Desired)>();
        var classes = report.Current.Horizons.Concat(report.Desired.Horizons).SelectMany(h => h.Transitioned.Keys).Distinct().Order(StringComparer.Ordinal).ToList();
        for (var h = 0; h < report.Current.Horizons.Count; h++)
        {
            var (current, desired) = (report.Current.Horizons[h], report.Desired.Horizons[h]);
            var within = current.Days == 1 ? "1 day" : string.Create(CultureInfo.InvariantCulture, $"{current.Days} days");
            rows.Add(($"deleted within {within}", Count(current.Deleted), Count(desired.Deleted)));
            if (report.Versioning != BucketVersioning.Unversioned)
            {
                rows.Add(($"permanently deleted within {within}", Count(current.PermanentlyDeleted), Count(desired.PermanentlyDeleted)));
            }

            foreach (var storageClass in classes)
            {
                rows.Add(($"to {storageClass} within {within}", Count(current.Transitioned.GetValueOrDefault(storageClass)), Count(desired.Transitioned.GetValueOrDefault(storageClass))));
            }
        }

        rows.Add(("depends on tags", Count(report.Current.DependsOnTags), Count(report.Desired.DependsOnTags)));
        var labelWidth = Math.Max(5, rows.Max(r => r.Label.Length));
        var currentWidth = Math.Max(7, rows.Max(r => r.Current.Length));
        Line($"{"".PadRight(labelWidth)}  {"CURRENT".PadRight(currentWidth)}  DESIRED");
        foreach (var (label, current, desired) in rows)
        {
            Line($"{label.PadRight(labelWidth)}  {current.PadRight(currentWidth)}  {desired}");
        }

        text.Append('\n');
        foreach (var (name, impact) in new[] { ("current", report.Current), ("desired", report.Desired) })
        {
            foreach (var (rule, count) in impact.DependsOnTagsByRule)
            {
                Line($"Depends on tags ({name}): rule '{rule}' might match {Count(count)}; S3 Inventory has no tags, so its effect is not counted above.");
            }
        }

        if (report.NoncurrentSinceUnknown.Objects > 0)
        {
            Line($"Noncurrent since unknown: {Count(report.NoncurrentSinceUnknown)} (no newer version listed), not counted above.");
        }

        var examples = report.FateChangedExamples.Count == 0 ? "" : $"; for example {string.Join(", ", report.FateChangedExamples)}";
        Line($"Fate changes: {Count(report.FateChanged)}{examples}.");
        return text.ToString();
    }

    /// <summary><c>1,234 (5.6 MiB)</c>, or <c>0</c>.</summary>
    internal static string Count(InventoryCount count) =>
        count.Objects == 0 ? "0" : string.Create(CultureInfo.InvariantCulture, $"{count.Objects:N0} ({Bytes(count.Bytes)})");

    /// <summary>Bytes in binary units: <c>512 B</c>, <c>1.5 KiB</c>, <c>2.0 GiB</c>.</summary>
    internal static string Bytes(long bytes)
    {
        string[] units = ["B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"];
        var value = (double)bytes;
        var unit = 0;
        while (value >= 1024 && unit < units.Length - 1)
        {
            value /= 1024;
            unit++;
        }

        return unit == 0 ? string.Create(CultureInfo.InvariantCulture, $"{bytes} B") : string.Create(CultureInfo.InvariantCulture, $"{value:0.0} {units[unit]}");
    }

    private static ImpactDocument Document(InventoryImpactReport report, string inventory) => new(
        report.Bucket,
        inventory,
        report.Now.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
        report.Versioning.ToString().ToLowerInvariant(),
        report.ConfigurationChanges,
        CountJson.Of(report.Scanned),
        report.CurrentVersions,
        report.NoncurrentVersions,
        report.DeleteMarkers,
        CountJson.Of(report.NoncurrentSinceUnknown),
        ConfigurationJson.Of(report.Current),
        ConfigurationJson.Of(report.Desired),
        CountJson.Of(report.FateChanged),
        [.. report.FateChangedExamples]);

    /// <summary>The members of the JSON document after its head.</summary>
    private sealed record ImpactDocument(
        string Bucket, string Inventory, string Now, string Versioning, bool ConfigurationChanges, CountJson Scanned, long CurrentVersions,
        long NoncurrentVersions, long DeleteMarkers, CountJson NoncurrentSinceUnknown, ConfigurationJson Current, ConfigurationJson Desired,
        CountJson FateChanged, List<string> FateChangedExamples);

    private sealed record CountJson(long Objects, long Bytes)
    {
        public static CountJson Of(InventoryCount count) => new(count.Objects, count.Bytes);
    }

    private sealed record HorizonJson(int Days, CountJson Deleted, CountJson PermanentlyDeleted, SortedDictionary<string, CountJson> Transitioned);

    private sealed record ConfigurationJson(List<HorizonJson> Horizons, CountJson DependsOnTags, SortedDictionary<string, CountJson> DependsOnTagsByRule)
    {
        public static ConfigurationJson Of(InventoryConfigurationImpact impact) => new(
            [.. impact.Horizons.Select(h => new HorizonJson(
                h.Days, CountJson.Of(h.Deleted), CountJson.Of(h.PermanentlyDeleted), new SortedDictionary<string, CountJson>(h.Transitioned.ToDictionary(t => t.Key, t => CountJson.Of(t.Value)), StringComparer.Ordinal)))],
            CountJson.Of(impact.DependsOnTags),
            new SortedDictionary<string, CountJson>(impact.DependsOnTagsByRule.ToDictionary(r => r.Key, r => CountJson.Of(r.Value)), StringComparer.Ordinal));
    }
}

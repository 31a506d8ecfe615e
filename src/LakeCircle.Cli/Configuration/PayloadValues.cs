using System.Globalization;
using System.Text.Json;
using LakeCircle.Core;
using LakeCircle.Core.Gateways;
using static LakeCircle.Cli.Configuration.PayloadKeys;

namespace LakeCircle.Cli.Configuration;

/// <summary>Renders settings as the text values of the payload keys.</summary>
internal static class PayloadValues
{
    public static Dictionary<string, string?> Of(Settings s, IReadOnlyDictionary<string, EndpointLocation> locations)
    {
        var p = s.ActionParameters;
        var values = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            [AppName] = s.AppName,
            [AppLevel] = LogLevelNames.ToName(s.AppLevel),
            [AppFormat] = s.LogFormat.ToString().ToUpperInvariant(),
            [AppOutput] = s.Output == OutputFormat.Json ? "json" : "text",
            [AwsAccount] = s.AwsAccount,
            [AwsRegion] = s.AwsRegion,
            [AwsRegions] = s.AwsRegions.Count == 0 ? null : string.Join(',', s.AwsRegions),
            [AwsS3Endpoint] = s.S3Endpoint?.ToString(),
            [AwsSnapshot] = s.SnapshotPath,
            [WorkActions] = s.Action == WorkAction.DryRun ? "DRYRUN" : "SYNC",
            [WorkParams] = ParametersJson(p),
            [WorkBuckets] = p.Buckets is null ? null : string.Join(',', p.Buckets),
            [WorkConcurrency] = Number(p.Concurrency),
            [WorkWriteConcurrency] = Number(p.WriteConcurrency),
            [WorkMaxChanges] = Number(p.MaxChanges),
            [WorkMaxDeletions] = Number(p.MaxDeletions),
            [WorkMaxDestructive] = Number(p.MaxDestructive),
            [WorkAllowDestructive] = p.AllowDestructive.Count == 0 ? null : string.Join(',', p.AllowDestructive),
            [WorkDetailedExitCode] = Boolean(p.DetailedExitCode),
            [WorkWait] = Boolean(p.Wait),
            [WorkWaitTimeout] = DurationText.Format(p.WaitTimeout),
        };
        foreach (var (key, location) in locations)
        {
            values[key] = location.ToString();
        }

        return values;
    }

    /// <summary>The parameters as compact JSON with keys in a fixed order and unset limits left out.</summary>
    public static string ParametersJson(ActionParameters p)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
        {
            w.WriteStartObject();
            if (p.Buckets is { } buckets)
            {
                w.WriteStartArray("buckets");
                foreach (var bucket in buckets)
                {
                    w.WriteStringValue(bucket);
                }

                w.WriteEndArray();
            }
            w.WriteNumber("concurrency", p.Concurrency);
            w.WriteNumber("writeConcurrency", p.WriteConcurrency);
            if (p.MaxChanges is { } maxChanges)
            {
                w.WriteNumber("maxChanges", maxChanges);
            }

            if (p.MaxDeletions is { } maxDeletions)
            {
                w.WriteNumber("maxDeletions", maxDeletions);
            }

            if (p.MaxDestructive is { } maxDestructive)
            {
                w.WriteNumber("maxDestructive", maxDestructive);
            }

            if (p.AllowDestructive.Count > 0)
            {
                w.WriteStartArray("allowDestructive");
                foreach (var bucket in p.AllowDestructive)
                {
                    w.WriteStringValue(bucket);
                }

                w.WriteEndArray();
            }

            w.WriteBoolean("detailedExitCode", p.DetailedExitCode);
            w.WriteBoolean("wait", p.Wait);
            if (p.WaitTimeout != LakeCircleClientOptions.DefaultWaitTimeout)
            {
                w.WriteString("waitTimeout", DurationText.Format(p.WaitTimeout));
            }

            w.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private static string? Number(int? value) => value?.ToString(CultureInfo.InvariantCulture);

    private static string Boolean(bool value) => value ? "true" : "false";
}

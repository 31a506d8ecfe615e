using System.Text.RegularExpressions;
using LakeCircle.Cli.Configuration;
using LakeCircle.Core.Definitions.Reading;
using LakeCircle.Core.Definitions.Toml;
using LakeCircle.Core.Diagnostics;
using LakeCircle.Core.Gateways;

namespace LakeCircle.Cli.Targets;

/// <summary>
/// Reads a targets file (TOML, docs/cli.md "Targets"): an optional <c>[defaults]</c> table and one <c>[[target]]</c>
/// table per account. Every problem is reported at once with the file, line and field, and a file with any problem
/// gives no target: nothing is read or written for a file that is not right.
/// </summary>
internal static partial class TargetsFile
{
    /// <summary>The largest targets file read (an organisation of thousands of accounts fits many times over).</summary>
    public const int MaxBytes = 4 * 1024 * 1024;

    private static readonly string[] SharedKeys =
        ["region", "regions", "endpoint", "definitions", "profile", "role_arn", "source_profile", "external_id", "session_name", "session_duration", "s3_url", "sts_url", "snapshot"];

    private static readonly string[] TargetKeys = ["name", "account", .. SharedKeys];

    [GeneratedRegex(@"\A[A-Za-z0-9][A-Za-z0-9._-]{0,63}\z", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();

    // arn:<partition>:iam::<account>:role/<path/name>; an S3-compatible server's role ARN may have no account.
    [GeneratedRegex(@"\Aarn:aws[a-z-]*:iam::(?<account>[0-9]{12})?:role/[A-Za-z0-9_+=,.@/-]{1,512}\z", RegexOptions.CultureInvariant)]
    private static partial Regex RoleArnPattern();

    [GeneratedRegex(@"\{[^{}]*\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();

    /// <summary>Reads and checks the file.</summary>
    /// <param name="path">The file, as given (messages name it so).</param>
    /// <param name="fallbackRegion">The home region of targets that give none (<c>--region</c> / <c>LCC_AWS_REGION</c>), or <see langword="null"/>.</param>
    /// <param name="fallbackS3Url">The S3-compatible server of targets that name none (<c>--s3-endpoint</c> / <c>LCC_S3_ENDPOINT</c>), or <see langword="null"/>.</param>
    /// <returns>The targets, or the problems (then no target).</returns>
    public static TargetsFileResult Read(string path, string? fallbackRegion = null, Uri? fallbackS3Url = null)
    {
        byte[] bytes;
        try
        {
            var info = new FileInfo(Path.GetFullPath(path));
            if (Directory.Exists(info.FullName))
            {
                return TargetsFileResult.Failed(path, "it is a folder, not a file.");
            }

            if (info.Exists && info.Length > MaxBytes)
            {
                return TargetsFileResult.Failed(path, $"it is larger than {MaxBytes / 1024 / 1024} MiB.");
            }

            bytes = File.ReadAllBytes(info.FullName);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return TargetsFileResult.Failed(path, e is FileNotFoundException or DirectoryNotFoundException ? "no such file."
                : e is UnauthorizedAccessException ? "permission denied." : e.Message);
        }

        var sink = new DiagnosticSink(path);
        var text = TextDecoder.Decode(bytes, out var invalidAt);
        if (text is null)
        {
            sink.Add(invalidAt, null, "The file is not valid UTF-8: a targets file must be UTF-8 encoded.");
            return TargetsFileResult.Of(path, [], sink);
        }

        var root = TomlDocumentReader.Read(text, path, sink);
        if (root is null)
        {
            return TargetsFileResult.Of(path, [], sink);
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(path)) ?? Directory.GetCurrentDirectory();
        var document = new TableReader(root, sink);
        document.CheckKeys("defaults", "target");
        var defaults = document.Child("defaults");
        defaults?.CheckKeys(SharedKeys);
        var tables = document.Tables("target", required: true) ?? [];
        if (tables.Count == 0 && document.Has("target"))
        {
            sink.Add(root.Position, "target", "The file declares no [[target]].");
        }

        var targets = new List<Target>();
        var names = new Dictionary<string, TextPoint>(StringComparer.Ordinal);
        var endpoints = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            table.CheckKeys(TargetKeys);
            if (ReadTarget(path, folder, table, defaults, fallbackRegion, fallbackS3Url) is not { } target)
            {
                continue;
            }

            if (names.TryGetValue(target.Name, out var first))
            {
                sink.Add(Position(table, "name"), Field(table, "name"), $"The target name '{target.Name}' is already used at line {first.Line}; target names must be unique.");
                continue;
            }

            names[target.Name] = Position(table, "name");
            var endpointKey = target.Endpoint.TrimEnd('/') + "/";
            if (endpoints.TryGetValue(endpointKey, out var other))
            {
                sink.Add(Position(table, "endpoint"), Field(table, "endpoint"),
                    $"The endpoint '{target.Endpoint}' is also target '{other}''s: each target needs its own endpoint (its own lock, archive and run records).");
                continue;
            }

            endpoints[endpointKey] = target.Name;
            targets.Add(target);
        }

        return TargetsFileResult.Of(path, targets, sink);
    }

    private static Target? ReadTarget(string path, string folder, TableReader table, TableReader? defaults, string? fallbackRegion, Uri? fallbackS3Url)
    {
        var sink = table.Sink;
        var before = sink.Count;
        var name = table.String("name", required: true);
        if (name is not null && !NamePattern().IsMatch(name))
        {
            sink.Add(Position(table, "name"), Field(table, "name"), $"'{name}' is not a target name: 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit.");
            name = null;
        }

        var account = table.String("account", required: true);
        if (account is not null && !SettingsBuilder.AccountPattern().IsMatch(account))
        {
            sink.Add(Position(table, "account"), Field(table, "account"), $"'{account}' is not an AWS account ID: expected 12 digits.");
            account = null;
        }

        var (regionOwner, region) = Shared(table, defaults, "region");
        region ??= fallbackRegion;
        if (region is null)
        {
            sink.Add(table.Table.Position, table.Table.ChildPath("region"), "Required key 'region' is missing (set it here, in [defaults], or with --region / LCC_AWS_REGION).");
        }
        else if (!SettingsBuilder.RegionPattern().IsMatch(region))
        {
            sink.Add(Position(regionOwner ?? table, "region"), Field(regionOwner ?? table, "region"), $"'{region}' is not an AWS region such as eu-west-1.");
            region = null;
        }

        var regions = new List<string>();
        var regionsOwner = table.Has("regions") ? table : defaults is not null && defaults.Has("regions") ? defaults : null;
        foreach (var (item, position) in regionsOwner is null ? [] : Strings(regionsOwner, "regions"))
        {
            if (!SettingsBuilder.RegionPattern().IsMatch(item))
            {
                sink.Add(position, Field(regionsOwner!, "regions"), $"'{item}' is not an AWS region such as eu-west-1.");
            }
            else if (!regions.Contains(item, StringComparer.Ordinal))
            {
                regions.Add(item);
            }
        }

        var values = new Dictionary<string, string?>(StringComparer.Ordinal) { ["name"] = name, ["account"] = account, ["region"] = region };
        var (endpointOwner, endpointText) = Shared(table, defaults, "endpoint");
        string? endpoint = null;
        if (endpointText is null)
        {
            sink.Add(table.Table.Position, table.Table.ChildPath("endpoint"), "Required key 'endpoint' is missing (set it here or in [defaults]; a template such as s3://lc-state/{account}/ serves every target).");
        }
        else if (Resolve(endpointOwner!, "endpoint", endpointText, values) is { } resolved)
        {
            if (!EndpointLocation.TryParse(resolved, out var location))
            {
                sink.Add(Position(endpointOwner!, "endpoint"), Field(endpointOwner!, "endpoint"), $"'{resolved}' is not an endpoint: {EndpointText.Forms}.");
            }
            else
            {
                endpoint = location.Kind == EndpointKind.S3 ? resolved : Path.GetFullPath(Path.Combine(folder, resolved));
            }
        }

        var definitions = new List<string>();
        foreach (var owner in new[] { defaults, table }.OfType<TableReader>())
        {
            foreach (var (item, position) in Strings(owner, "definitions"))
            {
                if (Resolve(owner, "definitions", item, values, position) is not { } resolved)
                {
                    continue;
                }

                var full = Path.GetFullPath(Path.Combine(folder, resolved));
                if (!File.Exists(full) && !Directory.Exists(full))
                {
                    sink.Add(position, Field(owner, "definitions"), $"The definition folder or file '{resolved}' does not exist (paths are relative to the targets file's folder).");
                }
                else if (!definitions.Contains(full, StringComparer.Ordinal))
                {
                    definitions.Add(full);
                }
            }
        }

        var (_, profile) = Shared(table, defaults, "profile");
        var (roleOwner, roleText) = Shared(table, defaults, "role_arn");
        var roleArn = roleText is null ? null : Resolve(roleOwner!, "role_arn", roleText, values);
        if (roleArn is not null)
        {
            var match = RoleArnPattern().Match(roleArn);
            if (!match.Success)
            {
                sink.Add(Position(roleOwner!, "role_arn"), Field(roleOwner!, "role_arn"), $"'{roleArn}' is not an IAM role ARN such as arn:aws:iam::123456789012:role/lakecircle.");
            }
            else if (match.Groups["account"].Success && account is not null && !string.Equals(match.Groups["account"].Value, account, StringComparison.Ordinal))
            {
                sink.Add(Position(roleOwner!, "role_arn"), Field(roleOwner!, "role_arn"),
                    $"The role '{roleArn}' is in account {match.Groups["account"].Value}, not the target's account {account}: its credentials could not write there.");
            }

            if (table.Has("profile") && profile is not null)
            {
                sink.Add(Position(table, "profile"), Field(table, "profile"), "'profile' and 'role_arn' together are ambiguous: name the profile that assumes the role as 'source_profile'.");
            }

            profile = null;
        }

        var (sourceOwner, sourceProfile) = Shared(table, defaults, "source_profile");
        var (externalOwner, externalId) = Shared(table, defaults, "external_id");
        var (sessionOwner, sessionText) = Shared(table, defaults, "session_name");
        var sessionName = sessionText is null ? null : Resolve(sessionOwner!, "session_name", sessionText, values);
        var (durationOwner, durationText) = Shared(table, defaults, "session_duration");
        TimeSpan? duration = null;
        if (roleArn is null)
        {
            foreach (var (owner, key) in new[] { (sourceOwner, "source_profile"), (externalOwner, "external_id"), (sessionOwner, "session_name"), (durationOwner, "session_duration") })
            {
                if (owner is not null && ReferenceEquals(owner, table))
                {
                    sink.Add(Position(owner, key), Field(owner, key), $"'{key}' needs 'role_arn': it says how the role is assumed.");
                }
            }

            (sourceProfile, externalId, sessionName) = (null, null, null);
        }
        else
        {
            if (externalId is not null && !Credentials.TargetCredentials.ExternalIdPattern().IsMatch(externalId))
            {
                sink.Add(Position(externalOwner!, "external_id"), Field(externalOwner!, "external_id"), "The external ID must be 2 to 1224 letters, digits or +=,.@:/-_ characters.");
            }

            if (sessionName is not null && !Credentials.TargetCredentials.SessionNamePattern().IsMatch(sessionName))
            {
                sink.Add(Position(sessionOwner!, "session_name"), Field(sessionOwner!, "session_name"), $"'{sessionName}' is not a role session name: 2 to 64 letters, digits or +=,.@-_ characters.");
            }

            if (durationText is not null)
            {
                if (!DurationText.TryParse(durationText, out var parsed) || parsed < Credentials.TargetCredentialRequest.MinDuration
                    || parsed > Credentials.TargetCredentialRequest.MaxDuration || parsed.Ticks % TimeSpan.TicksPerSecond != 0)
                {
                    sink.Add(Position(durationOwner!, "session_duration"), Field(durationOwner!, "session_duration"),
                        $"'{durationText}' is not a session duration of whole seconds from 15m to 12h ({DurationText.Forms}).");
                }
                else
                {
                    duration = parsed;
                }
            }
        }

        var (snapshotOwner, snapshotText) = Shared(table, defaults, "snapshot");
        string? snapshot = null;
        if (snapshotText is not null && Resolve(snapshotOwner!, "snapshot", snapshotText, values) is { } snapshotPath)
        {
            snapshot = Path.GetFullPath(Path.Combine(folder, snapshotPath));
            if (!File.Exists(snapshot))
            {
                sink.Add(Position(snapshotOwner!, "snapshot"), Field(snapshotOwner!, "snapshot"), $"The snapshot file '{snapshotPath}' does not exist (paths are relative to the targets file's folder).");
            }
        }

        var s3Url = Url(table, defaults, "s3_url") ?? fallbackS3Url;
        var stsUrl = Url(table, defaults, "sts_url");
        if (sink.Count > before || name is null || account is null || region is null || endpoint is null)
        {
            return null;
        }

        return new Target
        {
            Name = name,
            Account = account,
            Region = region,
            Regions = regions,
            Endpoint = endpoint,
            Definitions = definitions,
            Profile = profile,
            RoleArn = roleArn,
            SourceProfile = sourceProfile,
            ExternalId = externalId,
            SessionName = sessionName,
            SessionDuration = duration,
            Snapshot = snapshot,
            S3Url = snapshot is null ? s3Url : null,
            StsUrl = stsUrl,
            DeclaredAt = $"{path}:{table.Table.Position.Line}",
        };
    }

    /// <summary>A key of the target, else of <c>[defaults]</c>, with the table it came from.</summary>
    private static (TableReader? Owner, string? Value) Shared(TableReader table, TableReader? defaults, string key)
    {
        if (table.Has(key))
        {
            return (table, NonEmpty(table, key));
        }

        return defaults is not null && defaults.Has(key) ? (defaults, NonEmpty(defaults, key)) : (null, null);
    }

    private static string? NonEmpty(TableReader table, string key)
    {
        var value = table.String(key);
        if (value is not null && string.IsNullOrWhiteSpace(value))
        {
            table.Sink.Add(Position(table, key), Field(table, key), $"'{key}' must not be empty.");
            return null;
        }

        return value?.Trim();
    }

    private static Uri? Url(TableReader table, TableReader? defaults, string key)
    {
        var (owner, text) = Shared(table, defaults, key);
        if (text is null)
        {
            return null;
        }

        if (Uri.TryCreate(text, UriKind.Absolute, out var url) && url.Scheme is "http" or "https" && string.IsNullOrEmpty(url.UserInfo))
        {
            return url;
        }

        owner!.Sink.Add(Position(owner, key), Field(owner, key), $"'{text}' is not an http:// or https:// URL (without user information).");
        return null;
    }

    /// <summary>The strings of an array key, each with its position; a wrong value is reported.</summary>
    private static List<(string Value, TextPoint Position)> Strings(TableReader table, string key)
    {
        var items = new List<(string, TextPoint)>();
        if (!table.Table.TryGet(key, out var entry))
        {
            return items;
        }

        if (entry.Node is not ArrayNode { IsTableArray: false } array)
        {
            table.Sink.Add(entry.Node.Position, entry.Node.Path, $"Expected an array of strings, got {entry.Node.Describe(table.Sink.Format)}.");
            return items;
        }

        foreach (var item in array.Items)
        {
            if (item is ScalarNode { Value: string text } && !string.IsNullOrWhiteSpace(text))
            {
                items.Add((text.Trim(), item.Position));
            }
            else
            {
                table.Sink.Add(item.Position, item.Path, $"Expected a non-empty string, got {item.Describe(table.Sink.Format)}.");
            }
        }

        return items;
    }

    /// <summary>Fills <c>{name}</c>, <c>{account}</c> and <c>{region}</c>; another placeholder, or one whose value is unknown, is a problem.</summary>
    private static string? Resolve(TableReader owner, string key, string text, IReadOnlyDictionary<string, string?> values, TextPoint? at = null)
    {
        var ok = true;
        var resolved = Placeholder().Replace(text, match =>
        {
            var word = match.Value[1..^1];
            if (values.TryGetValue(word, out var value))
            {
                if (value is null)
                {
                    ok = false;
                }

                return value ?? "";
            }

            owner.Sink.Add(at ?? Position(owner, key), Field(owner, key), $"Unknown placeholder '{match.Value}': expected {{name}}, {{account}} or {{region}}.");
            ok = false;
            return match.Value;
        });
        return ok ? resolved : null;
    }

    private static TextPoint Position(TableReader table, string key) =>
        table.Table.TryGet(key, out var entry) ? entry.Node.Position : table.Table.Position;

    private static string Field(TableReader table, string key) => table.Table.ChildPath(key);
}

/// <summary>What reading a targets file gave: the targets, or the problems.</summary>
internal sealed record TargetsFileResult
{
    /// <summary>The file, as given.</summary>
    public required string Path { get; init; }

    /// <summary>The targets in file order; empty when there is any problem.</summary>
    public IReadOnlyList<Target> Targets { get; init; } = [];

    /// <summary>Every problem, with file, line and field.</summary>
    public IReadOnlyList<Diagnostic> Problems { get; init; } = [];

    /// <summary>Whether the file may be used.</summary>
    public bool IsValid => Problems.Count == 0;

    public static TargetsFileResult Failed(string path, string reason) =>
        new() { Path = path, Problems = [new Diagnostic { Message = $"cannot read the targets file '{path}': {reason}" }] };

    public static TargetsFileResult Of(string path, List<Target> targets, DiagnosticSink sink)
    {
        // A problem of [defaults] is found once per target that inherits it: told once.
        var problems = sink.ToDiagnostics().Where(d => d.IsError).DistinctBy(d => d.ToString(), StringComparer.Ordinal).ToList();
        return new() { Path = path, Targets = problems.Count == 0 ? targets : [], Problems = problems };
    }
}

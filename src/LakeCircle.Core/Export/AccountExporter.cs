using System.Text;
using LakeCircle.Core.Definitions;
using LakeCircle.Core.Diagnostics;
using LakeCircle.Core.Gateways;
using LakeCircle.Core.Gateways.Json;
using LakeCircle.Core.Model;
using LakeCircle.Core.Planning;
using LakeCircle.Core.Validation;
using Microsoft.Extensions.Logging;

namespace LakeCircle.Core.Export;

/// <summary>
/// Export and snapshot: reads the account's lifecycles (one list, one GET per bucket, a bounded number in flight), then
/// writes definitions or a snapshot file. Everything is read, rendered, read back and checked before the first write,
/// so an export either writes every file or none. The output depends on the account alone (no clock).
/// </summary>
internal static class AccountExporter
{
    /// <summary>The library's name in the header of TOML files, when the caller gives none.</summary>
    public static string DefaultGenerator => "LakeCircle.Core " + PlainVersion(Rendering.JsonEnvelope.CoreVersion);

    public static async Task<ExportOutcome> ExportAsync(
        IS3Gateway account, string folder, ExportOptions options, string? accountId, string? region, int concurrency, ILogger logger,
        CancellationToken cancellationToken)
    {
        var full = Path.GetFullPath(folder);
        var outcome = new ExportOutcome { Account = accountId, Region = region, Folder = full };
        var (states, skipped, errors) = await ReadAsync(account, options.Buckets, validNamesOnly: true, concurrency, logger, cancellationToken).ConfigureAwait(false);
        outcome = outcome with { Skipped = skipped };
        if (errors.Count > 0)
        {
            return outcome with { Errors = errors.ToValueList() };
        }

        var extension = options.Format == ExportFormat.Json ? ".json" : ".toml";
        var header = new[] { Header(accountId, region, options.Generator ?? DefaultGenerator) };
        var targets = new List<(string Bucket, string Path, LifecycleConfiguration Configuration, string Text)>();
        var empty = new List<string>();
        foreach (var (bucket, state) in states)
        {
            if (state.Configuration is null && !options.IncludeEmpty)
            {
                empty.Add(bucket);
                continue;
            }

            var configuration = ExportShape.Of(state.Configuration ?? LifecycleConfiguration.Empty);
            var path = TargetPath(full, bucket, extension);
            var text = options.Format == ExportFormat.Json
                ? JsonDefinitionWriter.Write(bucket, configuration)
                : TomlDefinitionWriter.Write(bucket, configuration, header);
            targets.Add((bucket, path, configuration, text));
        }

        outcome = outcome with { WithoutLifecycle = empty.ToValueList() };
        var (diagnostics, mismatches) = options.Format == ExportFormat.Json ? CheckJson(targets) : CheckToml(targets);
        errors.AddRange(mismatches);
        if (File.Exists(full))
        {
            errors.Add($"The export folder '{full}' is a file.");
        }

        var existing = new List<string>();
        foreach (var target in targets)
        {
            if (Directory.Exists(target.Path))
            {
                errors.Add($"'{target.Path}' is a folder: cannot write the definition of {target.Bucket} there.");
            }
            else if (Exists(target.Path))
            {
                existing.Add(target.Path);
            }
        }

        if (existing.Count > 0 && !options.Overwrite)
        {
            errors.AddRange(existing.Select(p => $"'{p}' already exists; nothing was written (replace existing files with --force / ExportOptions.Overwrite)."));
        }

        if (errors.Count > 0)
        {
            return outcome with { Errors = errors.ToValueList(), Existing = options.Overwrite ? ValueList<string>.Empty : existing.ToValueList() };
        }

        Directory.CreateDirectory(full);
        var files = new List<ExportedFile>();
        foreach (var target in targets)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var replaced = existing.Contains(target.Path, StringComparer.Ordinal);
            await WriteFileAsync(target.Path, Encoding.UTF8.GetBytes(target.Text), options.Overwrite, cancellationToken).ConfigureAwait(false);
            files.Add(new ExportedFile
            {
                Bucket = target.Bucket,
                Path = target.Path,
                Rules = target.Configuration.Rules.Count,
                Fingerprint = target.Configuration.Fingerprint,
                Replaced = replaced,
            });
        }

        logger.Exported(files.Count, full, empty.Count);
        return outcome with { Files = files.ToValueList(), Diagnostics = diagnostics.ToValueList() };
    }

    public static async Task<SnapshotOutcome> SnapshotAsync(
        IS3Gateway account, string path, IReadOnlyList<string>? buckets, bool overwrite, string? accountId, string? region, int concurrency,
        ILogger logger, CancellationToken cancellationToken)
    {
        var full = Path.GetFullPath(path);
        var outcome = new SnapshotOutcome { Account = accountId, Region = region, Path = full };
        if (accountId is null || region is null)
        {
            return outcome with { Errors = ValueList.Of("A snapshot names its account and region: give LakeCircleClientOptions.Account and Region.") };
        }

        var (states, _, errors) = await ReadAsync(account, buckets, validNamesOnly: false, concurrency, logger, cancellationToken).ConfigureAwait(false);
        var exists = Exists(full);
        if (Directory.Exists(full))
        {
            errors.Add($"'{full}' is a folder, not a snapshot file.");
        }
        else if (exists && !overwrite)
        {
            errors.Add($"'{full}' already exists; nothing was written (replace it with --force / overwrite).");
        }

        if (errors.Count > 0)
        {
            return outcome with { Errors = errors.ToValueList() };
        }

        var content = states.ToDictionary(s => s.Key, s => s.Value.Configuration, StringComparer.Ordinal);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        await SnapshotFile.WriteAsync(full, new SnapshotFile.Content(accountId, region, content), cancellationToken, overwrite).ConfigureAwait(false);
        logger.SnapshotWritten(content.Count, full);
        return outcome with
        {
            Buckets = content.Keys.Order(StringComparer.Ordinal).ToValueList(),
            WithLifecycle = content.Values.Count(c => c is not null),
            Replaced = exists,
        };
    }

    /// <summary>The header line of a TOML export: where from and by what, never when (the same account gives the same file).</summary>
    public static string Header(string? account, string? region, string generator) =>
        $"Exported from account {account ?? "(unknown)"}, region {region ?? "(unknown)"} by {generator}; rules in the order S3 returned them.";

    /// <summary>A version without its build metadata (<c>0.1.0+3f2a9c1</c> is <c>0.1.0</c>), so that a rebuild writes the same files.</summary>
    public static string PlainVersion(string version)
    {
        ArgumentNullException.ThrowIfNull(version);
        var plus = version.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? version : version[..plus];
    }

    /// <summary>The file of a bucket in the folder; a name that could leave the folder is refused (names are checked before, this is the backstop).</summary>
    internal static string TargetPath(string folder, string bucket, string extension)
    {
        if (!BucketNames.IsValid(bucket) || bucket.Contains('/', StringComparison.Ordinal) || bucket.Contains('\\', StringComparison.Ordinal) || bucket is "." or "..")
        {
            throw new ArgumentException($"'{bucket}' is not an S3 bucket name; no file is named after it.", nameof(bucket));
        }

        var path = Path.GetFullPath(Path.Combine(folder, bucket + extension));
        if (!string.Equals(Path.GetDirectoryName(path), Path.TrimEndingDirectorySeparator(folder), StringComparison.Ordinal))
        {
            throw new ArgumentException($"The file of bucket '{bucket}' would be outside '{folder}'.", nameof(bucket));
        }

        return path;
    }

    /// <summary>
    /// Lists the account, narrows it to the named buckets (each must be there), and reads each bucket's lifecycle.
    /// Returns the states in name order, the buckets left out for their name, and every problem.
    /// </summary>
    private static async Task<(SortedDictionary<string, BucketState> States, ValueList<string> Skipped, List<string> Errors)> ReadAsync(
        IS3Gateway account, IReadOnlyList<string>? named, bool validNamesOnly, int concurrency, ILogger logger, CancellationToken cancellationToken)
    {
        var states = new SortedDictionary<string, BucketState>(StringComparer.Ordinal);
        var errors = new List<string>();
        IReadOnlyList<string> listed;
        try
        {
            listed = await account.ListBucketsAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (S3GatewayException e)
        {
            logger.ListFailed(e.Message);
            errors.Add("Could not list the account's buckets: " + e.Message);
            return (states, ValueList<string>.Empty, errors);
        }

        var existing = listed.ToHashSet(StringComparer.Ordinal);
        var selected = named?.Where(b => !string.IsNullOrWhiteSpace(b)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList()
            ?? [.. existing.Order(StringComparer.Ordinal)];
        var skipped = new List<string>();
        if (validNamesOnly)
        {
            foreach (var bucket in selected.Where(b => !BucketNames.IsValid(b)).ToList())
            {
                selected.Remove(bucket);
                if (named is not null)
                {
                    errors.Add($"'{bucket}' is not an S3 bucket name: a definition cannot name it.");
                }
                else
                {
                    skipped.Add(bucket);
                }
            }
        }

        foreach (var bucket in selected.Where(b => !existing.Contains(b)))
        {
            errors.Add($"The bucket {bucket} is not in the account.");
        }

        logger.AccountListed(existing.Count, selected.Count(existing.Contains));
        var present = selected.Where(existing.Contains).ToList();
        var read = await AccountReader.ReadAsync(account, present, existing, concurrency, logger, cancellationToken).ConfigureAwait(false);
        foreach (var (bucket, state) in read)
        {
            switch (state.Kind)
            {
                case BucketStateKind.Failed:
                    errors.Add($"Could not read the lifecycle configuration of {bucket}: {state.Error}");
                    break;
                case BucketStateKind.Missing:
                    // Listed but gone when read: the error names it when it was asked for, else it is no longer part of the account.
                    if (named is not null)
                    {
                        errors.Add($"The bucket {bucket} is not in the account.");
                    }

                    break;
                default:
                    states[bucket] = state;
                    break;
            }
        }

        return (states, skipped.ToValueList(), errors);
    }

    /// <summary>Reads the TOML files back as a plan would (the strict reader, then validation): the problems of each, and any file that does not mean its bucket's configuration.</summary>
    private static (List<Diagnostic> Diagnostics, List<string> Mismatches) CheckToml(
        IReadOnlyList<(string Bucket, string Path, LifecycleConfiguration Configuration, string Text)> targets)
    {
        var set = DefinitionLoader.Load(targets.Select(t => new DefinitionDocument(t.Path, Encoding.UTF8.GetBytes(t.Text))));
        var mismatches = new List<string>();
        foreach (var target in targets)
        {
            var read = set.Buckets.FirstOrDefault(b => b.Bucket == target.Bucket)?.Configuration;
            if (read is null || !ConfigurationComparison.SameConfiguration(read, target.Configuration) || (read.Rules.Count == 0) != (target.Configuration.Rules.Count == 0))
            {
                mismatches.Add($"The exported definition of {target.Bucket} does not read back as the bucket's configuration; nothing was written. This is a bug; please report it.");
            }
        }

        return ([.. set.Diagnostics], mismatches);
    }

    /// <summary>Reads the JSON files back with the AWS-shape reader and validates them.</summary>
    private static (List<Diagnostic> Diagnostics, List<string> Mismatches) CheckJson(
        IReadOnlyList<(string Bucket, string Path, LifecycleConfiguration Configuration, string Text)> targets)
    {
        var diagnostics = new List<Diagnostic>();
        var mismatches = new List<string>();
        foreach (var target in targets)
        {
            var (bucket, read) = JsonDefinitionWriter.Read(target.Text);
            if (bucket != target.Bucket || read != target.Configuration)
            {
                mismatches.Add($"The exported definition of {target.Bucket} does not read back as the bucket's configuration; nothing was written. This is a bug; please report it.");
            }

            diagnostics.AddRange(LifecycleValidator.Validate(target.Bucket, read).Select(d => d with
            {
                Location = new SourceLocation(target.Path),
                Field = d.Field is null ? "LifecycleConfiguration" : "LifecycleConfiguration." + d.Field,
            }));
        }

        return (diagnostics, mismatches);
    }

    /// <summary>Whether anything is at the path: a file, a folder, or a link (even one whose target is gone).</summary>
    private static bool Exists(string path)
    {
        try
        {
            return File.Exists(path) || Directory.Exists(path) || new FileInfo(path).LinkTarget is not null;
        }
        catch (IOException)
        {
            return true;
        }
    }

    /// <summary>Writes a temporary file next to the target, then renames it over the target (replacing only when allowed).</summary>
    private static async Task WriteFileAsync(string path, byte[] content, bool overwrite, CancellationToken cancellationToken)
    {
        var temporary = Path.Combine(Path.GetDirectoryName(path)!, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, FileOptions.Asynchronous);
            await using (stream.ConfigureAwait(false))
            {
                await stream.WriteAsync(content, cancellationToken).ConfigureAwait(false);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }
}

using System.Text.Json;
using LakeCircle.Core.Model;
using LakeCircle.Core.Gateways.Json;

namespace LakeCircle.Core.Gateways;

/// <summary>Reads and writes account snapshot files (see <see cref="SnapshotFileDto"/>); writes are atomic.</summary>
internal static class SnapshotFile
{
    public sealed record Content(string Account, string Region, IReadOnlyDictionary<string, LifecycleConfiguration?> Buckets);

    /// <exception cref="InvalidDataException">The file is not a well-formed snapshot; the message names the file, line, column and property.</exception>
    public static async Task<Content> ReadAsync(string path, CancellationToken cancellationToken)
    {
        var bytes = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        try
        {
            var dto = LifecycleJson.Read<SnapshotFileDto>(bytes)
                ?? throw new LifecycleJsonException("Expected a snapshot object, found null.", 1, 1, "$");
            if (string.IsNullOrWhiteSpace(dto.Region))
            {
                throw new LifecycleJsonException("The region must not be empty.", 0, 0, "$.region");
            }

            var buckets = dto.Buckets.ToDictionary(
                b => b.Key,
                b => b.Value is null ? null : LifecycleJsonMapper.FromDto(b.Value),
                StringComparer.Ordinal);
            return new Content(dto.Account, dto.Region, buckets);
        }
        catch (LifecycleJsonException e)
        {
            throw new InvalidDataException($"Malformed snapshot file: {e.ToDiagnostic(path)}", e);
        }
    }

    /// <summary>Writes the snapshot to a temporary file next to <paramref name="path"/>, then renames it over the file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="content">What it holds.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <param name="overwrite">Whether an existing file is replaced; when not, an existing file makes the rename fail (<see cref="IOException"/>).</param>
    public static async Task WriteAsync(string path, Content content, CancellationToken cancellationToken, bool overwrite = true)
    {
        var dto = new SnapshotFileDto { Account = content.Account, Region = content.Region };
        foreach (var (name, configuration) in content.Buckets.OrderBy(b => b.Key, StringComparer.Ordinal))
        {
            dto.Buckets[name] = configuration is null ? null : LifecycleJsonMapper.ToDto(configuration);
        }

        var full = Path.GetFullPath(path);
        var temporary = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, FileOptions.Asynchronous);
            await using (stream.ConfigureAwait(false))
            {
                await JsonSerializer.SerializeAsync(stream, dto, LifecycleJson.IndentedOptions, cancellationToken).ConfigureAwait(false);
                await stream.WriteAsync("\n"u8.ToArray(), cancellationToken).ConfigureAwait(false);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, full, overwrite);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }
}

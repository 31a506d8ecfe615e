using LakeCircle.Core.Archive;
using LakeCircle.Core.Locking;
using LakeCircle.Core.Sync;

namespace LakeCircle.Core.Gateways;

/// <summary>
/// An <see cref="IEndpointStore"/> over a local folder. Writes go to a temporary file in the target's folder, are
/// flushed to disk, then renamed over the target, so a reader never sees a partial file. Folders are created as needed.
/// </summary>
internal sealed class LocalEndpointStore : IEndpointStore
{
    private const string TempPrefix = ".lakecircle-";
    private const string TempSuffix = ".tmp";

    /// <summary>Creates the store.</summary>
    /// <param name="folder">The folder; made absolute against the current directory. It need not exist yet.</param>
    public LocalEndpointStore(string folder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        Location = EndpointLocation.Local(folder);
        Root = Location.Path!;
    }

    /// <inheritdoc />
    public EndpointLocation Location { get; }

    private string Root { get; }

    /// <inheritdoc />
    public async Task WriteAsync(string relativeKey, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        var path = PathOf(relativeKey);
        var folder = Path.GetDirectoryName(path)!;
        var temp = Path.Combine(folder, $"{TempPrefix}{Guid.NewGuid():N}{TempSuffix}");
        try
        {
            Directory.CreateDirectory(folder);
            await WriteNewFileAsync(temp, content, cancellationToken).ConfigureAwait(false);
            File.Move(temp, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            DeleteQuietly(temp);
            throw Explain(e, "write", path);
        }
        catch
        {
            DeleteQuietly(temp);
            throw;
        }
    }

    /// <inheritdoc />
    public async Task<byte[]?> TryReadAsync(string relativeKey, CancellationToken cancellationToken = default)
    {
        var path = PathOf(relativeKey);
        try
        {
            return await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Explain(e, "read", path);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> ListAsync(string relativePrefix, CancellationToken cancellationToken = default)
    {
        EndpointStore.CheckPrefix(relativePrefix);
        var slash = relativePrefix.LastIndexOf('/');
        var folder = Root + (slash < 0 ? "" : relativePrefix[..slash].Replace('/', Path.DirectorySeparatorChar));
        try
        {
            IReadOnlyList<string> keys = !Directory.Exists(folder)
                ? []
                : Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
                    .Where(p => !IsTemporary(Path.GetFileName(p)))
                    .Select(p => Path.GetRelativePath(Root, p).Replace(Path.DirectorySeparatorChar, '/'))
                    .Where(k => k.StartsWith(relativePrefix, StringComparison.Ordinal))
                    .Order(StringComparer.Ordinal)
                    .ToList();
            return Task.FromResult(keys);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new IOException($"Cannot list the folder '{folder}': {Reason(e)}.", e);
        }
    }

    /// <inheritdoc />
    public async Task<bool> CreateExclusiveAsync(string relativeKey, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        var path = PathOf(relativeKey);
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await WriteNewFileAsync(path, content, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (IOException) when (File.Exists(path))
        {
            return false;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Explain(e, "create", path);
        }
    }

    /// <inheritdoc />
    public Task DeleteAsync(string relativeKey, CancellationToken cancellationToken = default)
    {
        var path = PathOf(relativeKey);
        try
        {
            if (Directory.Exists(Path.GetDirectoryName(path)))
            {
                File.Delete(path);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Explain(e, "delete", path);
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public string Describe(string relativeKey) => PathOf(relativeKey);

    /// <summary>
    /// A failure to <paramref name="operation"/> the file at <paramref name="path"/>, as one line naming both: a folder
    /// where the file should be is said so (.NET reports it as "access denied" or "already exists").
    /// </summary>
    private static IOException Explain(Exception e, string operation, string path) =>
        new($"Cannot {operation} the file '{path}': {(Directory.Exists(path) ? "it is a folder, not a file" : Reason(e))}.", e);

    private static string Reason(Exception e) => e switch
    {
        UnauthorizedAccessException => "permission denied",
        DirectoryNotFoundException => "a folder on its path does not exist",
        _ => e.Message.TrimEnd('.'),
    };

    private static void DeleteQuietly(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The failure being reported matters more than a temporary file left behind (its name marks it as one).
        }
    }

    private static bool IsTemporary(string fileName) =>
        fileName.StartsWith(TempPrefix, StringComparison.Ordinal) && fileName.EndsWith(TempSuffix, StringComparison.Ordinal);

    private static async Task WriteNewFileAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, FileOptions.Asynchronous);
        await using (stream.ConfigureAwait(false))
        {
            await stream.WriteAsync(content, cancellationToken).ConfigureAwait(false);
            stream.Flush(flushToDisk: true);
        }
    }

    private string PathOf(string relativeKey)
    {
        EndpointStore.CheckKey(relativeKey);
        if (IsTemporary(relativeKey[(relativeKey.LastIndexOf('/') + 1)..]))
        {
            throw new ArgumentException($"The key '{relativeKey}' has the form of a temporary file.", nameof(relativeKey));
        }

        return Root + relativeKey.Replace('/', Path.DirectorySeparatorChar);
    }
}

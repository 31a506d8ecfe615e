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
        Directory.CreateDirectory(folder);
        var temp = Path.Combine(folder, $"{TempPrefix}{Guid.NewGuid():N}{TempSuffix}");
        try
        {
            await WriteNewFileAsync(temp, content, cancellationToken).ConfigureAwait(false);
            File.Move(temp, path, overwrite: true);
        }
        catch
        {
            File.Delete(temp);
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
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> ListAsync(string relativePrefix, CancellationToken cancellationToken = default)
    {
        EndpointStore.CheckPrefix(relativePrefix);
        var slash = relativePrefix.LastIndexOf('/');
        var folder = Root + (slash < 0 ? "" : relativePrefix[..slash].Replace('/', Path.DirectorySeparatorChar));
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

    /// <inheritdoc />
    public async Task<bool> CreateExclusiveAsync(string relativeKey, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        var path = PathOf(relativeKey);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        try
        {
            await WriteNewFileAsync(path, content, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (IOException) when (File.Exists(path))
        {
            return false;
        }
    }

    /// <inheritdoc />
    public Task DeleteAsync(string relativeKey, CancellationToken cancellationToken = default)
    {
        var path = PathOf(relativeKey);
        if (Directory.Exists(Path.GetDirectoryName(path)))
        {
            File.Delete(path);
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public string Describe(string relativeKey) => PathOf(relativeKey);

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

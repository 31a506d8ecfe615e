using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using LakeCircle.Core.Archive;
using LakeCircle.Core.Locking;
using LakeCircle.Core.Sync;
using Microsoft.Win32.SafeHandles;

namespace LakeCircle.Core.Gateways;

/// <summary>
/// An <see cref="IEndpointStore"/> over a local folder. Writes go to a temporary file in the target's folder, are
/// flushed to disk, then renamed over the target, so a reader never sees a partial file. Folders are created as needed.
/// <para>
/// While a <see cref="DeferDurability"/> is open, writes are renamed into place without being flushed to disk one by
/// one (readers and a killed process still see whole files): its <see cref="DeferredDurability.SyncAsync"/> flushes them
/// all at once. A writing run over an account that is saved once at the end (a snapshot file) defers so: its archive
/// must be on disk before that save, not before each write.
/// </para>
/// </summary>
internal sealed class LocalEndpointStore : IEndpointStore
{
    private const string TempPrefix = ".lakecircle-";
    private const string TempSuffix = ".tmp";

    /// <summary>The folders known to exist (created or written to by this store), so a write does not ask again.</summary>
    private readonly ConcurrentDictionary<string, bool> _folders = new(StringComparer.Ordinal);

    /// <summary>The files written and not flushed to disk while a deferral is open.</summary>
    private readonly ConcurrentQueue<string> _unsynced = new();

    private int _deferrals;

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
    public Task WriteAsync(string relativeKey, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var path = PathOf(relativeKey);
        var folder = Path.GetDirectoryName(path)!;
        var temp = Path.Combine(folder, $"{TempPrefix}{Guid.NewGuid():N}{TempSuffix}");
        var deferred = Volatile.Read(ref _deferrals) > 0;
        try
        {
            WriteNewFile(folder, temp, content.Span, flushToDisk: !deferred);
            File.Move(temp, path, overwrite: true);
            if (deferred)
            {
                _unsynced.Enqueue(path);
            }
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

        return Task.CompletedTask;
    }

    /// <summary>
    /// Until the deferral's <see cref="DeferredDurability.SyncAsync"/>, files written are not flushed to disk one by one;
    /// that call flushes them all. Deferrals may overlap: writes are flushed one by one again once none is open.
    /// </summary>
    /// <returns>The deferral.</returns>
    public DeferredDurability DeferDurability()
    {
        Interlocked.Increment(ref _deferrals);
        return new DeferredDurability(this);
    }

    /// <inheritdoc />
    public Task<byte[]?> TryReadAsync(string relativeKey, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var path = PathOf(relativeKey);
        try
        {
            return Task.FromResult<byte[]?>(File.ReadAllBytes(path));
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return Task.FromResult<byte[]?>(null);
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
    public Task<bool> CreateExclusiveAsync(string relativeKey, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        var path = PathOf(relativeKey);
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            WriteNewFile(Path.GetDirectoryName(path)!, path, content.Span, flushToDisk: true);
            return Task.FromResult(true);
        }
        catch (IOException) when (File.Exists(path))
        {
            return Task.FromResult(false);
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

    /// <summary>Creates a file in <paramref name="folder"/> (created as needed: asked once per folder, and again when it was removed since).</summary>
    private void WriteNewFile(string folder, string path, ReadOnlySpan<byte> content, bool flushToDisk)
    {
        if (!_folders.ContainsKey(folder))
        {
            Directory.CreateDirectory(folder);
            _folders.TryAdd(folder, true);
            WriteNewFile(path, content, flushToDisk);
            return;
        }

        try
        {
            WriteNewFile(path, content, flushToDisk);
        }
        catch (DirectoryNotFoundException)
        {
            _folders.TryRemove(folder, out _);
            Directory.CreateDirectory(folder);
            WriteNewFile(path, content, flushToDisk);
        }
    }

    private static void WriteNewFile(string path, ReadOnlySpan<byte> content, bool flushToDisk)
    {
        using var handle = File.OpenHandle(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, FileOptions.None);
        RandomAccess.Write(handle, content, 0);
        if (flushToDisk)
        {
            RandomAccess.FlushToDisk(handle);
        }
    }

    /// <summary>Flushes the files written while deferred: the whole file system at once where the system can (Linux), else file by file.</summary>
    private async Task SyncDeferredAsync(CancellationToken cancellationToken)
    {
        var files = new List<string>();
        while (_unsynced.TryDequeue(out var file))
        {
            files.Add(file);
        }

        if (files.Count == 0)
        {
            return;
        }

        try
        {
            if (OperatingSystem.IsLinux() && SyncFileSystem(files[^1]))
            {
                return;
            }

            await Parallel.ForEachAsync(files.Distinct(StringComparer.Ordinal), new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken }, (file, _) =>
            {
                using var handle = File.OpenHandle(file, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete);
                RandomAccess.FlushToDisk(handle);
                return ValueTask.CompletedTask;
            }).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new IOException($"Could not flush the files written under '{Root}' to disk: {Reason(e)}.", e);
        }
    }

    /// <summary><c>syncfs</c> on the file system holding <paramref name="file"/>; <see langword="false"/> when the call is not there or failed.</summary>
    private static bool SyncFileSystem(string file)
    {
        try
        {
            using var handle = File.OpenHandle(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            return NativeMethods.syncfs(handle) == 0;
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException or FileNotFoundException or DirectoryNotFoundException)
        {
            return false;
        }
    }

    /// <summary>A deferral of <see cref="DeferDurability"/>: ended by <see cref="SyncAsync"/>.</summary>
    internal sealed class DeferredDurability(LocalEndpointStore store)
    {
        private int _ended;

        /// <summary>Ends the deferral and flushes every file written while deferred to disk.</summary>
        /// <param name="cancellationToken">Cancels the flush of the files one by one.</param>
        /// <returns>A task that completes when the files are on disk.</returns>
        /// <exception cref="IOException">A file could not be flushed; the message names the folder.</exception>
        public Task SyncAsync(CancellationToken cancellationToken)
        {
            if (Interlocked.Exchange(ref _ended, 1) == 0)
            {
                Interlocked.Decrement(ref store._deferrals);
            }

            return store.SyncDeferredAsync(cancellationToken);
        }
    }

    private static class NativeMethods
    {
        [DllImport("libc", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern int syncfs(SafeFileHandle fd);
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

namespace LakeCircle.Core.Definitions;

/// <summary>
/// Reads definition files from the local file system: one file, or every <c>*.toml</c> file under a folder
/// (recursively, in ordinal path order). Paths are reported as given (a folder's files as the folder joined with
/// their relative path).
/// </summary>
internal sealed class LocalDefinitionSource : IDefinitionSource
{
    private readonly string _folderOrFile;

    /// <summary>Creates the source.</summary>
    /// <param name="folderOrFile">A definition file, or a folder searched recursively for <c>*.toml</c> files.</param>
    public LocalDefinitionSource(string folderOrFile)
    {
        ArgumentException.ThrowIfNullOrEmpty(folderOrFile);
        _folderOrFile = folderOrFile;
    }

    /// <inheritdoc />
    /// <exception cref="FileNotFoundException">The path is neither a file nor a folder.</exception>
    public async Task<IReadOnlyList<DefinitionDocument>> ReadAsync(CancellationToken cancellationToken = default)
    {
        var documents = new List<DefinitionDocument>();
        foreach (var path in FindFiles())
        {
            documents.Add(new DefinitionDocument(path, await ReadCappedAsync(path, cancellationToken).ConfigureAwait(false)));
        }

        return documents;
    }

    private List<string> FindFiles()
    {
        if (File.Exists(_folderOrFile))
        {
            return [_folderOrFile];
        }

        if (!Directory.Exists(_folderOrFile))
        {
            throw new FileNotFoundException($"No such file or folder: '{_folderOrFile}'.", _folderOrFile);
        }

        var options = new EnumerationOptions { RecurseSubdirectories = true, MatchCasing = MatchCasing.CaseInsensitive, IgnoreInaccessible = false };
        return Directory.EnumerateFiles(_folderOrFile, "*.toml", options)
            .Select(p => Path.Join(_folderOrFile, Path.GetRelativePath(_folderOrFile, p)))
            .OrderBy(p => p, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Reads at most one byte more than <see cref="DefinitionLoader.MaxFileBytes"/>: enough for the loader to report an oversized file.</summary>
    private static async Task<ReadOnlyMemory<byte>> ReadCappedAsync(string path, CancellationToken cancellationToken)
    {
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, useAsync: true);
        await using (stream.ConfigureAwait(false))
        {
            var buffer = new byte[(int)Math.Min(stream.Length, DefinitionLoader.MaxFileBytes + 1L)];
            var total = 0;
            while (total < buffer.Length)
            {
                var read = await stream.ReadAsync(buffer.AsMemory(total), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                total += read;
            }

            return buffer.AsMemory(0, total);
        }
    }
}

using System.IO.Enumeration;
using LakeCircle.Core.Definitions.Reading;

namespace LakeCircle.Core.Definitions;

/// <summary>
/// Reads definition files from the local file system: one file, or every <c>*.toml</c> and <c>*.json</c> file under a
/// folder (recursively, in ordinal path order). Paths are reported as given (a folder's files as the folder joined with
/// their relative path). Any other file of the folder is returned as <see cref="DefinitionDocument.OtherFile"/>, never
/// opened, so that it is named in a warning; hidden files and folders (names starting with <c>.</c>) are skipped silently.
/// </summary>
/// <remarks>
/// The walk of a folder is bounded and safe against hostile trees. A symbolic link (to a file or a folder) is followed
/// only when its target, every link resolved, lies inside the folder given; a definition link or a folder link
/// pointing outside it, or nowhere, is a problem of that path. Each real folder is walked at most once and each real
/// file read at most once (under its path without links when it has one), so link loops end. Only regular files are read: a
/// FIFO, socket or device named <c>*.toml</c> or <c>*.json</c> is a problem and is never opened; neither is a file larger than
/// <see cref="DefinitionLoader.MaxFileBytes"/>. More than <see cref="MaxDepth"/> nested folders, <see cref="MaxEntries"/>
/// entries or <see cref="MaxFiles"/> definition files stop the read with an <see cref="IOException"/>, and the
/// cancellation token is checked between entries.
/// </remarks>
internal sealed class LocalDefinitionSource : IDefinitionSource
{
    /// <summary>How deep folders may nest below the folder given.</summary>
    internal const int MaxDepth = 32;

    /// <summary>How many entries (files, folders, anything) the walk looks at, at most.</summary>
    internal const int MaxEntries = 1_000_000;

    /// <summary>How many definition files a folder may hold: an organisation of 100,000 buckets, one file each, twice over.</summary>
    internal const int MaxFiles = 200_000;

    private readonly string _folderOrFile;
    private readonly int _maxDepth;
    private readonly int _maxEntries;
    private readonly int _maxFiles;

    /// <summary>Creates the source.</summary>
    /// <param name="folderOrFile">A definition file (JSON when named <c>*.json</c>, TOML otherwise), or a folder searched recursively for <c>*.toml</c> and <c>*.json</c> files.</param>
    public LocalDefinitionSource(string folderOrFile)
        : this(folderOrFile, MaxDepth, MaxEntries, MaxFiles)
    {
    }

    /// <summary>Creates the source with other limits (tests reach them without building huge trees).</summary>
    internal LocalDefinitionSource(string folderOrFile, int maxDepth, int maxEntries, int maxFiles)
    {
        ArgumentException.ThrowIfNullOrEmpty(folderOrFile);
        _folderOrFile = folderOrFile;
        _maxDepth = maxDepth;
        _maxEntries = maxEntries;
        _maxFiles = maxFiles;
    }

    /// <inheritdoc />
    public string Location => _folderOrFile;

    /// <summary>Called with the name of each entry the walk looks at (tests cancel in the middle of a walk).</summary>
    internal Action<string>? EntrySeen { get; init; }

    /// <inheritdoc />
    /// <exception cref="FileNotFoundException">The path is neither a file nor a folder.</exception>
    /// <exception cref="IOException">The folder exceeds a limit of the walk, or cannot be read.</exception>
    public Task<IReadOnlyList<DefinitionDocument>> ReadAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var candidates = FindFiles(cancellationToken);
        var documents = new DefinitionDocument[candidates.Count];
        var failures = new Exception?[candidates.Count];
        void Read(int index)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var candidate = candidates[index];
            try
            {
                documents[index] = candidate.IsOther ? DefinitionDocument.OtherFile(candidate.Path)
                    : candidate.Problem is { } problem ? Problem(candidate.Path, problem)
                    : ReadFile(candidate.Path, candidate.Target!);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                failures[index] = e;
            }
        }

        // Small files from the page cache: plain reads, many files on every core; the first failure in path order
        // is the one reported, as when reading one file after the other.
        if (candidates.Count < ParallelFrom || Environment.ProcessorCount == 1)
        {
            for (var i = 0; i < candidates.Count; i++)
            {
                Read(i);
                if (failures[i] is { } failure)
                {
                    System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failure).Throw();
                }
            }
        }
        else
        {
            Parallel.For(0, candidates.Count, new ParallelOptions { CancellationToken = cancellationToken }, Read);
            if (failures.FirstOrDefault(f => f is not null) is { } failure)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failure).Throw();
            }
        }

        return Task.FromResult<IReadOnlyList<DefinitionDocument>>(documents);
    }

    /// <summary>How many files make a read use every core.</summary>
    private const int ParallelFrom = 64;

    private static DefinitionDocument Problem(string path, string problem) => new(path, ReadOnlyMemory<byte>.Empty) { Problem = problem };

    private List<Candidate> FindFiles(CancellationToken cancellationToken)
    {
        if (File.Exists(_folderOrFile))
        {
            return [new Candidate(_folderOrFile, _folderOrFile, null)];
        }

        var root = Directory.Exists(_folderOrFile) ? FileProbe.RealPath(_folderOrFile) : null;
        if (root is null)
        {
            throw new FileNotFoundException($"No such file or folder: '{_folderOrFile}'.", _folderOrFile);
        }

        var walk = new Walk(this, root, cancellationToken);
        walk.Run(_folderOrFile);
        return walk.Files.OrderBy(c => c.Path, StringComparer.Ordinal).ToList();
    }

    /// <summary>Reads a regular file of at most <see cref="DefinitionLoader.MaxFileBytes"/>; anything else is a problem, never opened.</summary>
    private static DefinitionDocument ReadFile(string path, string target)
    {
        var (kind, length) = FileProbe.Stat(target);
        if (kind == FileProbe.Kind.Missing)
        {
            throw new FileNotFoundException($"No such file or folder: '{path}'.", path);
        }

        if (kind != FileProbe.Kind.Regular)
        {
            return Problem(path, $"'{path}' is not a regular file (a FIFO, socket or device); only regular files are read as definitions.");
        }

        if (length > DefinitionLoader.MaxFileBytes)
        {
            return Problem(path, DefinitionFileReader.TooLargeMessage);
        }

        return new DefinitionDocument(path, length == 0 ? ReadOnlyMemory<byte>.Empty : ReadCapped(target));
    }

    /// <summary>Reads at most one byte more than <see cref="DefinitionLoader.MaxFileBytes"/>: enough for the loader to report a file that grew.</summary>
    private static ReadOnlyMemory<byte> ReadCapped(string path)
    {
        using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        var buffer = new byte[(int)Math.Min(RandomAccess.GetLength(handle), DefinitionLoader.MaxFileBytes + 1L)];
        var total = 0;
        while (total < buffer.Length)
        {
            var read = RandomAccess.Read(handle, buffer.AsSpan(total), total);
            if (read == 0)
            {
                break;
            }

            total += read;
        }

        return buffer.AsMemory(0, total);
    }

    private static bool IsDefinitionName(string name) => FormatWords.IsDefinitionName(name);

    /// <summary>A file found: its path as reported, the real path to read (none with a problem), or the problem; or another file, only named.</summary>
    private sealed record Candidate(string Path, string? Target, string? Problem, bool IsOther = false);

    /// <summary>
    /// One walk of a folder: the real folders and files seen, the entries counted, the files found. The tree without
    /// links is walked first and links after it, so a folder or file reached both ways keeps its path without links.
    /// </summary>
    private sealed class Walk(LocalDefinitionSource source, string root, CancellationToken cancellationToken)
    {
        private readonly HashSet<string> _visited = new(StringComparer.Ordinal);
        private readonly HashSet<string> _read = new(StringComparer.Ordinal);
        private readonly Queue<(string Path, string Link, string Name, int Depth)> _links = new();
        private int _entries;
        private int _files;

        public List<Candidate> Files { get; } = [];

        /// <summary>Walks the folder given (reported as <paramref name="path"/>), then the links found, in the order found.</summary>
        public void Run(string path)
        {
            Visit(path, root, depth: 0);
            while (_links.TryDequeue(out var link))
            {
                cancellationToken.ThrowIfCancellationRequested();
                VisitLink(link.Path, link.Link, link.Name, link.Depth);
            }
        }

        /// <summary>Walks the folder reported as <paramref name="path"/>, really at <paramref name="real"/>, unless already walked.</summary>
        private void Visit(string path, string real, int depth)
        {
            if (!_visited.Add(real))
            {
                return;
            }

            if (depth > source._maxDepth)
            {
                throw new IOException($"The definition folder '{source._folderOrFile}' nests folders more than {source._maxDepth} deep (at '{path}'); it is not read.");
            }

            foreach (var (name, attributes) in Entries(real))
            {
                var entryPath = Path.Join(path, name);
                var entryReal = Path.Join(real, name);
                if ((attributes & FileAttributes.ReparsePoint) != 0)
                {
                    _links.Enqueue((entryPath, entryReal, name, depth));
                }
                else if ((attributes & FileAttributes.Directory) != 0)
                {
                    Visit(entryPath, entryReal, depth + 1);
                }
                else if (IsDefinitionName(name))
                {
                    AddFile(entryPath, entryReal, null);
                }
                else
                {
                    Files.Add(new Candidate(entryPath, null, null, IsOther: true));
                }
            }
        }

        private void VisitLink(string path, string link, string name, int depth)
        {
            var target = FileProbe.RealPath(link);
            var kind = target is null ? FileProbe.Kind.Missing : FileProbe.Stat(target).Kind;
            if (kind != FileProbe.Kind.Directory && !IsDefinitionName(name))
            {
                Files.Add(new Candidate(path, null, null, IsOther: true)); // named, never followed
                return;
            }

            if (target is null || kind == FileProbe.Kind.Missing)
            {
                AddFile(path, null, $"'{path}' is a symbolic link whose target does not exist (or links loop); it is not read.");
            }
            else if (!IsInside(target))
            {
                AddFile(path, null, $"'{path}' is a symbolic link to '{target}', outside the definition folder '{source._folderOrFile}': links are followed only within it.");
            }
            else if (kind == FileProbe.Kind.Directory)
            {
                Visit(path, target, depth + 1);
            }
            else
            {
                AddFile(path, target, null);
            }
        }

        private bool IsInside(string target) =>
            string.Equals(target, root, StringComparison.Ordinal)
            || target.StartsWith(Path.EndsInDirectorySeparator(root) ? root : root + Path.DirectorySeparatorChar, StringComparison.Ordinal);

        private void AddFile(string path, string? target, string? problem)
        {
            if (target is not null && !_read.Add(target))
            {
                return;
            }

            if (++_files > source._maxFiles)
            {
                throw new IOException($"The definition folder '{source._folderOrFile}' holds more than {source._maxFiles} definition files; it is not read.");
            }

            Files.Add(new Candidate(path, target, problem));
        }

        /// <summary>The entries of a folder in ordinal name order, hidden and system entries skipped as before, each one counted.</summary>
        private List<(string Name, FileAttributes Attributes)> Entries(string folder)
        {
            var options = new EnumerationOptions { RecurseSubdirectories = false, IgnoreInaccessible = false };
            var entries = new List<(string Name, FileAttributes Attributes)>();
            var enumerable = new FileSystemEnumerable<(string, FileAttributes)>(folder, (ref FileSystemEntry e) => (e.FileName.ToString(), e.Attributes), options);
            foreach (var entry in enumerable)
            {
                source.EntrySeen?.Invoke(entry.Item1);
                cancellationToken.ThrowIfCancellationRequested();
                if (++_entries > source._maxEntries)
                {
                    throw new IOException($"The definition folder '{source._folderOrFile}' holds more than {source._maxEntries} entries; it is not read.");
                }

                entries.Add(entry);
            }

            entries.Sort((a, b) => StringComparer.Ordinal.Compare(a.Name, b.Name));
            return entries;
        }
    }
}

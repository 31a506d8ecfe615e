using LakeCircle.Core.Diagnostics;
using LakeCircle.Core.Model;
using LakeCircle.Core.Validation;

namespace LakeCircle.Core.Definitions;

/// <summary>
/// Reads TOML and JSON definition files (one bucket per file, keys spelled as in the S3 API JSON) into bucket definitions,
/// strictly: every problem of every file is reported with its file, line, column and field, never only the first.
/// </summary>
internal static class DefinitionLoader
{
    /// <summary>The largest definition file accepted, in bytes (1 MiB).</summary>
    public const int MaxFileBytes = 1024 * 1024;

    /// <summary>
    /// Loads definition files: reads each file, merges the files that name the same bucket (in path order), gives
    /// rules without an ID their derived ID, and validates each merged configuration as S3 would.
    /// </summary>
    /// <param name="documents">The files, in any order (they are processed in ordinal path order).</param>
    /// <returns>The buckets and every problem found; see <see cref="DefinitionSet.IsValid"/>.</returns>
    public static DefinitionSet Load(IEnumerable<DefinitionDocument> documents) => Load(documents, LifecycleValidator.Validate);

    /// <summary>Loads with another semantic validation (tests place a validator's findings without depending on its rules).</summary>
    internal static DefinitionSet Load(IEnumerable<DefinitionDocument> documents, Func<string, LifecycleConfiguration, IReadOnlyList<Diagnostic>> validate)
    {
        ArgumentNullException.ThrowIfNull(documents);
        documents = documents.ToList();
        var shared = new RuleSharing();
        var files = ReadAll(documents.OrderBy(d => d.Path, StringComparer.Ordinal).ToArray())
            .Select(shared.Apply)
            .ToList();
        var diagnostics = files.SelectMany(f => f.Diagnostics).ToList();
        var buckets = files
            .Where(f => f.Bucket is not null)
            .GroupBy(f => f.Bucket!, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => BucketMerger.Merge(g.Key, g.ToList(), diagnostics, validate, shared.Share))
            .ToValueList();
        return new DefinitionSet(buckets, Sort(diagnostics, files).ToValueList()) { FileCount = documents.Count(d => !d.IsOtherFile) };
    }

    /// <summary>The files read, in the order given: in parallel when there are many (each file is read on its own,
    /// and reading is pure), so a big definition set takes every core.</summary>
    private static DefinitionFile[] ReadAll(DefinitionDocument[] documents)
    {
        var files = new DefinitionFile[documents.Length];
        if (documents.Length < ParallelFrom || Environment.ProcessorCount == 1)
        {
            for (var i = 0; i < documents.Length; i++)
            {
                files[i] = DefinitionFileReader.Read(documents[i]);
            }

            return files;
        }

        try
        {
            Parallel.For(0, documents.Length, i => files[i] = DefinitionFileReader.Read(documents[i]));
        }
        catch (AggregateException e) when (e.InnerExceptions.Count == 1)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
        }

        return files;
    }

    /// <summary>How many files make a load read them in parallel.</summary>
    private const int ParallelFrom = 64;

    private static IEnumerable<Diagnostic> Sort(List<Diagnostic> diagnostics, List<DefinitionFile> files)
    {
        var order = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            order.TryAdd(file.Path, order.Count);
        }

        return diagnostics
            .OrderBy(d => d.Location is { } location && order.TryGetValue(location.File, out var index) ? index : int.MaxValue)
            .ThenBy(d => d.Location?.Line ?? 0)
            .ThenBy(d => d.Location?.Column ?? 0);
    }

    /// <summary>
    /// One instance per distinct rule across the files of a load: many buckets of an organisation declare the same
    /// rules, and a rule is immutable and compared by value, so equal rules share one instance (and its canonical form,
    /// computed once).
    /// </summary>
    private sealed class RuleSharing
    {
        private readonly Dictionary<LifecycleRule, LifecycleRule> _rules = [];

        public LifecycleRule Share(LifecycleRule rule)
        {
            if (_rules.TryGetValue(rule, out var existing))
            {
                return existing;
            }

            _rules.Add(rule, rule);
            return rule;
        }

        public DefinitionFile Apply(DefinitionFile file)
        {
            for (var i = 0; i < file.Rules.Count; i++)
            {
                file.Rules[i] = file.Rules[i] with { Rule = Share(file.Rules[i].Rule) };
            }

            return file;
        }
    }
}

using System.Globalization;
using LakeCircle.Core.Definitions.Reading;
using LakeCircle.Core.Diagnostics;
using LakeCircle.Core.Model;

namespace LakeCircle.Core.Definitions;

/// <summary>
/// Merges the files that define one bucket, reports conflicts between them, and validates the merged configuration,
/// placing each validation problem back in the file, line and column the rule came from.
/// </summary>
internal static class BucketMerger
{
    private const string ConfigurationPrefix = "LifecycleConfiguration.";

    public static BucketDefinition Merge(
        string bucket,
        IReadOnlyList<DefinitionFile> files,
        List<Diagnostic> diagnostics,
        Func<string, LifecycleConfiguration, IReadOnlyList<Diagnostic>> validate,
        Func<LifecycleRule, LifecycleRule>? share = null)
    {
        var merged = new List<RuleSource>();
        var rules = new List<LifecycleRule>();
        var written = new List<LifecycleRule>();
        var byId = new Dictionary<string, RuleSource>(StringComparer.Ordinal);
        foreach (var source in files.SelectMany(f => f.Rules))
        {
            var rule = string.IsNullOrEmpty(source.Rule.Id) && share is not null ? share(source.Rule.WithDerivedIdIfMissing()) : source.Rule.WithDerivedIdIfMissing();
            var id = rule.Id!;
            if (byId.TryGetValue(id, out var first) && first.File != source.File)
            {
                diagnostics.Add(new Diagnostic
                {
                    Location = source.File.Locate(source.IdPosition),
                    Bucket = bucket,
                    RuleId = id,
                    Field = string.IsNullOrEmpty(source.Rule.Id) ? source.Field : source.Field + ".ID",
                    Message = $"Rule ID '{id}' is already defined in {Where(first.File, first.IdPosition)}; a rule ID must be unique across the files of a bucket.",
                });
                continue;
            }

            byId.TryAdd(id, source);
            merged.Add(source);
            rules.Add(rule);
            written.Add(source.Rule);
        }

        var minimumOwner = MergeMinimumObjectSize(bucket, files, diagnostics);
        var configuration = new LifecycleConfiguration
        {
            Rules = rules.ToValueList(),
            TransitionDefaultMinimumObjectSize = minimumOwner?.TransitionDefaultMinimumObjectSize,
        };
        // Validated as written, so that a clash between rules without ID is explained as such, not by derived IDs.
        foreach (var problem in validate(bucket, configuration with { Rules = written.ToValueList() }))
        {
            if (Place(problem, bucket, files, merged, minimumOwner) is { } placed)
            {
                diagnostics.Add(placed);
            }
        }

        return new BucketDefinition(bucket, configuration, files.Select(f => f.Path).ToValueList(), files.Any(f => f.Protected));
    }

    private static DefinitionFile? MergeMinimumObjectSize(string bucket, IReadOnlyList<DefinitionFile> files, List<Diagnostic> diagnostics)
    {
        DefinitionFile? owner = null;
        foreach (var file in files.Where(f => f.TransitionDefaultMinimumObjectSize is not null))
        {
            if (owner is null)
            {
                owner = file;
            }
            else if (!string.Equals(owner.TransitionDefaultMinimumObjectSize, file.TransitionDefaultMinimumObjectSize, StringComparison.Ordinal))
            {
                diagnostics.Add(new Diagnostic
                {
                    Location = file.Locate(file.TransitionDefaultMinimumObjectSizePosition),
                    Bucket = bucket,
                    Field = ConfigurationPrefix + "TransitionDefaultMinimumObjectSize",
                    Message = $"TransitionDefaultMinimumObjectSize '{file.TransitionDefaultMinimumObjectSize}' conflicts with '{owner.TransitionDefaultMinimumObjectSize}' in {Where(owner, owner.TransitionDefaultMinimumObjectSizePosition)}.",
                });
            }
        }

        return owner;
    }

    /// <summary>Rewrites a validation problem's field (<c>Rules[i].X</c>, i in the merged list) to its file's own path and position.</summary>
    private static Diagnostic? Place(Diagnostic problem, string bucket, IReadOnlyList<DefinitionFile> files, List<RuleSource> merged, DefinitionFile? minimumOwner)
    {
        var field = problem.Field;
        if (TryParseRuleIndex(field, out var index, out var rest) && index < merged.Count)
        {
            var source = merged[index];
            if (source.HasErrors)
            {
                return null; // the file already reports what is wrong with this rule; its model is incomplete
            }

            var ownField = source.Field + ToTomlKeys(rest);
            return problem with
            {
                Location = source.File.Locate(source.File.Map.Resolve(ownField)),
                Field = ownField,
                Bucket = problem.Bucket ?? bucket,
                RuleId = problem.RuleId ?? source.Rule.WithDerivedIdIfMissing().Id,
            };
        }

        var file = field is not null && field.StartsWith("TransitionDefaultMinimumObjectSize", StringComparison.Ordinal) && minimumOwner is not null
            ? minimumOwner
            : files[0];
        var fullField = field is null ? null : ConfigurationPrefix + field;
        var position = fullField is null ? file.BucketPosition : file.Map.Resolve(fullField);
        return problem with { Location = file.Locate(position), Field = fullField, Bucket = problem.Bucket ?? bucket };
    }

    /// <summary>
    /// Spells a model path inside a rule (<c>.Id</c>, <c>.Expiration.Days</c>) with the file's keys: the model's
    /// <c>Id</c> is the TOML key <c>ID</c>, as in the AWS API; every other key is spelled as its model property.
    /// </summary>
    private static string ToTomlKeys(string rest) => rest == ".Id" ? ".ID" : rest;

    private static bool TryParseRuleIndex(string? field, out int index, out string rest)
    {
        index = -1;
        rest = "";
        if (field is null || !field.StartsWith("Rules[", StringComparison.Ordinal))
        {
            return false;
        }

        var close = field.IndexOf(']', StringComparison.Ordinal);
        if (close < 0 || !int.TryParse(field.AsSpan(6, close - 6), NumberStyles.None, CultureInfo.InvariantCulture, out index))
        {
            return false;
        }

        rest = field[(close + 1)..];
        return true;
    }

    private static string Where(DefinitionFile file, TextPoint position) => $"{file.Path}:{position.Line}:{position.Column}";
}

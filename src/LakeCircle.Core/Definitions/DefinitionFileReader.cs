using LakeCircle.Core.Definitions.Toml;
using Tomlyn.Parsing;

namespace LakeCircle.Core.Definitions;

/// <summary>Reads one definition file: size, UTF-8, TOML syntax, duplicates, then the bucket and its rules.</summary>
internal static class DefinitionFileReader
{
    /// <summary>The problem of a file larger than <see cref="DefinitionLoader.MaxFileBytes"/>.</summary>
    public static readonly string TooLargeMessage = $"The file is larger than {DefinitionLoader.MaxFileBytes / 1024 / 1024} MiB; a definition file must be smaller.";

    public static DefinitionFile Read(DefinitionDocument document)
    {
        var file = new DefinitionFile(document.Path);
        var sink = new DiagnosticSink(document.Path);
        try
        {
            ReadInto(file, document, sink);
        }
        finally
        {
            file.Diagnostics.AddRange(sink.ToDiagnostics());
        }

        return file;
    }

    private static void ReadInto(DefinitionFile file, DefinitionDocument document, DiagnosticSink sink)
    {
        if (document.Problem is { } problem)
        {
            sink.AddWithoutPosition(problem);
            return;
        }

        if (document.Content.Length > DefinitionLoader.MaxFileBytes)
        {
            sink.AddWithoutPosition(TooLargeMessage);
            return;
        }

        var text = TextDecoder.Decode(document.Content.Span, out var invalidAt);
        if (text is null)
        {
            sink.Add(invalidAt, null, "The file is not valid UTF-8: definition files must be UTF-8 encoded.");
            return;
        }

        var syntax = Parse(text, document.Path, sink);
        if (syntax is null)
        {
            return;
        }

        if (syntax.HasErrors)
        {
            foreach (var message in syntax.Diagnostics)
            {
                sink.Add(TextPoint.From(message.Span.Start), null, "TOML syntax error: " + message.Message);
            }

            return;
        }

        var root = TomlTreeBuilder.Build(syntax, sink);
        file.Map = SourceMap.Build(root);
        ReadDocument(file, new TableReader(root, sink), sink);
    }

    /// <summary>Parses the TOML syntax; the parser throws rather than reports for some inputs, such as tables nested deeper than it allows.</summary>
    private static Tomlyn.Syntax.DocumentSyntax? Parse(string text, string path, DiagnosticSink sink)
    {
        try
        {
            return SyntaxParser.Parse(text, path, validate: false);
        }
        catch (Tomlyn.TomlException e)
        {
            sink.AddWithoutPosition("TOML syntax error: " + e.Message);
            return null;
        }
    }

    private static void ReadDocument(DefinitionFile file, TableReader document, DiagnosticSink sink)
    {
        document.CheckKeys("BucketName", "LifecycleConfiguration");
        var bucket = document.String("BucketName", required: true);
        if (bucket is not null && string.IsNullOrWhiteSpace(bucket))
        {
            document.Table.TryGet("BucketName", out var entry);
            sink.Add(entry.Node.Position, "BucketName", "BucketName must not be empty.");
            bucket = null;
        }
        else if (bucket is not null && Validation.BucketNames.Problem(bucket) is { } problem)
        {
            document.Table.TryGet("BucketName", out var entry);
            sink.Add(entry.Node.Position, "BucketName", $"'{bucket}' is not an S3 bucket name: {problem}");
            bucket = null;
        }

        if (bucket is not null)
        {
            file.Bucket = bucket;
            sink.Bucket = bucket;
            file.BucketPosition = file.Map.Resolve("BucketName");
        }

        var configuration = document.Child("LifecycleConfiguration");
        if (configuration is null)
        {
            if (!document.Has("LifecycleConfiguration"))
            {
                document.ReportMissing("LifecycleConfiguration");
            }

            return;
        }

        configuration.CheckKeys("Rules", "TransitionDefaultMinimumObjectSize");
        file.TransitionDefaultMinimumObjectSize = configuration.String("TransitionDefaultMinimumObjectSize");
        file.TransitionDefaultMinimumObjectSizePosition = file.Map.Resolve("LifecycleConfiguration.TransitionDefaultMinimumObjectSize");
        file.RulesPosition = file.Map.Resolve("LifecycleConfiguration.Rules");
        var rules = configuration.Tables("Rules", required: true) ?? [];
        for (var index = 0; index < rules.Count; index++)
        {
            var before = sink.Count;
            var rule = RuleReader.Read(rules[index]);
            var path = rules[index].Table.Path;
            var position = rules[index].Table.Position;
            var idPosition = file.Map.Contains(path + ".ID") ? file.Map.Resolve(path + ".ID") : position;
            file.Rules.Add(new RuleSource(rule, file, path, position, idPosition, HasErrors: sink.Count > before));
        }
    }
}

using LakeCircle.Core.Definitions.Json;
using LakeCircle.Core.Definitions.Reading;
using LakeCircle.Core.Definitions.Toml;

namespace LakeCircle.Core.Definitions;

/// <summary>
/// Reads one definition file: size, UTF-8, TOML or JSON syntax and duplicate keys (into one tree for both formats), then
/// the bucket and its rules by the same readers whatever the format.
/// </summary>
internal static class DefinitionFileReader
{
    /// <summary>The problem of a file larger than <see cref="DefinitionLoader.MaxFileBytes"/>.</summary>
    public static readonly string TooLargeMessage = $"The file is larger than {DefinitionLoader.MaxFileBytes / 1024 / 1024} MiB; a definition file must be smaller.";

    private static readonly string[] KnownMinimumObjectSizes =
        [Model.TransitionDefaultMinimumObjectSizes.AllStorageClasses128K, Model.TransitionDefaultMinimumObjectSizes.VariesByStorageClass];

    public static DefinitionFile Read(DefinitionDocument document)
    {
        var file = new DefinitionFile(document.Path);
        var sink = new DiagnosticSink(document.Path, document.Format);
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
        if (document.IsOtherFile)
        {
            sink.AddWarningWithoutPosition(DefinitionDocument.OtherFileMessage);
            return;
        }

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

        var root = Parse(document, text, sink);
        if (root is null)
        {
            return;
        }

        file.Map = SourceMap.Build(root);
        ReadDocument(file, new TableReader(root, sink), sink);
        file.ReleaseMap(() => RebuildMap(document));
    }

    private static TableNode? Parse(DefinitionDocument document, string text, DiagnosticSink sink) =>
        document.Format == DefinitionFormat.Json
            ? JsonDocumentReader.Read(TextDecoder.WithoutByteOrderMark(document.Content), sink)
            : TomlDocumentReader.Read(text, document.Path, sink);

    /// <summary>The map of a file read before: the same parse of the same content gives the same positions.</summary>
    private static SourceMap RebuildMap(DefinitionDocument document)
    {
        var text = TextDecoder.Decode(document.Content.Span, out _) ?? "";
        var root = Parse(document, text, new DiagnosticSink(document.Path, document.Format));
        return root is null ? SourceMap.Build(new TableNode(TextPoint.Start, "", TableOrigin.Header)) : SourceMap.Build(root);
    }

    private static void ReadDocument(DefinitionFile file, TableReader document, DiagnosticSink sink)
    {
        document.CheckKeys("BucketName", "LifecycleConfiguration", "LakeCircle");
        if (document.Child("LakeCircle") is { } settings)
        {
            // LakeCircle's own settings for the bucket (docs/definitions.md): not part of the lifecycle configuration.
            settings.CheckKeys("Protected");
            file.Protected = settings.Boolean("Protected") ?? false;
        }

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
        file.TransitionDefaultMinimumObjectSize = RuleReader.Shared(
            configuration.String("TransitionDefaultMinimumObjectSize"), KnownMinimumObjectSizes);
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

using LakeCircle.Core.Definitions.Reading;
using Tomlyn.Parsing;

namespace LakeCircle.Core.Definitions.Toml;

/// <summary>Reads the text of a TOML definition file into a <see cref="TableNode"/> tree: syntax, then duplicate keys and tables.</summary>
internal static class TomlDocumentReader
{
    /// <summary>The document's root table, or <see langword="null"/> when the syntax is wrong (every syntax error reported).</summary>
    public static TableNode? Read(string text, string path, DiagnosticSink sink)
    {
        var syntax = Parse(text, path, sink);
        if (syntax is null)
        {
            return null;
        }

        if (syntax.HasErrors)
        {
            foreach (var message in syntax.Diagnostics)
            {
                sink.Add(TomlTreeBuilder.Point(message.Span.Start), null, "TOML syntax error: " + message.Message);
            }

            return null;
        }

        return TomlTreeBuilder.Build(syntax, sink);
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
}

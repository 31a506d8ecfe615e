namespace LakeCircle.Core.Definitions.Reading;

/// <summary>The syntax of a definition file; both are read into the same <see cref="ValueNode"/> tree and checked by the same readers.</summary>
internal enum DefinitionFormat
{
    /// <summary>A <c>*.toml</c> file (and any file given by name that is not <c>*.json</c>).</summary>
    Toml,

    /// <summary>A <c>*.json</c> file, in the shape of the S3 API's JSON.</summary>
    Json,
}

/// <summary>How the kinds of values are called in messages, in the words of each format.</summary>
internal static class FormatWords
{
    /// <summary>The format of a file by its name: <c>*.json</c> is JSON, anything else TOML (a file given by name is read as TOML, as before).</summary>
    public static DefinitionFormat Of(string path) =>
        path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? DefinitionFormat.Json : DefinitionFormat.Toml;

    /// <summary>Whether a name found in a definition folder is read as a definition (<c>*.toml</c> or <c>*.json</c>).</summary>
    public static bool IsDefinitionName(string name) =>
        name.EndsWith(".toml", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".json", StringComparison.OrdinalIgnoreCase);

    public static string Table(DefinitionFormat format) => format == DefinitionFormat.Json ? "an object" : "a table";

    public static string TableArray(DefinitionFormat format) => format == DefinitionFormat.Json ? "an array of objects" : "an array of tables";

    public static string Date(DefinitionFormat format) => format == DefinitionFormat.Json
        ? "an ISO-8601 date string (such as \"2027-01-01\")"
        : "a date (such as 2027-01-01) or an ISO-8601 date string";

    public static string Float(DefinitionFormat format) => format == DefinitionFormat.Json ? "a number with a fraction or an exponent" : "a float";
}

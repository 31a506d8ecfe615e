using LakeCircle.Cli.Configuration;
using LakeCircle.Core.Rendering;

namespace LakeCircle.Cli.Output;

/// <summary>
/// The JSON documents of <c>lakecircle</c> besides the plan (history, unlock, validate, and the errors of every
/// command): the head every document shares (<see cref="JsonEnvelope"/>: schemaVersion, tool, account, region,
/// generatedAt, succeeded, error), then the command's members. One document per invocation on standard output.
/// </summary>
internal static class JsonOutput
{
    /// <summary>The <c>tool.name</c> of the CLI's documents.</summary>
    public const string ToolName = "lakecircle";

    /// <summary>The head of the CLI's documents: <c>lakecircle</c> at its informational version, the context's clock.</summary>
    public static JsonRenderOptions Options(CliContext context) =>
        new() { ToolName = ToolName, ToolVersion = CliVersion.Informational, TimeProvider = context.Time };

    /// <summary>Writes a document: the head, then the members of <paramref name="payload"/>.</summary>
    public static Task WriteAsync(
        TextWriter output, CliContext context, string? account, string? region, bool succeeded, JsonError? error, object? payload, CancellationToken cancellationToken = default) =>
        output.WriteLineAsync(JsonEnvelope.Compose(Options(context), account, region, succeeded, error, payload).AsMemory(), cancellationToken);

    /// <summary>
    /// Writes the document of a failure (<c>succeeded: false</c> and its <c>error</c>) when the output is JSON and no
    /// document was printed yet; messages have their URL passwords masked. Text output is left to the caller (standard error).
    /// </summary>
    public static async Task WriteErrorAsync(
        TextWriter output, CliContext context, OutputFormat format, string code, string message, IEnumerable<string>? errors = null,
        string? account = null, string? region = null)
    {
        if (format != OutputFormat.Json || OutputTracker.HasWritten(output))
        {
            return;
        }

        await WriteAsync(output, context, account, region, succeeded: false, JsonEnvelope.Error(code, message, errors), payload: null).ConfigureAwait(false);
        await output.FlushAsync().ConfigureAwait(false);
    }

    /// <summary>Whether the text of an <c>--output</c> value or <c>LCC_OUTPUT</c> asks for JSON (any case, blanks around).</summary>
    public static bool IsJson(string? value) => string.Equals(value?.Trim(), "json", StringComparison.OrdinalIgnoreCase);
}

using LakeCircle.Cli.Logging;
using LakeCircle.Core.Rendering;

namespace LakeCircle.Cli.Output;

/// <summary>One <c>error: …</c> line on standard error: URL passwords masked, outside text escaped (it may come from a server).</summary>
internal static class ErrorLine
{
    /// <summary>Writes <c>error: </c> and the message, masked and escaped.</summary>
    public static Task WriteAsync(TextWriter error, string message) =>
        error.WriteLineAsync("error: " + SafeText.Escape(SecretMasker.MaskUserInfo(message)));
}

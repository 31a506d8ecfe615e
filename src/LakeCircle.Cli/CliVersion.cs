using System.Reflection;

namespace LakeCircle.Cli;

/// <summary>The version of <c>lakecircle</c>, as <c>--version</c> prints it.</summary>
internal static class CliVersion
{
    /// <summary>The assembly's informational version, such as <c>1.0.0+3f2a9c1</c>.</summary>
    public static string Informational { get; } =
        typeof(CliVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(CliVersion).Assembly.GetName().Version?.ToString()
        ?? "unknown";
}

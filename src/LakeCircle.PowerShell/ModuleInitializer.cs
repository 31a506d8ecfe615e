using System.Management.Automation;
using System.Reflection;
using System.Runtime.Loader;

namespace LakeCircle.PowerShell;

/// <summary>
/// Lets the module's dependencies load inside PowerShell. Microsoft.Extensions.Logging.Abstractions 11 refers to
/// System.Diagnostics.DiagnosticSource 11, but PowerShell runs on the .NET runtime's own version of that assembly,
/// loaded before any module, and a second version cannot join it; the Abstractions use only two types every version
/// has (<c>ActivityTraceId</c>, <c>ActivitySpanId</c>), so a request for a newer version is answered with the loaded one.
/// </summary>
public sealed class ModuleInitializer : IModuleAssemblyInitializer, IModuleAssemblyCleanup
{
    private static readonly string[] RuntimeAssemblies = ["System.Diagnostics.DiagnosticSource"];

    /// <summary>Registers the resolver when the module is imported.</summary>
    public void OnImport() => AssemblyLoadContext.Default.Resolving += Resolve;

    /// <summary>Removes the resolver when the module is removed.</summary>
    /// <param name="psModuleInfo">The module.</param>
    public void OnRemove(PSModuleInfo psModuleInfo) => AssemblyLoadContext.Default.Resolving -= Resolve;

    private static Assembly? Resolve(AssemblyLoadContext context, AssemblyName name) =>
        name.Name is { } simple && RuntimeAssemblies.Contains(simple, StringComparer.Ordinal)
            ? context.LoadFromAssemblyName(new AssemblyName(simple))
            : null;
}

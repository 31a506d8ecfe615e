using System.IO.Compression;
using System.Text.RegularExpressions;

namespace LakeCircle.InstalledTests;

/// <summary>
/// The packages under test and the places they are installed to, set up once for every test of this project.
/// The packages are those of <c>LCC_TEST_PACKAGES</c> (scripts/test.sh packs them first), else packed here by
/// scripts/pack.sh. Everything is installed under one temporary folder, with its own NuGet package folder: a package
/// of the same version restored earlier (from an older build) is never picked up instead of the one under test.
/// </summary>
[SetUpFixture]
public sealed partial class Installed
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static string? toolPath;
    private static string? modulePath;
    private static string? pwsh;

    /// <summary>The repository's root (the folder of LakeCircle.sln).</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>The temporary folder everything is installed to; removed at the end unless LCC_TEST_KEEP=1.</summary>
    public static string Work { get; private set; } = "";

    /// <summary>The folder holding the packages under test.</summary>
    public static string Packages { get; private set; } = "";

    /// <summary>The product version, read off the LakeCircle.Core package's file name.</summary>
    public static string Version { get; private set; } = "";

    /// <summary>A nuget.config whose only source is <see cref="Packages"/>.</summary>
    public static string LocalNuGetConfig { get; private set; } = "";

    /// <summary>The environment every program started by these tests gets on top of the test process's own.</summary>
    public static IReadOnlyDictionary<string, string?> Environment { get; private set; } = new Dictionary<string, string?>();

    /// <summary>The bundled example.</summary>
    public static string Quickstart => Path.Combine(RepositoryRoot, "examples", "quickstart");

    [OneTimeSetUp]
    public async Task SetUpAsync()
    {
        Work = Path.Combine(Path.GetTempPath(), "lakecircle-installed-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Work);
        Environment = new Dictionary<string, string?>
        {
            ["NUGET_PACKAGES"] = Path.Combine(Work, "nuget-packages"),
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            ["DOTNET_NOLOGO"] = "1",
            ["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1",
            ["POWERSHELL_TELEMETRY_OPTOUT"] = "1",
            ["POWERSHELL_UPDATECHECK"] = "Off",
        };

        var given = System.Environment.GetEnvironmentVariable("LCC_TEST_PACKAGES");
        if (string.IsNullOrWhiteSpace(given))
        {
            Packages = Path.Combine(Work, "packages");
            await Programs.RunOkAsync(Path.Combine(RepositoryRoot, "scripts", "pack.sh"), ["--output", Packages], RepositoryRoot);
        }
        else
        {
            Packages = Path.GetFullPath(given);
        }

        var cores = Directory.GetFiles(Packages, "LakeCircle.Core.*.nupkg")
            .Select(p => CoreVersion().Match(Path.GetFileName(p)))
            .Where(m => m.Success)
            .ToList();
        if (cores.Count != 1)
        {
            throw new InvalidOperationException($"expected one LakeCircle.Core package in {Packages}, found {cores.Count}; run scripts/pack.sh");
        }

        Version = cores[0].Groups["version"].Value;
        LocalNuGetConfig = Path.Combine(Work, "nuget.config");
        await File.WriteAllTextAsync(LocalNuGetConfig, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="lakecircle-local" value="{Packages}" />
              </packageSources>
            </configuration>
            """);
    }

    [OneTimeTearDown]
    public void TearDown()
    {
        if (System.Environment.GetEnvironmentVariable("LCC_TEST_KEEP") != "1" && Directory.Exists(Work))
        {
            Directory.Delete(Work, recursive: true);
        }
    }

    /// <summary>A package file of this version, such as <c>LakeCircle.Core</c> + <c>.nupkg</c>.</summary>
    public static string Package(string id, string extension) => Path.Combine(Packages, $"{id}.{Version}{extension}");

    /// <summary>
    /// The <c>lakecircle</c> executable, installed once from <see cref="Packages"/> into a temporary tool path with
    /// <c>dotnet tool install</c>, as a user installs it.
    /// </summary>
    public static async Task<string> ToolAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (toolPath is null)
            {
                var folder = Path.Combine(Work, "tool");
                await Programs.RunOkAsync(
                    "dotnet",
                    ["tool", "install", "LakeCircle.Cli", "--version", Version, "--tool-path", folder, "--configfile", LocalNuGetConfig],
                    Work);
                toolPath = Path.Combine(folder, "lakecircle");
            }

            return toolPath;
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>The folder holding <c>LakeCircle/</c>, unzipped once from the module's package.</summary>
    public static async Task<string> ModulesAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (modulePath is null)
            {
                var folder = Path.Combine(Work, "modules");
                await ZipFile.ExtractToDirectoryAsync(Package("LakeCircle.PowerShell", ".zip"), folder);
                modulePath = folder;
            }

            return modulePath;
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>
    /// A real pwsh: <c>LCC_TEST_PWSH</c>, else the one scripts/install-deps.sh installs into <c>.tools/pwsh</c>, which is
    /// installed here the same way (PowerShell 7.6.9 as a dotnet tool) when it is not there yet.
    /// </summary>
    public static async Task<string> PwshAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (pwsh is null)
            {
                var given = System.Environment.GetEnvironmentVariable("LCC_TEST_PWSH");
                var folder = Path.Combine(RepositoryRoot, ".tools", "pwsh");
                var installed = Path.Combine(folder, "pwsh");
                if (!string.IsNullOrWhiteSpace(given))
                {
                    pwsh = given;
                }
                else
                {
                    if (!File.Exists(installed))
                    {
                        await Programs.RunOkAsync(
                            "dotnet", ["tool", "install", "PowerShell", "--version", "7.6.9", "--tool-path", folder], RepositoryRoot,
                            new Dictionary<string, string?> { ["NUGET_PACKAGES"] = null });
                    }

                    pwsh = installed;
                }
            }

            return pwsh;
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>A copy of the bundled example in a new folder of <see cref="Work"/>, to write to.</summary>
    public static string CopyOfQuickstart(string name)
    {
        var target = Path.Combine(Work, name);
        CopyFolder(Quickstart, target);
        return target;
    }

    /// <summary>Every file of a folder with a SHA-256 of its content, in order: to see that nothing in it changed.</summary>
    public static IReadOnlyList<string> Contents(string folder) =>
        Directory.GetFiles(folder, "*", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(f => Path.GetRelativePath(folder, f) + " " + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f))))
            .ToList();

    /// <summary>Copies a folder with everything in it.</summary>
    public static void CopyFolder(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(source, file);
            if (relative.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
            {
                continue;
            }

            var destination = Path.Combine(target, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "LakeCircle.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("LakeCircle.sln not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"^LakeCircle\.Core\.(?<version>[0-9][^/]*?)\.nupkg$")]
    private static partial Regex CoreVersion();
}

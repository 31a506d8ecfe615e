namespace LakeCircle.InstalledTests;

/// <summary>
/// The PowerShell module as a user meets it: unzipped from its package, imported into a real pwsh (PowerShell 7.6.9,
/// installed as a dotnet tool), driven by the scripts of tests/powershell; the CLI part uses the tool installed from
/// its package. Each script prints a PASS or FAIL line per check and exits non-zero when any check fails.
/// </summary>
public sealed class PowerShellTests
{
    private static IEnumerable<string> Scripts() =>
        Directory.GetFiles(Path.Combine(Installed.RepositoryRoot, "tests", "powershell"), "*.Tests.ps1")
            .Select(Path.GetFileName)
            .Order(StringComparer.Ordinal)!;

    [TestCaseSource(nameof(Scripts))]
    public async Task The_script_passes_in_a_real_pwsh_against_the_installed_module_and_tool(string script)
    {
        var pwsh = await Installed.PwshAsync();
        var modules = await Installed.ModulesAsync();
        var tool = await Installed.ToolAsync();
        var work = Path.Combine(Installed.Work, "pwsh-" + Path.GetFileNameWithoutExtension(script).Replace('.', '-'));
        Directory.CreateDirectory(work);

        var result = await Programs.RunAsync(
            pwsh,
            [
                "-NoProfile", "-NonInteractive", "-File", Path.Combine(Installed.RepositoryRoot, "tests", "powershell", script),
                "-ModulePath", Path.Combine(modules, "LakeCircle"),
                "-Quickstart", Installed.Quickstart,
                "-Work", work,
                "-Lakecircle", tool,
            ],
            work);

        TestContext.Out.WriteLine(result.Output);
        result.ExitCode.Should().Be(0, result.Describe());
        result.Output.Should().Contain("PASS ").And.NotContain("FAIL ");
    }

    [Test]
    public async Task The_installed_pwsh_is_PowerShell_7_6_9()
    {
        var pwsh = await Installed.PwshAsync();

        var result = await Programs.RunOkAsync(pwsh, ["-NoProfile", "-NonInteractive", "-Command", "$PSVersionTable.PSVersion.ToString()"], Installed.Work);

        result.Output.Trim().Should().Be("7.6.9");
    }
}

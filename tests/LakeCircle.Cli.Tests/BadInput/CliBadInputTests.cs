using LakeCircle.Cli.Tests.Commands;

namespace LakeCircle.Cli.Tests.BadInput;

/// <summary>
/// <c>lakecircle sync</c> (and <c>dryrun</c>, and the root running <c>LCC_ACTIONS</c>) given malformed input: a clear
/// error that names the input's source, the expected exit code, and the account snapshot unchanged byte for byte.
/// </summary>
public class CliBadInputTests
{
    private ExampleCopy _example = null!;

    [SetUp]
    public void SetUp() => _example = new ExampleCopy();

    [TearDown]
    public void TearDown() => _example.Dispose();

    [TestCaseSource(typeof(CliBadInputCases), nameof(CliBadInputCases.All))]
    public async Task Run_MalformedInput_NamesItsSourceExitsAndWritesNothing(CliBadInputCase input)
    {
        foreach (var (relative, content) in input.Files)
        {
            await File.WriteAllBytesAsync(Path.Combine(_example.Root, relative), content);
        }

        var snapshotBefore = await File.ReadAllBytesAsync(_example.Snapshot);
        var variables = _example.Variables([.. input.Variables.Select(v => (v.Key, v.Value))]);
        if (!input.WithExampleFlags)
        {
            foreach (var name in input.Variables.Keys)
            {
                variables[name] = input.Variables[name];
            }
        }

        var command = input.Args.Length > 0 && input.Args[0] == "dryrun" ? input.Args : ["sync", .. input.Args];
        if (input.Args.Length == 0 && input.Variables.ContainsKey("LCC_ACTIONS"))
        {
            command = [];
        }

        var result = await CliRun.RunAsync(variables, command);

        TestContext.Out.WriteLine(result.ToString());
        result.ExitCode.Should().Be(input.ExitCode, result.ToString());
        (result.Error + result.Output).Should().Contain(input.Names, "the error names the input's source");
        (await File.ReadAllBytesAsync(_example.Snapshot)).Should().Equal(snapshotBefore, "nothing is written to any bucket");
        Directory.Exists(Path.Combine(_example.Endpoint, "previous")).Should().BeFalse("no configuration was replaced");
    }
}

using System.CommandLine;
using LakeCircle.Cli.Commands;
using LakeCircle.Cli.Recovery;
using LakeCircle.Cli.Tests.Commands;
using LakeCircle.Core.Configuration;
using LakeCircle.Core.Workflows;

namespace LakeCircle.Cli.Tests.Recovery;

/// <summary>The guards a rollback runs with: read-after-write verification as <c>--wait</c> asks.</summary>
public class EndpointSessionTests
{
    private ExampleCopy _example = null!;

    [SetUp]
    public void SetUp() => _example = new ExampleCopy();

    [TearDown]
    public void TearDown() => _example.Dispose();

    private async Task<VerificationPolicy> PolicyAsync(string commandLine)
    {
        var command = new Command("rollback");
        var options = new RunOptions(RollbackCommand.Groups);
        options.AddTo(command);
        var arguments = RunArguments.From(command.Parse(commandLine), options, WorkAction.Sync);
        using var error = new StringWriter();
        using var session = await EndpointSession.OpenAsync(CliContext.Of(_example.Variables()), arguments, "lakecircle rollback", error, CancellationToken.None);
        session.Should().NotBeNull(error.ToString());
        return session!.RunOptions(forceUnlock: false).Observer.Should().BeOfType<WriteVerifier>().Which.Policy;
    }

    [Test]
    public async Task RunOptions_WithoutWait_BoundedVerification()
    {
        (await PolicyAsync("--bucket acme-logs")).Should().Be(VerificationPolicy.Bounded(TimeSpan.FromSeconds(10)));
    }

    [Test]
    public async Task RunOptions_WithWait_WaitsForConsistencyWithinTheTimeout()
    {
        (await PolicyAsync("--bucket acme-logs --wait --wait-timeout 3m")).Should().Be(VerificationPolicy.Consistent(TimeSpan.FromMinutes(3)));
    }
}

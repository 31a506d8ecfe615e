using LakeCircle.PowerShell.Running;

namespace LakeCircle.PowerShell.Tests;

public sealed class ConfigurationTests
{
    private static readonly string Quickstart = Path.Combine(TestContext.CurrentContext.TestDirectory, "examples", "quickstart");

    private static CommandParameters Quickstarted(CommandParameters parameters) => parameters with
    {
        Endpoint = Path.Combine(Quickstart, "endpoint"),
        Snapshot = Path.Combine(Quickstart, "account.json"),
    };

    [Test]
    public async Task Parameters_are_checked_as_the_flags_and_named_as_parameters()
    {
        var problems = await Quickstarted(new CommandParameters { Region = "nope" }).ProblemsAsync(new Dictionary<string, string?>(), default);

        problems.Should().ContainSingle().Which.Should().Be("-Region must be an AWS region such as eu-west-1, got 'nope'.");
    }

    [Test]
    public async Task A_parameter_wins_over_its_variable()
    {
        var environment = new Dictionary<string, string?> { ["LCC_AWS_REGION"] = "nope" };

        (await Quickstarted(new CommandParameters { Region = "eu-west-1" }).ProblemsAsync(environment, default)).Should().BeEmpty();
        (await Quickstarted(new CommandParameters()).ProblemsAsync(environment, default)).Should().ContainSingle()
            .Which.Should().StartWith("LCC_AWS_REGION must be an AWS region");
    }

    [Test]
    public async Task Missing_required_values_name_the_parameters()
    {
        var problems = await new CommandParameters().ProblemsAsync(new Dictionary<string, string?>(), default);

        problems.Should().Contain(p => p.StartsWith("LCC_ENDPOINT is required (or pass -Endpoint)", StringComparison.Ordinal));
        problems.Should().Contain(p => p.StartsWith("LCC_AWS_ACCOUNT is required (or pass -Account)", StringComparison.Ordinal));
    }

    [Test]
    public async Task Workflow_parameters_merge_over_the_variable_s_json()
    {
        var environment = new Dictionary<string, string?> { ["LCC_ACTION_PARAMS"] = """{"concurrency": 0, "buckets": ["acme-logs"]}""" };

        (await Quickstarted(new CommandParameters { Concurrency = 4 }).ProblemsAsync(environment, default)).Should().BeEmpty();
        (await Quickstarted(new CommandParameters { Buckets = ["acme-backups"] }).ProblemsAsync(environment, default))
            .Should().ContainSingle().Which.Should().Contain("concurrency");
    }

    [Test]
    public async Task Selections_and_durations_are_checked_as_the_command_line_checks_them()
    {
        (await Quickstarted(new CommandParameters { Buckets = [], WaitTimeout = TimeSpan.FromSeconds(90), Wait = true, MaxDeletions = 0 })
            .ProblemsAsync(new Dictionary<string, string?>(), default)).Should().BeEmpty();
        (await Quickstarted(new CommandParameters { Buckets = ["Not_A_Bucket"] }).ProblemsAsync(new Dictionary<string, string?>(), default))
            .Should().ContainSingle().Which.Should().Contain("Not_A_Bucket");
    }

    [TestCase("endpoint", true)]
    [TestCase("../a folder/endpoint", true)]
    [TestCase("s3://acme-config/lakecircle/", false)]
    [TestCase("file:///srv/endpoint", false)]
    [TestCase("https://example.com/x", false)]
    public void Local_paths_are_told_from_uris(string value, bool local) => CommandParameters.IsLocalPath(value).Should().Be(local);

    [Test]
    public async Task Destructive_guards_are_checked_as_the_command_line_checks_them()
    {
        var parameters = Quickstarted(new CommandParameters { MaxDestructive = 0, AllowDestructive = ["acme-datalake", "acme-datalake"] });

        (await parameters.ProblemsAsync(new Dictionary<string, string?>(), default)).Should().BeEmpty();
        (await Quickstarted(new CommandParameters { AllowDestructive = ["Not_A_Bucket"] }).ProblemsAsync(new Dictionary<string, string?>(), default))
            .Should().ContainSingle().Which.Should().Contain("allowDestructive").And.Contain("Not_A_Bucket");
    }

    [Test]
    public void Messages_that_name_flags_name_parameters() =>
        CommandParameters.SpeakOfParameters("(LCC_AWS_ACCOUNT / --account), --s3-endpoint, --wait-timeout and --wait")
            .Should().Be("(LCC_AWS_ACCOUNT / -Account), -S3Endpoint, -WaitTimeout and -Wait");
}

using LakeCircle.Cli.Configuration;
using LakeCircle.Core.Gateways;
using Microsoft.Extensions.Logging;
using static LakeCircle.Cli.Tests.Configuration.SettingsFixtures;

namespace LakeCircle.Cli.Tests.Configuration;

public class SettingsBuilderTests
{
    [Test]
    public void Build_RequiredOnly_AppliesEveryDefault()
    {
        var settings = Valid();

        settings.Endpoint.Should().Be(EndpointLocation.S3("config-bucket", "lifecycle/"));
        settings.AwsAccount.Should().Be("123456789012");
        settings.AwsRegion.Should().Be("eu-west-1");
        settings.Action.Should().Be(WorkAction.Sync);
        settings.ActionParameters.Should().Be(ActionParameters.Default);
        settings.AppLevel.Should().Be(LogLevel.Information);
        settings.LogFormat.Should().Be(LogFormat.Tree);
        settings.AppName.Should().Be("LakeCircle");
        settings.S3Endpoint.Should().BeNull();
        settings.SnapshotPath.Should().BeNull();
        settings.Output.Should().Be(OutputFormat.Text);
    }

    [Test]
    public void Build_EmptyEnvironment_ReportsEveryRequiredVariableAtOnce()
    {
        var result = Build(new Dictionary<string, string?>());

        result.IsValid.Should().BeFalse();
        result.Settings.Should().BeNull();
        result.Errors.Select(e => e.Field).Should().Equal("LCC_ENDPOINT", "LCC_AWS_ACCOUNT", "LCC_AWS_REGION");
        result.Errors.Should().OnlyContain(e => e.Message.StartsWith(e.Field + " is required", StringComparison.Ordinal));
    }

    [Test]
    public void Build_BlankValues_CountAsUnset()
    {
        var result = Build(Environment(("LCC_AWS_REGION", "   "), ("LCC_APP_NAME", ""), ("LCC_ACTIONS", " ")));

        result.Errors.Should().ContainSingle().Which.Field.Should().Be("LCC_AWS_REGION");
        Valid(("LCC_APP_NAME", ""), ("LCC_ACTIONS", " ")).Should().Match<Settings>(s => s.AppName == "LakeCircle" && s.Action == WorkAction.Sync);
    }

    [TestCase("12345")]
    [TestCase("1234567890123")]
    [TestCase("12345678901a")]
    public void Build_BadAccount_NamesVariableAndValue(string account)
    {
        var result = Build(Environment(("LCC_AWS_ACCOUNT", account)));

        result.Errors.Should().ContainSingle().Which.Should().Match<LakeCircle.Core.Diagnostics.Diagnostic>(d =>
            d.Field == "LCC_AWS_ACCOUNT" && d.Message == $"LCC_AWS_ACCOUNT must be 12 digits, got '{account}'.");
    }

    [TestCase("eu-west-1")]
    [TestCase("us-gov-west-1")]
    [TestCase("ap-southeast-2")]
    [TestCase("us-isob-east-1")]
    public void Build_RegionSyntax_Accepted(string region) => Valid(("LCC_AWS_REGION", region)).AwsRegion.Should().Be(region);

    [TestCase("EU-WEST-1")]
    [TestCase("europe")]
    [TestCase("eu-west")]
    [TestCase("eu_west_1")]
    public void Build_BadRegion_NamesVariable(string region)
    {
        var error = Build(Environment(("LCC_AWS_REGION", region))).Errors.Should().ContainSingle().Subject;

        error.Field.Should().Be("LCC_AWS_REGION");
        error.Message.Should().StartWith("LCC_AWS_REGION must be an AWS region").And.Contain($"'{region}'");
    }

    [TestCase("sync", WorkAction.Sync)]
    [TestCase("DryRun", WorkAction.DryRun)]
    [TestCase("DRYRUN", WorkAction.DryRun)]
    public void Build_Actions_CaseInsensitive(string text, object expected) =>
        Valid(("LCC_ACTIONS", text)).Action.Should().Be((WorkAction)expected);

    [TestCase("TRACE", LogLevel.Trace)]
    [TestCase("debug", LogLevel.Debug)]
    [TestCase("INFO", LogLevel.Information)]
    [TestCase("WARNING", LogLevel.Warning)]
    [TestCase("Error", LogLevel.Error)]
    [TestCase("CRITICAL", LogLevel.Critical)]
    public void Build_AppLevel_MapsNames(string text, LogLevel expected) =>
        Valid(("LCC_APP_LEVEL", text)).AppLevel.Should().Be(expected);

    [TestCase("TREE", LogFormat.Tree)]
    [TestCase("colortree", LogFormat.ColorTree)]
    [TestCase("TEXT", LogFormat.Text)]
    [TestCase("ColorText", LogFormat.ColorText)]
    [TestCase("json", LogFormat.Json)]
    public void Build_LogFormat_MapsNames(string text, object expected) =>
        Valid(("LCC_LOG_FORMAT", text)).LogFormat.Should().Be((LogFormat)expected);

    [TestCase("JSON", OutputFormat.Json)]
    [TestCase("text", OutputFormat.Text)]
    public void Build_Output_MapsNames(string text, object expected) =>
        Valid(("LCC_OUTPUT", text)).Output.Should().Be((OutputFormat)expected);

    [TestCase("LCC_ACTIONS", "APPLY", "SYNC, DRYRUN")]
    [TestCase("LCC_APP_LEVEL", "WARN", "TRACE, DEBUG, INFO, WARNING, ERROR, CRITICAL")]
    [TestCase("LCC_LOG_FORMAT", "XML", "TREE, COLORTREE, TEXT, COLORTEXT, JSON")]
    [TestCase("LCC_OUTPUT", "yaml", "text, json")]
    public void Build_UnknownChoice_ListsChoices(string name, string value, string choices)
    {
        var error = Build(Environment((name, value))).Errors.Should().ContainSingle().Subject;

        error.Field.Should().Be(name);
        error.Message.Should().Be($"{name} must be one of {choices}, got '{value}'.");
    }

    [Test]
    public void Build_OptionalValues_AreTyped()
    {
        var settings = Valid(
            ("LCC_APP_NAME", "Lifecycle-Prod"),
            ("LCC_S3_ENDPOINT", "http://localhost:8080"),
            ("LCC_SNAPSHOT", "snapshots/account.json"));

        settings.AppName.Should().Be("Lifecycle-Prod");
        settings.S3Endpoint.Should().Be(new Uri("http://localhost:8080"));
        settings.SnapshotPath.Should().Be(Path.Combine(BaseDirectory, "snapshots", "account.json"));
    }

    [TestCase("localhost:8080")]
    [TestCase("ftp://example.com")]
    [TestCase("/relative/path")]
    public void Build_BadS3Endpoint_NamesVariable(string url)
    {
        var error = Build(Environment(("LCC_S3_ENDPOINT", url))).Errors.Should().ContainSingle().Subject;

        error.Field.Should().Be("LCC_S3_ENDPOINT");
        error.Message.Should().StartWith("LCC_S3_ENDPOINT must be an absolute http:// or https:// URL");
    }

    [TestCase("gs://bucket/prefix/")]
    [TestCase("s3://")]
    [TestCase("s3://Bad_Bucket/x/")]
    public void Build_BadEndpoint_NamesVariable(string endpoint)
    {
        var error = Build(Environment(("LCC_ENDPOINT", endpoint))).Errors.Should().ContainSingle().Subject;

        error.Field.Should().Be("LCC_ENDPOINT");
        error.Message.Should().StartWith("LCC_ENDPOINT must be an s3://bucket/prefix/ URI").And.Contain($"'{endpoint}'");
    }

    [Test]
    public void Build_Overrides_WinOverEnvironment()
    {
        var overrides = new Dictionary<string, string?> { ["LCC_AWS_REGION"] = "us-east-1", ["LCC_ACTIONS"] = "dryrun" };

        var settings = Build(Environment(("LCC_ACTIONS", "SYNC")), overrides).Settings!;

        settings.AwsRegion.Should().Be("us-east-1");
        settings.Action.Should().Be(WorkAction.DryRun);
        settings.AwsAccount.Should().Be("123456789012");
    }

    [Test]
    public void Build_BlankOverride_FallsBackToEnvironment()
    {
        var overrides = new Dictionary<string, string?> { ["LCC_AWS_REGION"] = " ", ["LCC_APP_NAME"] = null };

        var settings = Build(Environment(("LCC_APP_NAME", "Named")), overrides).Settings!;

        settings.AwsRegion.Should().Be("eu-west-1");
        settings.AppName.Should().Be("Named");
    }

    [Test]
    public void Build_OverrideFillsMissingRequired_IsValid()
    {
        var environment = Environment();
        environment.Remove("LCC_ENDPOINT");

        var result = Build(environment, new Dictionary<string, string?> { ["LCC_ENDPOINT"] = "s3://other-bucket" });

        result.Settings!.Endpoint!.ToString().Should().Be("s3://other-bucket/");
    }

    [Test]
    public void Build_ManyProblems_ReportsAllAtOnceInTableOrder()
    {
        var result = Build(new Dictionary<string, string?>
        {
            ["LCC_AWS_ACCOUNT"] = "12",
            ["LCC_ACTIONS"] = "APPLY",
            ["LCC_ACTION_PARAMS"] = """{"concurrency": 0, "colour": "red"}""",
            ["LCC_LOG_FORMAT"] = "XML",
            ["LCC_S3_ENDPOINT"] = "nope",
        });

        result.Errors.Select(e => e.Field).Should().Equal(
            "LCC_ENDPOINT", "LCC_AWS_ACCOUNT", "LCC_AWS_REGION", "LCC_ACTIONS",
            "LCC_ACTION_PARAMS", "LCC_ACTION_PARAMS", "LCC_LOG_FORMAT", "LCC_S3_ENDPOINT");
        result.Errors.Should().OnlyContain(e => e.Message.Contains(e.Field!, StringComparison.Ordinal));
    }

    [Test]
    public void Build_ValuesAreTrimmed()
    {
        var settings = Valid(("LCC_AWS_ACCOUNT", " 123456789012 "), ("LCC_ACTIONS", " dryrun\n"));

        settings.AwsAccount.Should().Be("123456789012");
        settings.Action.Should().Be(WorkAction.DryRun);
    }
}

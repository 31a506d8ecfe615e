using System.Text.Json;
using LakeCircle.Cli.Tests.Commands;

namespace LakeCircle.Cli.Tests.Targets;

public class TargetsCommandTests
{
    private OrganisationCopy _org = null!;
    private TargetsFolder _folder = null!;

    [SetUp]
    public void SetUp()
    {
        _org = new OrganisationCopy();
        _folder = new TargetsFolder();
    }

    [TearDown]
    public void TearDown()
    {
        _org.Dispose();
        _folder.Dispose();
    }

    [Test]
    public async Task Targets_Text_IsATableInFileOrder()
    {
        var run = await CliRun.RunAsync(["targets", .. _org.Flags()]);

        run.ExitCode.Should().Be(ExitCodes.Ok, run.ToString());
        run.Error.Should().BeEmpty();
        var lines = run.Output.TrimEnd().Split(Environment.NewLine);
        lines.Should().HaveCount(3, run.ToString());
        lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries).Should().Equal("NAME", "ACCOUNT", "REGION", "REGIONS", "CREDENTIALS", "ENDPOINT");
        lines[1].Should().StartWith("prod ").And.Contain("111111111111").And.Contain("eu-west-1").And.Contain(" all ").And.EndWith(_org.State("prod"));
        lines[2].Should().StartWith("analytics ").And.Contain("222222222222").And.EndWith(_org.State("analytics"));
        lines[1].IndexOf("111111111111", StringComparison.Ordinal).Should().Be(lines[2].IndexOf("222222222222", StringComparison.Ordinal), "the columns are aligned");
    }

    [Test]
    public async Task Targets_Json_HasTheNamesArrayAndEachTarget()
    {
        var run = await CliRun.RunAsync(["targets", .. _org.Flags("-o", "json")]);

        run.ExitCode.Should().Be(ExitCodes.Ok, run.ToString());
        using var json = JsonDocument.Parse(run.Output);
        var root = json.RootElement;
        root.GetProperty("succeeded").GetBoolean().Should().BeTrue();
        root.GetProperty("names").EnumerateArray().Select(n => n.GetString()).Should().Equal("prod", "analytics");
        var prod = root.GetProperty("targets")[0];
        prod.GetProperty("name").GetString().Should().Be("prod");
        prod.GetProperty("account").GetString().Should().Be("111111111111");
        prod.GetProperty("region").GetString().Should().Be("eu-west-1");
        prod.GetProperty("endpoint").GetString().Should().Be(_org.State("prod"));
        prod.GetProperty("definitions").EnumerateArray().Select(d => d.GetString()).Should()
            .Equal(Path.Combine(_org.Root, "definitions", "shared"), Path.Combine(_org.Root, "definitions", "prod"));
        prod.GetProperty("declaredAt").GetString().Should().Be($"{_org.TargetsFile}:{TargetsFolder.LineOf(File.ReadAllText(_org.TargetsFile), "[[target]]")}");
    }

    [Test]
    public async Task Targets_Json_SnapshotTarget_CredentialsKindAgreesWithTheTextListing()
    {
        // The text listing says "none (snapshot)": a snapshot target uses no credentials; the JSON must not say "caller".
        var run = await CliRun.RunAsync(["targets", .. _org.Flags("-o", "json")]);

        using var json = JsonDocument.Parse(run.Output);
        json.RootElement.GetProperty("targets")[0].GetProperty("credentials").GetProperty("kind").GetString()
            .Should().NotBe("caller", "the text listing of the same target says 'none (snapshot)'");
    }

    [Test]
    public async Task Targets_Json_CredentialsKinds_AndTheExternalIdIsShownAsTrueNeverItsValue()
    {
        var file = _folder.Write("""
            [defaults]
            region = "eu-west-1"
            endpoint = "s3://lc-state/{account}/"

            [[target]]
            name = "role"
            account = "111111111111"
            role_arn = "arn:aws:iam::{account}:role/lakecircle"
            source_profile = "org"
            external_id = "ext-Sup3rSecret"
            session_name = "lc-{name}"

            [[target]]
            name = "profile"
            account = "222222222222"
            profile = "analytics-admin"

            [[target]]
            name = "caller"
            account = "333333333333"
            """);

        var run = await CliRun.RunAsync(["targets", "--targets", file, "-o", "json"]);
        var text = await CliRun.RunAsync(["targets", "--targets", file]);

        run.ExitCode.Should().Be(ExitCodes.Ok, run.ToString());
        run.Output.Should().NotContain("Sup3rSecret");
        text.Output.Should().NotContain("Sup3rSecret");
        text.Error.Should().NotContain("Sup3rSecret");
        using var json = JsonDocument.Parse(run.Output);
        var targets = json.RootElement.GetProperty("targets");
        var role = targets[0].GetProperty("credentials");
        role.GetProperty("kind").GetString().Should().Be("role");
        role.GetProperty("roleArn").GetString().Should().Be("arn:aws:iam::111111111111:role/lakecircle");
        role.GetProperty("sourceProfile").GetString().Should().Be("org");
        role.GetProperty("sessionName").GetString().Should().Be("lc-role");
        role.GetProperty("externalId").ValueKind.Should().Be(JsonValueKind.True);
        var profile = targets[1].GetProperty("credentials");
        profile.GetProperty("kind").GetString().Should().Be("profile");
        profile.GetProperty("profile").GetString().Should().Be("analytics-admin");
        profile.TryGetProperty("externalId", out var none).Should().BeFalse($"a target without a role has no external ID to speak of, got {none}");
        targets[2].GetProperty("credentials").GetProperty("kind").GetString().Should().Be("caller");
        text.Output.Should().Contain("role arn:aws:iam::111111111111:role/lakecircle from profile org").And.Contain("profile analytics-admin").And.Contain("caller");
    }

    [Test]
    public async Task Targets_Selected_ListsOnlyThose()
    {
        var run = await CliRun.RunAsync(["targets", .. _org.Flags("--target", "analytics", "-o", "json")]);

        run.ExitCode.Should().Be(ExitCodes.Ok, run.ToString());
        using var json = JsonDocument.Parse(run.Output);
        json.RootElement.GetProperty("names").EnumerateArray().Select(n => n.GetString()).Should().Equal("analytics");
    }

    [Test]
    public async Task Targets_RegionFlag_ServesTargetsWithoutOne()
    {
        var file = _folder.Write("[[target]]\nname = \"a\"\naccount = \"111111111111\"\nendpoint = \"state/a\"\n");

        var without = await CliRun.RunAsync(["targets", "--targets", file]);
        var with = await CliRun.RunAsync(["targets", "--targets", file, "--region", "sa-east-1"]);
        var fromVariable = await CliRun.RunAsync(new Dictionary<string, string?> { ["LCC_AWS_REGION"] = "ca-central-1" }, ["targets", "--targets", file]);

        without.ExitCode.Should().Be(ExitCodes.Error, without.ToString());
        without.Error.Should().Contain($"{file}:1:").And.Contain("target[0].region");
        with.ExitCode.Should().Be(ExitCodes.Ok, with.ToString());
        with.Output.Should().Contain("sa-east-1");
        fromVariable.ExitCode.Should().Be(ExitCodes.Ok, fromVariable.ToString());
        fromVariable.Output.Should().Contain("ca-central-1");
    }

    [Test]
    public async Task Targets_Problems_ExitOneWithFileLineOnStandardError()
    {
        var toml = """
            [[target]]
            name = "a"
            account = "12345"
            region = "eu-west-1"
            endpoint = "state/a"
            regoin = "x"
            """;
        var file = _folder.Write(toml);

        var run = await CliRun.RunAsync(["targets", "--targets", file]);

        run.ExitCode.Should().Be(ExitCodes.Error, run.ToString());
        run.Output.Should().BeEmpty();
        run.Error.Should().Contain($"{file}:{TargetsFolder.LineOf(toml, "account")}:").And.Contain("target[0].account: '12345' is not an AWS account ID");
        run.Error.Should().Contain($"{file}:{TargetsFolder.LineOf(toml, "regoin")}:").And.Contain("did you mean region?");
        run.Error.Should().NotContain("   at ", "no stack trace reaches a user");
    }

    [Test]
    public async Task Targets_ProblemsWithJson_AreAConfigurationErrorDocument()
    {
        var toml = "[[target]]\nname = \"a\"\naccount = \"12345\"\nregion = \"eu-west-1\"\nendpoint = \"state/a\"\n";
        var file = _folder.Write(toml);

        var run = await CliRun.RunAsync(["targets", "--targets", file, "-o", "json"]);

        run.ExitCode.Should().Be(ExitCodes.Error, run.ToString());
        using var json = JsonDocument.Parse(run.Output);
        json.RootElement.GetProperty("succeeded").GetBoolean().Should().BeFalse();
        var error = json.RootElement.GetProperty("error");
        error.GetProperty("code").GetString().Should().Be("configuration");
        error.GetProperty("errors").EnumerateArray().Select(e => e.GetString()).Should().ContainSingle()
            .Which.Should().StartWith($"{file}:3:").And.Contain("target[0].account");
        json.RootElement.TryGetProperty("names", out _).Should().BeFalse("a file with problems lists no target");
    }

    [Test]
    public async Task Targets_S3UrlWithPassword_NeverShowsThePassword()
    {
        var file = _folder.Write("[[target]]\nname = \"a\"\naccount = \"111111111111\"\nregion = \"eu-west-1\"\nendpoint = \"state/a\"\ns3_url = \"https://ops:Pa55word@s3.example.com\"\n");

        var text = await CliRun.RunAsync(["targets", "--targets", file]);
        var json = await CliRun.RunAsync(["targets", "--targets", file, "-o", "json"]);

        text.ExitCode.Should().Be(ExitCodes.Error, text.ToString());
        text.Error.Should().Contain($"{file}:6:").And.Contain("target[0].s3_url");
        (text.Output + text.Error + json.Output + json.Error).Should().NotContain("Pa55word");
    }

    [Test]
    public async Task Targets_UnknownTarget_ExitOneWithASuggestion()
    {
        var run = await CliRun.RunAsync(["targets", .. _org.Flags("--target", "analytcs")]);

        run.ExitCode.Should().Be(ExitCodes.Error, run.ToString());
        run.Output.Should().BeEmpty();
        run.Error.Should().Contain("--target 'analytcs' is not a target of").And.Contain("did you mean analytics?");
    }

    [Test]
    public async Task Targets_UnknownTargetFarFromAny_ListsTheTargets_AndJsonIsAnErrorDocument()
    {
        var run = await CliRun.RunAsync(["targets", .. _org.Flags("--target", "zzz", "-o", "json")]);

        run.ExitCode.Should().Be(ExitCodes.Error, run.ToString());
        run.Error.Should().Contain("(its targets: prod, analytics)");
        using var json = JsonDocument.Parse(run.Output);
        json.RootElement.GetProperty("error").GetProperty("code").GetString().Should().Be("configuration");
        json.RootElement.GetProperty("error").GetProperty("message").GetString().Should().Contain("'zzz'");
    }

    [Test]
    public async Task Targets_MissingFile_ExitOneNamingIt()
    {
        var missing = Path.Combine(_folder.Root, "none.toml");

        var run = await CliRun.RunAsync(["targets", "--targets", missing]);

        run.ExitCode.Should().Be(ExitCodes.Error, run.ToString());
        run.Error.Should().Contain($"cannot read the targets file '{missing}': no such file.");
    }

    [Test]
    public async Task Targets_WithoutTargetsFlag_IsAUsageError()
    {
        var run = await CliRun.RunAsync(["targets"]);

        run.ExitCode.Should().Be(ExitCodes.UsageError, run.ToString());
        run.Error.Should().Contain("--targets");
    }

    [Test]
    public async Task Targets_EmptyTargetsValue_IsAUsageError()
    {
        var run = await CliRun.RunAsync(["targets", "--targets", " "]);

        run.ExitCode.Should().Be(ExitCodes.UsageError, run.ToString());
        run.Error.Should().Contain("--targets needs a file name");
    }
}

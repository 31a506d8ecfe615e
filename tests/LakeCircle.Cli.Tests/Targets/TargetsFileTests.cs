using System.Text;
using LakeCircle.Cli.Targets;

namespace LakeCircle.Cli.Tests.Targets;

public class TargetsFileTests
{
    private TargetsFolder _folder = null!;
    private string _path = null!;

    [SetUp]
    public void SetUp()
    {
        _folder = new TargetsFolder();
        _path = Path.Combine(_folder.Root, "targets.toml");
    }

    [TearDown]
    public void TearDown() => _folder.Dispose();

    // ---- what a right file gives ----

    [Test]
    public void Defaults_AreInheritedAndATargetsOwnKeyOverridesThem()
    {
        _folder.Folder("defs/shared");
        _folder.Folder("defs/b");
        var toml = """
            [defaults]
            region = "eu-west-1"
            regions = ["eu-west-1", "eu-central-1"]
            endpoint = "s3://lc-state/{name}/"
            definitions = ["defs/shared"]
            profile = "org-reader"

            [[target]]
            name = "a"
            account = "111111111111"

            [[target]]
            name = "b"
            account = "222222222222"
            region = "us-east-1"
            regions = ["us-east-1"]
            endpoint = "s3://other-state/b/"
            definitions = ["defs/b"]
            profile = "b-admin"
            """;

        var result = Read(toml);

        result.IsValid.Should().BeTrue(Dump(result));
        result.Targets.Select(t => t.Name).Should().Equal("a", "b");
        var (a, b) = (result.Targets[0], result.Targets[1]);
        a.Region.Should().Be("eu-west-1");
        a.Regions.Should().Equal("eu-west-1", "eu-central-1");
        a.Endpoint.Should().Be("s3://lc-state/a/");
        a.Definitions.Should().Equal(Path.Combine(_folder.Root, "defs", "shared"));
        a.Profile.Should().Be("org-reader");
        a.CredentialsText.Should().Be("profile org-reader");

        b.Region.Should().Be("us-east-1");
        b.Regions.Should().Equal("us-east-1");
        b.Endpoint.Should().Be("s3://other-state/b/");
        b.Definitions.Should().Equal([Path.Combine(_folder.Root, "defs", "shared"), Path.Combine(_folder.Root, "defs", "b")], "the shared definitions come first");
        b.Profile.Should().Be("b-admin");
        b.DeclaredAt.Should().Be($"{_path}:{TargetsFolder.LineOf(toml, "[[target]]", 2)}");
    }

    [Test]
    public void Templates_NameAccountAndRegion_AreFilledInEveryTemplatedKey()
    {
        _folder.Folder("defs/prod-111111111111");
        _folder.Write("{}", "accounts/111111111111-eu-west-2.json");
        var toml = """
            [defaults]
            endpoint = "s3://lc-state/{account}/{region}/{name}/"
            role_arn = "arn:aws:iam::{account}:role/lc-{name}"
            session_name = "lc-{name}-{region}"
            definitions = ["defs/{name}-{account}"]
            snapshot = "accounts/{account}-{region}.json"

            [[target]]
            name = "prod"
            account = "111111111111"
            region = "eu-west-2"
            """;

        var result = Read(toml);

        result.IsValid.Should().BeTrue(Dump(result));
        var target = result.Targets.Should().ContainSingle().Subject;
        target.Endpoint.Should().Be("s3://lc-state/111111111111/eu-west-2/prod/");
        target.RoleArn.Should().Be("arn:aws:iam::111111111111:role/lc-prod");
        target.SessionName.Should().Be("lc-prod-eu-west-2");
        target.Definitions.Should().Equal(Path.Combine(_folder.Root, "defs", "prod-111111111111"));
        target.Snapshot.Should().Be(Path.Combine(_folder.Root, "accounts", "111111111111-eu-west-2.json"));
        target.S3Url.Should().BeNull("a snapshot target reads no S3 server");
    }

    [Test]
    public void RelativePaths_AreResolvedAgainstTheFilesFolder_NotTheWorkingDirectory()
    {
        var toml = """
            [[target]]
            name = "prod"
            account = "111111111111"
            region = "eu-west-1"
            endpoint = "state/{name}"
            definitions = ["../defs"]
            snapshot = "prod.json"
            """;
        _folder.Folder("defs");
        _folder.Write("{}", "conf/prod.json");
        _path = _folder.Write(toml, "conf/targets.toml");

        var result = TargetsFile.Read(_path);

        result.IsValid.Should().BeTrue(Dump(result));
        var target = result.Targets.Single();
        target.Endpoint.Should().Be(Path.Combine(_folder.Root, "conf", "state", "prod"));
        target.Definitions.Should().Equal(Path.Combine(_folder.Root, "defs"));
        target.Snapshot.Should().Be(Path.Combine(_folder.Root, "conf", "prod.json"));
        Directory.GetCurrentDirectory().Should().NotBe(Path.Combine(_folder.Root, "conf"));
    }

    [Test]
    public void FallbackRegion_ServesATargetWithoutOne_AndNeverOverridesAGivenOne()
    {
        var toml = """
            [[target]]
            name = "a"
            account = "111111111111"
            endpoint = "state/a"

            [[target]]
            name = "b"
            account = "222222222222"
            region = "ap-southeast-2"
            endpoint = "state/b"
            """;

        var result = Read(toml, region: "us-west-2");

        result.IsValid.Should().BeTrue(Dump(result));
        result.Targets.Select(t => t.Region).Should().Equal("us-west-2", "ap-southeast-2");
    }

    [Test]
    public void FallbackS3Url_ServesATargetWithoutOne_AndATargetsS3UrlWins()
    {
        var toml = """
            [[target]]
            name = "a"
            account = "111111111111"
            region = "eu-west-1"
            endpoint = "s3://lc-state/a/"

            [[target]]
            name = "b"
            account = "222222222222"
            region = "eu-west-1"
            endpoint = "s3://lc-state/b/"
            s3_url = "https://s3.internal.example:9000"
            sts_url = "https://sts.internal.example:9000"
            """;

        var result = Read(toml, s3: new Uri("http://127.0.0.1:7480"));

        result.IsValid.Should().BeTrue(Dump(result));
        result.Targets[0].S3Url.Should().Be(new Uri("http://127.0.0.1:7480"));
        result.Targets[1].S3Url.Should().Be(new Uri("https://s3.internal.example:9000"));
        result.Targets[1].StsUrl.Should().Be(new Uri("https://sts.internal.example:9000"));
    }

    [Test]
    public void RoleWithEveryAssumeRoleKey_IsRead()
    {
        var toml = """
            [[target]]
            name = "prod"
            account = "111111111111"
            region = "eu-west-1"
            endpoint = "s3://lc-state/prod/"
            role_arn = "arn:aws:iam::111111111111:role/ops/lakecircle"
            source_profile = "org-root"
            external_id = "ext-1234:abc"
            session_name = "lakecircle@ci"
            session_duration = "2h"
            """;

        var target = Read(toml).Targets.Should().ContainSingle().Subject;

        target.RoleArn.Should().Be("arn:aws:iam::111111111111:role/ops/lakecircle");
        target.SourceProfile.Should().Be("org-root");
        target.ExternalId.Should().Be("ext-1234:abc");
        target.SessionName.Should().Be("lakecircle@ci");
        target.SessionDuration.Should().Be(TimeSpan.FromHours(2));
        target.Profile.Should().BeNull();
        target.CredentialsText.Should().Be("role arn:aws:iam::111111111111:role/ops/lakecircle from profile org-root").And.NotContain("ext-1234");
    }

    [TestCase("15m", 900)]
    [TestCase("900", 900)]
    [TestCase("12h", 43200)]
    [TestCase("90m", 5400)]
    public void SessionDuration_InRange_IsRead(string text, int seconds)
    {
        var result = Read(RoleTarget($"session_duration = \"{text}\""));

        result.IsValid.Should().BeTrue(Dump(result));
        result.Targets.Single().SessionDuration.Should().Be(TimeSpan.FromSeconds(seconds));
    }

    [Test]
    public void AssumeRoleKeysInDefaults_WithoutRoleArn_AreIgnoredForATargetWithoutARole()
    {
        var toml = """
            [defaults]
            session_name = "lakecircle"
            external_id = "ext-1"

            [[target]]
            name = "a"
            account = "111111111111"
            region = "eu-west-1"
            endpoint = "state/a"
            """;

        var result = Read(toml);

        result.IsValid.Should().BeTrue(Dump(result));
        result.Targets.Single().ExternalId.Should().BeNull();
        result.Targets.Single().SessionName.Should().BeNull();
    }

    // ---- every problem: file:line, the field, and no target ----

    [Test]
    public void UnknownPlaceholder_InEndpoint_IsAProblemAtItsLine()
    {
        var toml = Target(endpoint: "state/{acount}");

        var result = Read(toml);

        ShouldFail(result, toml, "{acount}", "target[0].endpoint", "Unknown placeholder '{acount}'");
    }

    [Test]
    public void UnknownPlaceholder_InADefinitionsItem_IsAProblemAtThatItem()
    {
        var toml = """
            [[target]]
            name = "a"
            account = "111111111111"
            region = "eu-west-1"
            endpoint = "state/a"
            definitions = [
              "defs",
              "defs/{team}",
            ]
            """;
        _folder.Folder("defs");

        ShouldFail(Read(toml), toml, "{team}", "target[0].definitions", "Unknown placeholder '{team}'");
    }

    [TestCase("role_arn = \"arn:aws:iam::{acct}:role/x\"", "{acct}", "target[0].role_arn")]
    [TestCase("role_arn = \"arn:aws:iam::111111111111:role/x\"\nsession_name = \"lc-{user}\"", "{user}", "target[0].session_name")]
    [TestCase("snapshot = \"accounts/{id}.json\"", "{id}", "target[0].snapshot")]
    public void UnknownPlaceholder_InTemplatedKeys_IsAProblem(string lines, string placeholder, string field)
    {
        var toml = Target(lines);

        ShouldFail(Read(toml), toml, placeholder, field, $"Unknown placeholder '{placeholder}'");
    }

    [Test]
    public void UnknownKey_InDefaults_IsSuggested()
    {
        var toml = """
            [defaults]
            regon = "eu-west-1"

            [[target]]
            name = "a"
            account = "111111111111"
            region = "eu-west-1"
            endpoint = "state/a"
            """;

        ShouldFail(Read(toml), toml, "regon", "defaults.regon", "Unknown key 'regon': did you mean region?");
    }

    [Test]
    public void UnknownKey_InATarget_IsSuggested()
    {
        var toml = Target("role_ar = \"arn:aws:iam::111111111111:role/x\"");

        ShouldFail(Read(toml), toml, "role_ar ", "target[0].role_ar", "Unknown key 'role_ar': did you mean role_arn?");
    }

    [Test]
    public void TargetOnlyKeys_InDefaults_AreUnknown()
    {
        var toml = """
            [defaults]
            account = "111111111111"

            [[target]]
            name = "a"
            account = "111111111111"
            region = "eu-west-1"
            endpoint = "state/a"
            """;

        ShouldFail(Read(toml), toml, "account", "defaults.account", "Unknown key 'account'");
    }

    [TestCase("name")]
    [TestCase("account")]
    [TestCase("region")]
    [TestCase("endpoint")]
    public void RequiredKey_Missing_IsAProblemAtTheTargetsHeader(string key)
    {
        var lines = new Dictionary<string, string>
        {
            ["name"] = "name = \"a\"",
            ["account"] = "account = \"111111111111\"",
            ["region"] = "region = \"eu-west-1\"",
            ["endpoint"] = "endpoint = \"state/a\"",
        };
        var toml = "[[target]]\n" + string.Join("\n", lines.Where(l => l.Key != key).Select(l => l.Value)) + "\n";

        ShouldFail(Read(toml), toml, "[[target]]", $"target[0].{key}", $"'{key}' is missing");
    }

    [TestCase("12345")]
    [TestCase("1111111111111")]
    [TestCase("11111111111a")]
    [TestCase(" 111111111111x")]
    public void Account_NotTwelveDigits_IsAProblem(string account)
    {
        var toml = Target(account: account);

        ShouldFail(Read(toml), toml, "account =", "target[0].account", "is not an AWS account ID: expected 12 digits.");
    }

    [TestCase("eu_west_1")]
    [TestCase("EU-WEST-1")]
    [TestCase("europe")]
    [TestCase("eu-west-")]
    public void Region_NotARegion_IsAProblem(string region)
    {
        var toml = Target(region: region);

        ShouldFail(Read(toml), toml, "region =", "target[0].region", "is not an AWS region such as eu-west-1.");
    }

    [Test]
    public void Region_InRegionsNotARegion_IsAProblemAtTheItem()
    {
        var toml = """
            [defaults]
            regions = ["eu-west-1", "mars-1"]

            [[target]]
            name = "a"
            account = "111111111111"
            region = "eu-west-1"
            endpoint = "state/a"
            """;

        ShouldFail(Read(toml), toml, "mars-1", "defaults.regions", "'mars-1' is not an AWS region");
    }

    [Test]
    public void FallbackRegion_NotARegion_IsAProblemOfTheTarget()
    {
        var toml = Target(region: null);

        ShouldFail(Read(toml, region: "nowhere"), toml, "[[target]]", "target[0].region", "'nowhere' is not an AWS region");
    }

    [TestCase("-prod")]
    [TestCase("prod team")]
    [TestCase("prod/eu")]
    [TestCase(".")]
    [TestCase("")]
    public void Name_NotAName_IsAProblem(string name)
    {
        var toml = Target(name: name);

        ShouldFail(Read(toml), toml, "name =", "target[0].name", "is not a target name");
    }

    [Test]
    public void Name_SixtyFiveCharacters_IsAProblem_SixtyFourIsNot()
    {
        Read(Target(name: new string('a', 64))).IsValid.Should().BeTrue();

        var toml = Target(name: new string('a', 65));
        ShouldFail(Read(toml), toml, "name =", "target[0].name", "is not a target name");
    }

    [Test]
    public void DuplicateName_NamesTheFirstLine()
    {
        var toml = """
            [[target]]
            name = "prod"
            account = "111111111111"
            region = "eu-west-1"
            endpoint = "state/one"

            [[target]]
            name = "prod"
            account = "222222222222"
            region = "eu-west-1"
            endpoint = "state/two"
            """;

        var first = TargetsFolder.LineOf(toml, "name = \"prod\"");
        ShouldFail(Read(toml), toml, "name = \"prod\"", "target[1].name", $"The target name 'prod' is already used at line {first}", occurrence: 2);
    }

    [Test]
    public void TwoTargets_ResolvingToTheSameEndpoint_AreAProblem()
    {
        var toml = """
            [defaults]
            endpoint = "s3://lc-state/{region}/"
            region = "eu-west-1"

            [[target]]
            name = "a"
            account = "111111111111"

            [[target]]
            name = "b"
            account = "222222222222"
            """;

        var result = Read(toml);

        // The endpoint comes from [defaults]: the problem is the second target's, at its header.
        ShouldFail(result, toml, "[[target]]", "target[1].endpoint", "The endpoint 's3://lc-state/eu-west-1/' is also target 'a''s", occurrence: 2);
    }

    [Test]
    public void TwoTargets_SameLocalFolderWrittenTwoWays_AreAProblem()
    {
        var toml = """
            [[target]]
            name = "a"
            account = "111111111111"
            region = "eu-west-1"
            endpoint = "state/shared"

            [[target]]
            name = "b"
            account = "222222222222"
            region = "eu-west-1"
            endpoint = "state/../state/shared/"
            """;

        ShouldFail(Read(toml), toml, "state/../state/shared/", "target[1].endpoint", "is also target 'a''s");
    }

    [Test]
    public void RoleArn_OfAnotherAccount_IsAProblem()
    {
        var toml = RoleTarget(roleArn: "arn:aws:iam::999999999999:role/lakecircle");

        ShouldFail(Read(toml), toml, "role_arn", "target[0].role_arn", "is in account 999999999999, not the target's account 111111111111");
    }

    [TestCase("arn:aws:iam::111111111111:user/lakecircle")]
    [TestCase("arn:aws:iam::11111:role/lakecircle")]
    [TestCase("lakecircle")]
    public void RoleArn_NotARoleArn_IsAProblem(string arn)
    {
        var toml = RoleTarget(roleArn: arn);

        ShouldFail(Read(toml), toml, "role_arn", "target[0].role_arn", "is not an IAM role ARN");
    }

    [Test]
    public void ProfileAndRoleArn_Together_AreAProblem()
    {
        var toml = RoleTarget("profile = \"ops\"");

        ShouldFail(Read(toml), toml, "profile", "target[0].profile", "'profile' and 'role_arn' together are ambiguous");
    }

    [TestCase("external_id = \"ext-1\"", "external_id")]
    [TestCase("session_name = \"lakecircle\"", "session_name")]
    [TestCase("session_duration = \"1h\"", "session_duration")]
    [TestCase("source_profile = \"org\"", "source_profile")]
    public void AssumeRoleKey_WithoutRoleArn_IsAProblem(string line, string key)
    {
        var toml = Target(line);

        ShouldFail(Read(toml), toml, key, $"target[0].{key}", $"'{key}' needs 'role_arn'");
    }

    [TestCase("14m")]
    [TestCase("899")]
    [TestCase("12h1s")]
    [TestCase("13h")]
    [TestCase("forever")]
    [TestCase("-1h")]
    [TestCase("1000.5s")]
    public void SessionDuration_OutOfRangeOrNotADuration_IsAProblem(string text)
    {
        var toml = RoleTarget($"session_duration = \"{text}\"");

        ShouldFail(Read(toml), toml, "session_duration", "target[0].session_duration", "is not a session duration of whole seconds from 15m to 12h");
    }

    [TestCase("a")]
    [TestCase("has space")]
    public void SessionName_NotASessionName_IsAProblem(string name)
    {
        var toml = RoleTarget($"session_name = \"{name}\"");

        ShouldFail(Read(toml), toml, "session_name", "target[0].session_name", "is not a role session name");
    }

    [Test]
    public void ExternalId_WithForbiddenCharacters_IsAProblem_AndItsValueIsNotRepeated()
    {
        var toml = RoleTarget("external_id = \"secret value!\"");

        var result = Read(toml);

        ShouldFail(result, toml, "external_id", "target[0].external_id", "The external ID must be 2 to 1224");
        Dump(result).Should().NotContain("secret value!");
    }

    [TestCase("ftp://s3.example.com")]
    [TestCase("https://user:s3cr3t@s3.example.com")]
    [TestCase("s3.example.com")]
    public void S3Url_NotHttpOrWithUserInfo_IsAProblem(string url)
    {
        var toml = Target($"s3_url = \"{url}\"");

        ShouldFail(Read(toml), toml, "s3_url", "target[0].s3_url", "is not an http:// or https:// URL (without user information).");
    }

    [Test]
    public void StsUrl_NotHttp_IsAProblem()
    {
        var toml = Target("sts_url = \"file:///etc/passwd\"");

        ShouldFail(Read(toml), toml, "sts_url", "target[0].sts_url", "is not an http:// or https:// URL");
    }

    [Test]
    public void Definitions_FolderThatDoesNotExist_IsAProblem()
    {
        var toml = Target("definitions = [\"defs/missing\"]");

        ShouldFail(Read(toml), toml, "defs/missing", "target[0].definitions", "The definition folder or file 'defs/missing' does not exist");
    }

    [Test]
    public void Snapshot_FileThatDoesNotExist_IsAProblem()
    {
        var toml = Target("snapshot = \"accounts/none.json\"");

        ShouldFail(Read(toml), toml, "snapshot", "target[0].snapshot", "The snapshot file 'accounts/none.json' does not exist");
    }

    [Test]
    public void Endpoint_NotAnEndpoint_IsAProblem()
    {
        var toml = Target(endpoint: "s3://x/");

        ShouldFail(Read(toml), toml, "endpoint", "target[0].endpoint", "is not an endpoint");
    }

    [Test]
    public void EmptyValue_IsAProblem()
    {
        var toml = Target("profile = \"  \"");

        ShouldFail(Read(toml), toml, "profile", "target[0].profile", "'profile' must not be empty.");
    }

    [Test]
    public void WrongType_IsAProblem()
    {
        var toml = Target("regions = \"eu-west-1\"");

        ShouldFail(Read(toml), toml, "regions", "target[0].regions", "Expected an array of strings");
    }

    [Test]
    public void TomlSyntaxError_IsAProblemAtItsLine()
    {
        var toml = "[[target]]\nname = \"a\"\naccount = \"111111111111\n";

        var result = Read(toml);

        result.Targets.Should().BeEmpty();
        result.Problems.Select(p => p.ToString()).Should().Contain(p => p.StartsWith(_path + ":3:", StringComparison.Ordinal) && p.Contains("TOML syntax error", StringComparison.Ordinal), Dump(result));
    }

    [Test]
    public void NotUtf8_IsAProblemAtTheLineOfTheBadByte()
    {
        var bytes = Encoding.UTF8.GetBytes("[[target]]\nname = \"a\"\naccount = \"").Concat(new byte[] { 0xFF, 0xFE }).Concat(Encoding.UTF8.GetBytes("\"\n")).ToArray();
        _path = _folder.WriteBytes(bytes);

        var result = TargetsFile.Read(_path);

        result.Targets.Should().BeEmpty();
        result.Problems.Should().ContainSingle().Which.ToString().Should().StartWith(_path + ":3:").And.Contain("not valid UTF-8");
    }

    [Test]
    public void MissingFile_IsAProblemNamingTheFile()
    {
        var missing = Path.Combine(_folder.Root, "nope.toml");

        var result = TargetsFile.Read(missing);

        result.Targets.Should().BeEmpty();
        result.Problems.Should().ContainSingle().Which.ToString().Should().Be($"cannot read the targets file '{missing}': no such file.");
    }

    [Test]
    public void Folder_IsAProblemNamingIt()
    {
        var folder = _folder.Folder("targets.d");

        var result = TargetsFile.Read(folder);

        result.Problems.Should().ContainSingle().Which.ToString().Should().Contain(folder).And.Contain("it is a folder, not a file.");
    }

    [TestCase("")]
    [TestCase("# only a comment\n")]
    [TestCase("[defaults]\nregion = \"eu-west-1\"\n")]
    public void NoTarget_IsAProblem(string toml)
    {
        var result = Read(toml);

        result.IsValid.Should().BeFalse();
        result.Targets.Should().BeEmpty();
        result.Problems.Select(p => p.ToString()).Should().Contain(p => p.StartsWith(_path + ":1:", StringComparison.Ordinal) && p.Contains("target: ", StringComparison.Ordinal), Dump(result));
    }

    [Test]
    public void TargetAsAPlainTable_IsAProblem()
    {
        var toml = "[target]\nname = \"a\"\n";

        var result = Read(toml);

        result.IsValid.Should().BeFalse();
        result.Targets.Should().BeEmpty();
        Dump(result).Should().Contain("target");
    }

    [Test]
    public void AnyProblem_InOneTarget_YieldsNoTargetAtAll()
    {
        var toml = """
            [[target]]
            name = "good"
            account = "111111111111"
            region = "eu-west-1"
            endpoint = "state/good"

            [[target]]
            name = "bad"
            account = "2222"
            region = "eu-west-1"
            endpoint = "state/bad"
            """;

        var result = Read(toml);

        result.Targets.Should().BeEmpty();
        result.Problems.Should().ContainSingle();
    }

    [Test]
    public void EveryProblem_IsReportedAtOnce()
    {
        var toml = """
            [[target]]
            name = "a"
            account = "1"
            region = "nowhere"
            endpoint = "state/{x}"
            """;

        var result = Read(toml);

        Dump(result).Should().Contain("target[0].account").And.Contain("target[0].region").And.Contain("target[0].endpoint");
    }

    [Test]
    public void ProblemInDefaults_SharedByManyTargets_IsReportedOnce()
    {
        // One mistake in [defaults] is one problem: the listing, its count and the JSON error document repeat it otherwise.
        var toml = """
            [defaults]
            region = "eu-west-1"
            endpoint = "state/{nme}"

            [[target]]
            name = "a"
            account = "111111111111"

            [[target]]
            name = "b"
            account = "222222222222"

            [[target]]
            name = "c"
            account = "333333333333"
            """;

        var result = Read(toml);

        result.Targets.Should().BeEmpty();
        result.Problems.Select(p => p.ToString()).Should().ContainSingle(Dump(result))
            .Which.Should().StartWith($"{_path}:{TargetsFolder.LineOf(toml, "{nme}")}:").And.Contain("defaults.endpoint");
    }

    // ---- helpers ----

    private TargetsFileResult Read(string toml, string? region = null, Uri? s3 = null)
    {
        _path = _folder.Write(toml);
        return TargetsFile.Read(_path, region, s3);
    }

    private void ShouldFail(TargetsFileResult result, string toml, string lineFragment, string field, string message, int occurrence = 1)
    {
        result.IsValid.Should().BeFalse(Dump(result));
        result.Targets.Should().BeEmpty("a file with any problem gives no target");
        var prefix = $"{_path}:{TargetsFolder.LineOf(toml, lineFragment, occurrence)}:";
        result.Problems.Select(p => p.ToString()).Should().Contain(
            p => p.StartsWith(prefix, StringComparison.Ordinal) && p.Contains(field + ": ", StringComparison.Ordinal) && p.Contains(message, StringComparison.Ordinal),
            $"a problem at {prefix} on {field} saying \"{message}\" is expected; got:\n{Dump(result)}");
    }

    private static string Dump(TargetsFileResult result) => string.Join("\n", result.Problems.Select(p => p.ToString()));

    private static string Target(string more = "", string? name = "a", string? account = "111111111111", string? region = "eu-west-1", string? endpoint = "state/a")
    {
        var text = new StringBuilder("[[target]]\n");
        if (name is not null)
        {
            text.Append("name = \"").Append(name).Append("\"\n");
        }

        if (account is not null)
        {
            text.Append("account = \"").Append(account).Append("\"\n");
        }

        if (region is not null)
        {
            text.Append("region = \"").Append(region).Append("\"\n");
        }

        if (endpoint is not null)
        {
            text.Append("endpoint = \"").Append(endpoint).Append("\"\n");
        }

        return text.Append(more).Append(more.Length > 0 ? "\n" : "").ToString();
    }

    private static string RoleTarget(string more = "", string roleArn = "arn:aws:iam::111111111111:role/lakecircle") =>
        Target($"role_arn = \"{roleArn}\"" + (more.Length > 0 ? "\n" + more : ""));
}

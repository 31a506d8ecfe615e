using Amazon.Runtime;
using LakeCircle.Cli.Credentials;

namespace LakeCircle.Cli.Tests.Credentials;

/// <summary>Profiles from temporary shared credentials/config files (never ~/.aws), and the checks of a request.</summary>
public sealed class TargetCredentialsTests
{
    private const string DevKey = "AKIADEVEXAMPLE000001";
    private const string DevSecret = "dev-secret-value-0001";
    private const string ConfigKey = "AKIACFGEXAMPLE000002";
    private const string ConfigSecret = "cfg-secret-value-0002";
    private DirectoryInfo _folder = null!;
    private ProfileFiles _files = null!;

    [SetUp]
    public void SetUp()
    {
        _folder = Directory.CreateTempSubdirectory("lakecircle-profiles-");
        var credentials = Path.Combine(_folder.FullName, "credentials");
        File.WriteAllText(credentials, $"""
            [dev]
            aws_access_key_id = {DevKey}
            aws_secret_access_key = {DevSecret}

            [empty]
            region = eu-west-1
            """);
        File.WriteAllText(Path.Combine(_folder.FullName, "config"), $"""
            [profile cfg]
            aws_access_key_id = {ConfigKey}
            aws_secret_access_key = {ConfigSecret}
            region = eu-west-1
            """);
        _files = ProfileFiles.At(credentials);
    }

    [TearDown]
    public void TearDown() => _folder.Delete(recursive: true);

    [Test]
    public void Resolve_NeitherProfileNorRole_LeavesTheDefaultChain()
    {
        var result = TargetCredentials.Resolve(new TargetCredentialRequest { Region = "eu-west-1" }, _files);

        result.Succeeded.Should().BeTrue();
        result.Credentials.Should().BeNull("null means the SDK's default chain");
    }

    [Test]
    public void Resolve_ProfileInCredentialsFile_GivesItsKeys()
    {
        var result = TargetCredentials.Resolve(new TargetCredentialRequest { Profile = "dev" }, _files);

        result.Error.Should().BeNull();
        var keys = result.Credentials!.GetCredentials();
        keys.AccessKey.Should().Be(DevKey);
        keys.SecretKey.Should().Be(DevSecret);
    }

    [Test]
    public void Resolve_ProfileInConfigFile_GivesItsKeys()
    {
        var result = TargetCredentials.Resolve(new TargetCredentialRequest { Profile = "cfg" }, _files);

        result.Error.Should().BeNull();
        result.Credentials!.GetCredentials().AccessKey.Should().Be(ConfigKey);
    }

    [Test]
    public void Resolve_MissingProfile_NamesItAndTheFilesRead()
    {
        var result = TargetCredentials.Resolve(new TargetCredentialRequest { Profile = "nope" }, _files);

        result.Succeeded.Should().BeFalse();
        result.Credentials.Should().BeNull();
        result.Error.Should().Be($"profile 'nope' is not in {Path.Combine(_folder.FullName, "config")} or {Path.Combine(_folder.FullName, "credentials")}");
    }

    [Test]
    public void Resolve_ProfileWithoutCredentials_SaysSo()
    {
        var result = TargetCredentials.Resolve(new TargetCredentialRequest { Profile = "empty" }, _files);

        result.Error.Should().StartWith("profile 'empty' in ").And.EndWith(" holds no credentials");
    }

    [Test]
    public void Resolve_RoleWithMissingSourceProfile_NamesTheRoleAndTheProfile()
    {
        var result = TargetCredentials.Resolve(new TargetCredentialRequest
        {
            Profile = "dev", SourceProfile = "gone", RoleArn = "arn:aws:iam::123456789012:role/lakecircle", Region = "eu-west-1",
        }, _files);

        result.Error.Should().StartWith("role arn:aws:iam::123456789012:role/lakecircle: profile 'gone' is not in ");
    }

    [Test]
    public void Resolve_Role_GivesRoleCredentialsWithTheDefaults()
    {
        var result = TargetCredentials.Resolve(new TargetCredentialRequest { RoleArn = "arn:aws:iam::123456789012:role/lakecircle", Region = "eu-west-1" }, _files);

        result.Error.Should().BeNull();
        using var role = result.Role!;
        role.RoleArn.Should().Be("arn:aws:iam::123456789012:role/lakecircle");
        role.SessionName.Should().Be("lakecircle");
        role.Duration.Should().Be(TimeSpan.FromHours(1));
        role.PreemptExpiryTime.Should().Be(TimeSpan.FromMinutes(5));
        role.AssumeCount.Should().Be(0, "resolving makes no call");
    }

    [TestCase("a", TestName = "Check_SessionNameOfOneCharacter_IsRefused")]
    [TestCase("has space", TestName = "Check_SessionNameWithSpace_IsRefused")]
    [TestCase("name/slash", TestName = "Check_SessionNameWithSlash_IsRefused")]
    public void Check_BadSessionName_IsRefusedWithThePattern(string name)
    {
        var problem = TargetCredentials.Check(Role() with { SessionName = name });

        problem.Should().Be($"role arn:aws:iam::123456789012:role/lakecircle: the session name '{name}' must be 2 to 64 characters of letters, digits and _+=,.@-");
    }

    [Test]
    public void Check_SessionNameOf64Allowed_65Refused()
    {
        TargetCredentials.Check(Role() with { SessionName = new string('a', 64) }).Should().BeNull();
        TargetCredentials.Check(Role() with { SessionName = new string('a', 65) }).Should().Contain("the session name");
    }

    [TestCase(899)]
    [TestCase(43201)]
    public void Check_DurationOutsideAssumeRoleRange_IsRefused(int seconds)
    {
        var problem = TargetCredentials.Check(Role() with { Duration = TimeSpan.FromSeconds(seconds) });

        problem.Should().Be($"role arn:aws:iam::123456789012:role/lakecircle: the session duration must be whole seconds from 900 s (15 minutes) to 43200 s (12 hours), not {seconds} s");
    }

    [TestCase(900)]
    [TestCase(43200)]
    public void Check_DurationAtTheBounds_IsAccepted(int seconds) =>
        TargetCredentials.Check(Role() with { Duration = TimeSpan.FromSeconds(seconds) }).Should().BeNull();

    [Test]
    public void Check_RoleSettingsWithoutRole_AreRefused()
    {
        var problem = TargetCredentials.Check(new TargetCredentialRequest { Profile = "dev", ExternalId = "secret-external", Duration = TimeSpan.FromHours(1) });

        problem.Should().Be("profile 'dev': an external ID, a session duration needs a role ARN");
    }

    [Test]
    public void Check_BadExternalId_IsRefusedWithoutShowingIt()
    {
        var problem = TargetCredentials.Check(Role() with { ExternalId = "has a space" });

        problem.Should().Contain("the external ID must be").And.NotContain("has a space");
    }

    [Test]
    public void Check_RoleWithoutRegionOrStsUrl_IsRefused() =>
        TargetCredentials.Check(Role() with { Region = null }).Should().Be("role arn:aws:iam::123456789012:role/lakecircle: a region is needed to reach STS");

    [Test]
    public void Check_NotARoleArn_IsRefused() =>
        TargetCredentials.Check(Role() with { RoleArn = "arn:aws:iam::123456789012:user/someone" }).Should().Contain("not a role ARN");

    [Test]
    public void Check_RadosgwRoleArnWithoutAccount_IsAccepted() =>
        TargetCredentials.Check(Role() with { RoleArn = "arn:aws:iam:::role/lakecircle-target", Region = null, StsUrl = new Uri("http://127.0.0.1:7480") }).Should().BeNull();

    [Test]
    public void Check_EmptyProfile_IsRefused() =>
        TargetCredentials.Check(new TargetCredentialRequest { Profile = " " }).Should().Be("the profile is empty");

    private static TargetCredentialRequest Role() => new() { RoleArn = "arn:aws:iam::123456789012:role/lakecircle", Region = "eu-west-1" };
}
